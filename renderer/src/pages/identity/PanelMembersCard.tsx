import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { PanelMemberDto } from '@shared/api/reviewers-contract';
import { api } from '../../api/client';
import { useApiMutation } from '../../api/use-api-mutation';
import { dateTime } from '../../format';
import { ConfirmSignerDialog, type SignerToConfirm } from './ConfirmSignerDialog';

const METHOD_LABEL: Record<string, string> = { phone: '电话核对', paper: '书面核对', 'in-person': '当面核对' };

/** The chair's panel: members and the signers whose fingerprint the chair confirmed (可信签名人). */
export function PanelMembersCard() {
  const { message } = App.useApp();
  const members = useQuery({ queryKey: ['listPanelMembers'], queryFn: () => api.listPanelMembers({}) });
  const [confirming, setConfirming] = useState<SignerToConfirm | null>(null);
  const distrust = useApiMutation('distrustSigner', { onSuccess: () => void message.success('已撤销确认'), onError: (e) => void message.error(e.message) });

  return (
    <Card
      title="专家组成员与可信签名人"
      style={{ marginTop: 16 }}
      extra={
        <Button icon={<SafetyCertificateOutlined />} onClick={() => setConfirming({ name: '', organization: '' })} data-testid="add-signer">
          确认专家证书
        </Button>
      }
      data-testid="panel-members"
    >
      <Typography.Paragraph type="secondary">导入专家评审文件前，须与专家本人逐组核对证书指纹并在此确认；未经确认的签名人的文件会被拒收。</Typography.Paragraph>
      {members.error && <Alert type="error" showIcon message={members.error.message} />}
      <Table<PanelMemberDto>
        rowKey={(m) => m.fingerprint}
        size="small"
        pagination={false}
        loading={members.isLoading}
        dataSource={members.data?.members ?? []}
        locale={{ emptyText: '尚无专家组成员' }}
        columns={[
          {
            title: '姓名',
            dataIndex: 'name',
            width: 150,
            render: (name: string, m) => (
              <Space size={4}>
                {name}
                {m.own && <Tag>本人</Tag>}
                {m.role === 'chair' && <Tag color="purple">组长</Tag>}
              </Space>
            ),
          },
          { title: '单位', dataIndex: 'organization', ellipsis: true },
          {
            title: '证书指纹',
            dataIndex: 'fingerprint',
            width: 300,
            render: (f: string) => (
              <Typography.Text code style={{ fontSize: 12, whiteSpace: 'normal', wordSpacing: 2 }}>
                {f}
              </Typography.Text>
            ),
          },
          {
            title: '确认',
            width: 160,
            render: (_: unknown, m) =>
              m.own ? (
                <Typography.Text type="secondary">本机</Typography.Text>
              ) : m.confirmation ? (
                <Space direction="vertical" size={0}>
                  <Tag color="green">{METHOD_LABEL[m.confirmation.method] ?? '已确认'}</Tag>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {dateTime(m.confirmation.confirmedAt)}
                  </Typography.Text>
                </Space>
              ) : (
                <Button size="small" type="primary" onClick={() => setConfirming({ name: m.name, organization: m.organization, fingerprint: m.fingerprint })}>
                  核对指纹
                </Button>
              ),
          },
          {
            title: '已导入',
            width: 130,
            render: (_: unknown, m) => (m.imported.length === 0 ? '—' : m.imported.map((i) => `第 ${String(i.version)} 版`).join('、')),
          },
          {
            title: '',
            width: 90,
            render: (_: unknown, m) =>
              m.confirmation && !m.own ? (
                <Popconfirm
                  title="撤销对此证书的确认？之后该专家的新文件会被拒收。"
                  okText="撤销"
                  cancelText="取消"
                  onConfirm={() => distrust.mutate({ fingerprint: m.fingerprint })}
                >
                  <Button size="small" danger type="link">
                    撤销确认
                  </Button>
                </Popconfirm>
              ) : null,
          },
        ]}
      />
      {confirming && <ConfirmSignerDialog signer={confirming} onClose={() => setConfirming(null)} />}
    </Card>
  );
}
