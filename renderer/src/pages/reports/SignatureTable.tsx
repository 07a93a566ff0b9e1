import { Table, Tag } from 'antd';
import type { PdfSignatureDto } from '@shared/api/reports-contract';

/** Who signed a report, when, with which certificate, and whether the file changed after each signature. */
export function SignatureTable({ signatures }: { signatures: readonly PdfSignatureDto[] }) {
  return (
    <Table<PdfSignatureDto>
      size="small"
      pagination={false}
      rowKey={(s) => `${s.fingerprint}-${s.signedAt ?? ''}`}
      dataSource={[...signatures]}
      locale={{ emptyText: '此文件没有签名' }}
      columns={[
        { title: '签名人', dataIndex: 'signer' },
        { title: '签名时间', dataIndex: 'signedAt', render: (v: string | null) => (v ? new Date(v).toLocaleString('zh-CN') : '不详') },
        { title: '证书指纹（SHA-256）', dataIndex: 'fingerprint', render: (v: string) => <code style={{ fontSize: 11 }}>{v.replace(/(.{4})/gu, '$1 ').trim()}</code> },
        { title: '签名', render: (_, s) => (s.valid ? <Tag color="green">有效</Tag> : <Tag color="red">无效：{s.problem}</Tag>) },
        { title: '签名后', render: (_, s) => (s.coversWholeDocument ? '未再改动' : '有追加内容（如会签）') },
      ]}
    />
  );
}
