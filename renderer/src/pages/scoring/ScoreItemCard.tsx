import { LinkOutlined } from '@ant-design/icons';
import { Button, Card, Input, InputNumber, Select, Space, Tag, Typography, type InputRef } from 'antd';
import { forwardRef } from 'react';
import { guidanceFor, needsComment, typedScoreProblem, type ItemDraft, type RubricItemDto } from './score-sheet-state';
import { ScoreInput } from './ScoreInput';

interface ScoreItemCardProps {
  index: number;
  item: RubricItemDto;
  draft: ItemDraft;
  attachments: readonly string[];
  onChange: (field: keyof ItemDraft, value: ItemDraft[keyof ItemDraft]) => void;
  onBlur: (field: keyof ItemDraft) => void;
  onNext: () => void;
  onOpenAttachment: (path: string, page: number | null) => void;
}

/** One rubric item: score, the guidance for the range typed, the comment (required when low or full) and the page it rests on. */
export const ScoreItemCard = forwardRef<InputRef, ScoreItemCardProps>(function ScoreItemCard(
  { index, item, draft, attachments, onChange, onBlur, onNext, onOpenAttachment },
  ref,
) {
  const problem = typedScoreProblem(item, draft.score);
  const guidance = guidanceFor(item, draft.score);
  const required = needsComment(item, draft.score);
  const missingComment = required && draft.comment.trim() === '';
  return (
    <Card size="small" style={{ marginBottom: 8 }} data-testid={`score-item-${String(index + 1)}`}>
      <Space align="start" style={{ width: '100%', justifyContent: 'space-between' }}>
        <div style={{ minWidth: 0 }}>
          <Typography.Text strong>
            {index + 1}. {item.title}
          </Typography.Text>
          <Typography.Text type="secondary">（满分 {item.max} 分）</Typography.Text>
          <Typography.Paragraph type="secondary" style={{ margin: '2px 0 0', fontSize: 13 }}>
            {item.description}
          </Typography.Paragraph>
        </div>
        <ScoreInput
          ref={ref}
          value={draft.score}
          max={item.max}
          invalid={problem !== null}
          label={item.title}
          onChange={(v) => onChange('score', v)}
          onBlur={() => onBlur('score')}
          onNext={onNext}
        />
      </Space>
      <div style={{ margin: '6px 0', minHeight: 22 }}>
        {problem ? (
          <Typography.Text type="danger">{problem}</Typography.Text>
        ) : guidance ? (
          <Typography.Text data-testid="score-guidance">
            <Tag color="blue">
              {guidance.from}–{guidance.to} 分
            </Tag>
            {guidance.text}
          </Typography.Text>
        ) : (
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {item.guidance.map((g) => `${g.from}–${g.to} 分：${g.text}`).join('；')}
          </Typography.Text>
        )}
      </div>
      <Input.TextArea
        rows={2}
        maxLength={2000}
        value={draft.comment}
        status={missingComment ? 'error' : undefined}
        placeholder={required ? '此分数须写明评语（低于满分的 60% 或给满分）' : '评语（可选）'}
        aria-label={`${item.title}评语`}
        onChange={(e) => onChange('comment', e.target.value)}
        onBlur={() => onBlur('comment')}
        data-testid={`comment-${String(index + 1)}`}
      />
      {missingComment && (
        <Typography.Text type="danger" style={{ fontSize: 13 }}>
          须填写评语：{item.title}的得分{draft.score === item.max ? '为满分' : '低于满分的 60%'}
        </Typography.Text>
      )}
      <Space size={4} style={{ marginTop: 6 }} wrap>
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          依据：
        </Typography.Text>
        <Select
          size="small"
          allowClear
          placeholder="选择附件"
          style={{ width: 220 }}
          value={draft.attachment ?? undefined}
          options={attachments.map((a) => ({ value: a, label: a }))}
          onChange={(value: string | undefined) => {
            onChange('attachment', value ?? null);
            if (!value) onChange('page', null);
            onBlur('attachment');
          }}
          aria-label={`${item.title}评语依据的附件`}
        />
        <InputNumber
          size="small"
          min={1}
          max={9999}
          precision={0}
          disabled={!draft.attachment}
          prefix="第"
          suffix="页"
          style={{ width: 96 }}
          value={draft.page}
          onChange={(value) => onChange('page', value)}
          onBlur={() => onBlur('attachment')}
        />
        {draft.attachment && (
          <Button size="small" type="link" icon={<LinkOutlined />} onClick={() => draft.attachment && onOpenAttachment(draft.attachment, draft.page)}>
            查看
          </Button>
        )}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          佐证：{item.evidence.join('、')}
        </Typography.Text>
      </Space>
    </Card>
  );
});
