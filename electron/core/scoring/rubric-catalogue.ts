import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '@shared/api/errors';
import { enumLabel, STAGES, type Stage } from '@shared/domain/enums';
import { deriveRubric, type RubricAdjustments } from '@shared/scoring/rubric-derive';
import { parseRubric, type Rubric } from '@shared/scoring/rubric-schema';
import { rubricHash } from './rubric-version';

export interface RubricEntry {
  readonly rubric: Rubric;
  readonly hash: string;
  /** The file it was read from, for messages. */
  readonly sourceName: string;
}

/**
 * The default rubrics shipped in resources/rubrics, read and validated once at start. Each names the
 * rule sets and stages it serves; no two may claim the same (rule set, stage), so the choice for a
 * batch is never ambiguous.
 */
export function createRubricCatalogue(resourcesDir: string) {
  const folder = path.join(resourcesDir, 'rubrics');
  const entries: RubricEntry[] = [];
  const byPolicyStage = new Map<string, RubricEntry>();
  for (const file of fs.existsSync(folder)
    ? fs
        .readdirSync(folder)
        .filter((f) => f.endsWith('.json'))
        .sort()
    : []) {
    // A broken shipped file is a packaging defect: fail loudly at start rather than score against it.
    const rubric = parseRubric(JSON.parse(fs.readFileSync(path.join(folder, file), 'utf8')), file);
    const entry: RubricEntry = { rubric, hash: rubricHash(rubric), sourceName: file };
    if (entries.some((e) => e.rubric.id === rubric.id)) throw new Error(`评分标准编号「${rubric.id}」重复（${file}）`);
    entries.push(entry);
    for (const policy of rubric.policies) {
      for (const stage of rubric.stages) {
        const key = `${policy}\u0000${stage}`;
        const other = byPolicyStage.get(key);
        if (other) throw new Error(`评分标准「${other.sourceName}」与「${file}」都适用于政策规则「${policy}」的${enumLabel(STAGES, stage)}`);
        byPolicyStage.set(key, entry);
      }
    }
  }

  return {
    all: (): readonly RubricEntry[] => entries,
    get(id: string): RubricEntry {
      const entry = entries.find((e) => e.rubric.id === id);
      if (!entry) throw new AppError('NOT_FOUND', `没有编号为「${id}」的评分标准`);
      return entry;
    },
    /** The default rubric for a batch of this rule set at this stage. */
    choose(policy: string, stage: Stage): RubricEntry {
      const entry = byPolicyStage.get(`${policy}\u0000${stage}`);
      if (!entry) {
        throw new AppError('NOT_FOUND', `政策规则「${policy}」的${enumLabel(STAGES, stage)}没有内置的评分标准；请由组长以一份相近的评分标准为基础调整后使用`);
      }
      return entry;
    },
    /** A chair's adjusted rubric, validated like a shipped one; every problem is listed. */
    derive(base: RubricEntry, adjustments: RubricAdjustments): RubricEntry {
      const result = deriveRubric(base.rubric, base.hash, adjustments);
      if (!result.ok) {
        // Messages that already name their item stand alone; the others get their place in words.
        const lines = result.errors.map((e) => (e.message.includes('评分项「') ? e.message : `${e.where ?? e.path}：${e.message}`));
        throw new AppError('BAD_INPUT', `调整后的评分标准有 ${String(lines.length)} 处问题：\n${lines.join('\n')}`, { problems: result.errors });
      }
      return { rubric: result.value, hash: rubricHash(result.value), sourceName: base.sourceName };
    },
  };
}

export type RubricCatalogue = ReturnType<typeof createRubricCatalogue>;
