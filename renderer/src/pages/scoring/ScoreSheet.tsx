import { Alert, Card, Input, Radio, Space, Typography, type InputRef } from 'antd';
import { useCallback, useRef, useState } from 'react';
import type { ScoringSheetDto } from '@shared/api/panel-contract';
import { VERDICTS, type Verdict } from '@shared/scoring/verdict';
import { useApiMutation } from '../../api/use-api-mutation';
import { draftsOf, liveTotal, typedScoreProblem, type ItemDraft } from './score-sheet-state';
import { SaveIndicator } from './SaveIndicator';
import { ScoreItemCard } from './ScoreItemCard';
import { useAutosave } from './use-autosave';

type Problems = ScoringSheetDto['problems'];

interface ScoreSheetProps {
  sheet: ScoringSheetDto;
  attachments: readonly string[];
  onOpenAttachment: (path: string, page: number | null) => void;
}

/**
 * The rubric as a form. What is typed lives here and is saved field by field (autosave); the sheet
 * from the core is read once when the project opens, so a refresh never overwrites typing.
 */
export function ScoreSheet({ sheet, attachments, onOpenAttachment }: ScoreSheetProps) {
  const items = sheet.rubric.items;
  const [drafts, setDrafts] = useState<Record<string, ItemDraft>>(() => draftsOf(sheet));
  const [verdict, setVerdict] = useState<Verdict | null>(sheet.verdict);
  const [opinion, setOpinion] = useState(sheet.opinion);
  const [problems, setProblems] = useState<Problems>(sheet.problems);
  const latest = useRef({ drafts, verdict, opinion });
  const inputs = useRef<(InputRef | null)[]>([]);
  const opinionBox = useRef<HTMLTextAreaElement | null>(null);
  const ref = { batchId: sheet.batchId, projectId: sheet.projectId };
  const saveItem = useApiMutation('saveItemScore', { onSuccess: (reply) => setProblems(reply.problems) });
  const saveVerdict = useApiMutation('saveVerdict', { onSuccess: (reply) => setProblems(reply.problems) });

  const write = useCallback(
    (key: string) => {
      const [field, itemId = ''] = key.split(':') as [keyof ItemDraft | 'verdict', string];
      const { drafts: now, verdict: v, opinion: o } = latest.current;
      if (field === 'verdict') return saveVerdict.mutateAsync({ ...ref, verdict: v, opinion: o });
      const draft = now[itemId];
      if (!draft) return Promise.resolve();
      if (field === 'score') {
        const typed = draft.score.trim();
        // A score half typed when the pause before saving ran out (18. on the way to 18.5) cannot
        // stand: it is not sent; the next keystroke schedules the save of the score it becomes.
        const item = items.find((i) => i.id === itemId);
        if (item && typedScoreProblem(item, typed) !== null) return Promise.resolve();
        return saveItem.mutateAsync({ ...ref, itemId, score: typed === '' ? null : typed });
      }
      if (field === 'comment') return saveItem.mutateAsync({ ...ref, itemId, comment: draft.comment });
      return saveItem.mutateAsync({ ...ref, itemId, attachment: draft.attachment, page: draft.attachment ? draft.page : null });
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the project is fixed for this sheet's lifetime
    [sheet.batchId, sheet.projectId],
  );
  const autosave = useAutosave<null>((key) => write(key));

  const changeItem = (index: number, field: keyof ItemDraft, value: ItemDraft[keyof ItemDraft]) => {
    const item = items[index];
    if (!item) return;
    setDrafts((current) => {
      const next = { ...current, [item.id]: { ...(current[item.id] as ItemDraft), [field]: value } };
      latest.current = { ...latest.current, drafts: next };
      return next;
    });
    const key = `${field === 'page' ? 'attachment' : field}:${item.id}`;
    // A score that cannot stand (21 of 20, 18.3) is shown as wrong and not saved; the last good one stays.
    if (field === 'score' && typedScoreProblem(item, String(value)) !== null) return;
    autosave.change(key, null);
  };
  const blurItem = (index: number, field: keyof ItemDraft) => {
    const item = items[index];
    if (item) void autosave.flush(`${field === 'page' ? 'attachment' : field}:${item.id}`);
  };
  const changeVerdict = (v: Verdict | null, o: string) => {
    setVerdict(v);
    setOpinion(o);
    latest.current = { ...latest.current, verdict: v, opinion: o };
    autosave.change('verdict', null);
  };
  const next = (index: number) => {
    const following = inputs.current[index + 1];
    if (following) following.focus();
    else opinionBox.current?.focus();
  };

  const { total, open } = liveTotal(items, drafts);

  return (
    <Space direction="vertical" style={{ width: '100%' }} size={8} data-testid="score-sheet">
      {/* The total and the save state stay in sight while the reviewer works down the items. */}
      <Card size="small" style={{ position: 'sticky', top: -24, zIndex: 3, boxShadow: '0 2px 6px rgba(0,0,0,.06)' }}>
        <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
          <Typography.Text>
            评分标准：{sheet.rubric.name}（第 {sheet.rubric.version} 版{sheet.rubric.frozen ? '，已冻结' : ''}）
          </Typography.Text>
          <SaveIndicator state={autosave.state} />
        </Space>
        <Space style={{ marginTop: 4 }} size="large">
          <Typography.Text strong style={{ fontSize: 18 }} data-testid="live-total">
            总分 {total} / 100
          </Typography.Text>
          <Typography.Text type="secondary">{open > 0 ? `尚有 ${String(open)} 项未评分` : '各项均已评分'}</Typography.Text>
        </Space>
        <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0', fontSize: 12 }}>
          键盘：直接输入分数，↑/↓ 加减 0.5 分，Enter 或 Tab 到下一项；每次修改自动保存。
        </Typography.Paragraph>
      </Card>
      {items.map((item, index) => (
        <ScoreItemCard
          key={item.id}
          ref={(input) => {
            inputs.current[index] = input;
          }}
          index={index}
          item={item}
          draft={drafts[item.id] as ItemDraft}
          attachments={attachments}
          onChange={(field, value) => changeItem(index, field, value)}
          onBlur={(field) => blurItem(index, field)}
          onNext={() => next(index)}
          onOpenAttachment={onOpenAttachment}
        />
      ))}
      <Card size="small" title="评审结论与意见">
        <Radio.Group
          value={verdict}
          onChange={(e) => changeVerdict(e.target.value as Verdict, opinion)}
          optionType="button"
          buttonStyle="solid"
          options={VERDICTS.map((v) => ({ value: v.id, label: v.label }))}
          data-testid="verdict"
        />
        <Input.TextArea
          ref={(box) => {
            opinionBox.current = box?.resizableTextArea?.textArea ?? null;
          }}
          rows={4}
          maxLength={5000}
          style={{ marginTop: 8 }}
          placeholder="评审意见：项目完成情况、存在的问题和建议"
          value={opinion}
          onChange={(e) => changeVerdict(verdict, e.target.value)}
          onBlur={() => void autosave.flush('verdict')}
          data-testid="opinion"
        />
      </Card>
      {problems.length > 0 && (
        <Alert
          type="info"
          showIcon
          message="交给组长前还需完成"
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {problems.map((p) => (
                <li key={`${p.field}-${p.itemId ?? ''}`}>{p.message}</li>
              ))}
            </ul>
          }
          data-testid="sheet-problems"
        />
      )}
    </Space>
  );
}
