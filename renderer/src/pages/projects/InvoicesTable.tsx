import { money } from '../../components/money';
import { Input, Modal, Space, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { InvoiceRow } from '@shared/api/batches-contract';
import { namesAttachment } from '@shared/verification/attachments';
import { AttachmentView } from '../../components/AttachmentView';

/** Every invoice of a project in one virtualised table: 100,000 rows scroll without paging. */
export function InvoicesTable({
  invoices,
  project,
}: {
  invoices: readonly InvoiceRow[];
  /** The project and its stored files: attachment names become links that open the viewer. */
  project?: { batchId: string; projectId: string; paths: readonly string[] };
}) {
  const [search, setSearch] = useState('');
  const [viewing, setViewing] = useState<string | null>(null);
  const attachmentLinks = (written: string[]) => (
    <Space size={4} style={{ whiteSpace: 'nowrap', overflow: 'hidden' }}>
      {written.map((name) => {
        const path = project?.paths.find((p) => namesAttachment([name], p));
        return path === undefined ? (
          <Typography.Text key={name} type="secondary" title="材料包中没有此文件">
            {name}
          </Typography.Text>
        ) : (
          <Typography.Link key={name} onClick={() => setViewing(path)}>
            {name}
          </Typography.Link>
        );
      })}
    </Space>
  );
  const shown = useMemo(() => {
    const term = search.trim();
    return term === '' ? invoices : invoices.filter((i) => `${i.key}${i.sellerName}${i.itemName}${i.contractNo}`.includes(term));
  }, [invoices, search]);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space>
        <Input.Search allowClear placeholder="按号码、销售方、项目名称或合同编号查找" style={{ width: 360 }} onChange={(e) => setSearch(e.target.value)} />
        <Typography.Text type="secondary" data-testid="invoice-count">
          共 {shown.length} 张
        </Typography.Text>
      </Space>
      <Table<InvoiceRow>
        rowKey={(i) => `${String(i.rowNo)}`}
        virtual
        size="small"
        scroll={{ x: 1700, y: 520 }}
        pagination={false}
        dataSource={shown as InvoiceRow[]}
        columns={[
          { title: '行', dataIndex: 'rowNo', width: 60, fixed: 'left' },
          { title: '发票号码', dataIndex: 'key', width: 210, fixed: 'left' },
          { title: '开票日期', dataIndex: 'issuedOn', width: 105 },
          { title: '类型', dataIndex: 'kind', width: 100 },
          { title: '销售方', dataIndex: 'sellerName', width: 220, ellipsis: true },
          { title: '项目名称', dataIndex: 'itemName', width: 220, ellipsis: true },
          { title: '金额（不含税）', dataIndex: 'amount', width: 140, align: 'right', render: money },
          { title: '税率', dataIndex: 'taxRate', width: 70, render: (r: string) => (/^\d/.test(r) ? `${String(Math.round(Number(r) * 100))}%` : r) },
          { title: '税额', dataIndex: 'tax', width: 120, align: 'right', render: money },
          { title: '价税合计', dataIndex: 'total', width: 140, align: 'right', render: money },
          { title: '合同编号', dataIndex: 'contractNo', width: 130 },
          { title: '附件', dataIndex: 'attachments', width: 220, render: attachmentLinks },
        ]}
      />
      {project && (
        <Modal open={viewing !== null} title={viewing} footer={null} width="min(1200px, 94vw)" onCancel={() => setViewing(null)} destroyOnHidden>
          {viewing && <AttachmentView batchId={project.batchId} projectId={project.projectId} path={viewing} />}
        </Modal>
      )}
    </Space>
  );
}
