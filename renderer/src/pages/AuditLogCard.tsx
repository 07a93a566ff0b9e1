import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Table, Typography } from 'antd';
import type { AuditEntry } from '@shared/api/settings-contract';
import { api } from '../api/client';
import { dateTime } from '../format';

/** Summarises the stored details (JSON) in one line a reviewer can read. */
function detailText(details: string): string {
  try {
    const value = JSON.parse(details) as Record<string, unknown>;
    return Object.entries(value)
      .filter(([, v]) => v !== undefined && v !== null && v !== '')
      .map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
      .join('；');
  } catch {
    return details;
  }
}

/** The due-diligence record: who imported, decided or changed what, and when. */
export function AuditLogCard() {
  const log = useQuery({ queryKey: ['listAuditLog'], queryFn: () => api.listAuditLog({ limit: 2000 }), staleTime: 0 });
  return (
    <Card title="操作记录（尽职记录）" style={{ marginTop: 16 }}>
      <Typography.Paragraph type="secondary">导入、认定、核减、不予认定和设置修改都会记录在此，作为评审尽职的依据；记录不可修改。</Typography.Paragraph>
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
          { title: '操作人', dataIndex: 'actor', width: 110 },
          { title: '操作', dataIndex: 'action', width: 120 },
          { title: '对象', dataIndex: 'subject', width: 220, ellipsis: true },
          { title: '详情', dataIndex: 'details', ellipsis: true, render: detailText },
        ]}
      />
    </Card>
  );
}
