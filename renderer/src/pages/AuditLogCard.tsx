import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Table, Typography } from 'antd';
import type { AuditEntry } from '@shared/api/settings-contract';
import { auditSentence } from '@shared/audit/audit-sentence';
import { api } from '../api/client';
import { dateTime } from '../format';

/** Green when every entry still gives its hash; otherwise the first entry that does not, in red. */
function ChainStatus() {
  const status = useQuery({ queryKey: ['getAuditChainStatus'], queryFn: () => api.getAuditChainStatus({}), staleTime: 0 });
  if (status.error) return <Alert type="error" showIcon message={status.error.message} />;
  if (!status.data) return null;
  const s = status.data;
  if (s.holds) {
    return (
      <Alert
        type="success"
        icon={<CheckCircleFilled />}
        showIcon
        message={`记录完整：全部 ${String(s.entries)} 条记录环环相扣，未被改动、删除或插入`}
        data-testid="audit-chain-holds"
        style={{ marginBottom: 12 }}
      />
    );
  }
  const broken = s.firstBroken;
  return (
    <Alert
      type="error"
      icon={<CloseCircleFilled />}
      showIcon
      message="记录不完整：操作记录被改动过"
      description={broken ? `${broken.message}（${dateTime(broken.at)}，${broken.actionLabel}）。此前的记录可信。` : undefined}
      data-testid="audit-chain-broken"
      style={{ marginBottom: 12 }}
    />
  );
}

/** The due-diligence record: who imported, decided or changed what, and when. */
export function AuditLogCard() {
  const log = useQuery({ queryKey: ['listAuditLog'], queryFn: () => api.listAuditLog({ limit: 2000 }), staleTime: 0 });
  return (
    <Card title="操作记录（尽职记录）" style={{ marginTop: 16 }}>
      <Typography.Paragraph type="secondary">
        导入、认定、评分、回避、导出与合并评审文件和设置修改都会记录在此，作为评审尽职的依据；每条记录都与前一条相扣，任何改动都会被发现。
      </Typography.Paragraph>
      <ChainStatus />
      {log.error && <Alert type="error" showIcon message={log.error.message} />}
      <Table<AuditEntry>
        rowKey="id"
        size="small"
        virtual
        scroll={{ y: 360 }}
        pagination={false}
        loading={log.isLoading}
        dataSource={log.data ?? []}
        data-testid="audit-log"
        columns={[
          { title: '时间', dataIndex: 'at', width: 150, render: dateTime },
          { title: '操作', dataIndex: 'action', width: 130 },
          // Who did what to which invoice or project, and why, in one sentence (shared/audit/audit-sentence.ts).
          { title: '经过', key: 'sentence', render: (_: unknown, entry: AuditEntry) => auditSentence({ ...entry, action: entry.actionCode }) },
        ]}
      />
    </Card>
  );
}
