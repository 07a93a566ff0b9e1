import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '@shared/api/errors';
import { RESOURCES_DIR } from '@test/support/temp-dir';
import { createTestCore } from '@test/support/test-core';

/** A bureau's own rule set, derived from a shipped one: the Qingdao call with a formula of its own. */
function bureauRuleSet(): Record<string, unknown> {
  const base = JSON.parse(fs.readFileSync(path.join(RESOURCES_DIR, 'rules', 'xiamen-2024.json'), 'utf8')) as Record<string, unknown>;
  return { ...base, id: 'qingdao-2026-bureau', name: '青岛市技改项目奖补（主管部门细则）', issuer: '青岛市工业和信息化局' };
}

describe('rule sets written by a bureau', () => {
  let core: ReturnType<typeof createTestCore>;
  beforeEach(() => {
    core = createTestCore();
  });
  afterEach(() => core.cleanup());

  it('imports a valid file, lists it and computes awards with it', async () => {
    const imported = await core.api.importRuleSet({ text: JSON.stringify(bureauRuleSet()), sourceName: '青岛细则.json' });
    expect(imported).toMatchObject({ id: 'qingdao-2026-bureau', origin: 'imported', sourceName: '青岛细则.json' });
    expect((await core.api.listRuleSets({})).map((r) => r.id)).toContain('qingdao-2026-bureau');
    const [outcome] = await core.api.computeAwards({ cases: [{ policy: 'qingdao-2026-bureau', investment: '80000000.00' }] });
    expect(outcome).toMatchObject({ award: '6400000.00' });
  });

  it('refuses an invalid file with every problem located by its JSON path, and stores nothing', async () => {
    const broken = bureauRuleSet();
    broken.version = 'v1';
    broken.schemaVersion = 7;
    const error = await core.api.importRuleSet({ text: JSON.stringify(broken), sourceName: 'broken.json' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('BAD_INPUT');
    expect((error as AppError).message).toContain('$.version');
    expect((error as AppError).message).toContain('$.schemaVersion');
    expect((await core.api.listRuleSets({})).map((r) => r.id)).not.toContain('qingdao-2026-bureau');
    const notJson = await core.api.importRuleSet({ text: '{ "id": ', sourceName: 'cut.json' }).catch((e: unknown) => e);
    expect((notJson as AppError).code).toBe('BAD_INPUT');
  });

  it('refuses to replace a built-in rule set', async () => {
    const clash = { ...bureauRuleSet(), id: 'xiamen-2024' };
    const error = await core.api.importRuleSet({ text: JSON.stringify(clash), sourceName: 'clash.json' }).catch((e: unknown) => e);
    expect((error as AppError).code).toBe('CONFLICT');
  });
});
