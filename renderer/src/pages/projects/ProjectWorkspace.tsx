import { money } from '../../components/money';
import { useQuery } from '@tanstack/react-query';
import { Alert, Breadcrumb, Card, Descriptions, Spin, Table, Tabs, Tag, Typography } from 'antd';
import { Link, useParams, useSearchParams } from 'react-router';
import type { ProjectDetail } from '@shared/api/batches-contract';
import { enumLabel, parseInvestmentCategory, PROJECT_TYPES } from '@shared/domain/enums';
import { api } from '../../api/client';
import { stageName, yuan } from '../../format';
import { usePolicyName } from '../../components/use-policy-name';
import { AttachmentsTab } from './AttachmentsTab';
import { InvoicesTable } from './InvoicesTable';
import { ConditionChecklistTab } from './ConditionChecklistTab';

function BasicInfo({ detail }: { detail: ProjectDetail }) {
  const p = detail.project;
  const policyName = usePolicyName();
  return (
    <Descriptions bordered size="small" column={2}>
      <Descriptions.Item label="项目编号">{p.id}</Descriptions.Item>
      <Descriptions.Item label="项目名称">{p.name}</Descriptions.Item>
      <Descriptions.Item label="申报单位">{p.applicant}</Descriptions.Item>
      <Descriptions.Item label="统一社会信用代码">{p.creditCode}</Descriptions.Item>
      <Descriptions.Item label="行业代码">{p.industryCode ?? '—'}</Descriptions.Item>
      <Descriptions.Item label="项目类型">{p.tier ? enumLabel(PROJECT_TYPES, p.tier) : '—'}</Descriptions.Item>
      <Descriptions.Item label="是否链主企业">{p.chainLeader === null ? '—' : p.chainLeader ? '是' : '否'}</Descriptions.Item>
      <Descriptions.Item label="配套企业数量">{p.supportingEnterprises ?? '—'}</Descriptions.Item>
      <Descriptions.Item label="计划总投资（元）">{yuan(p.plannedInvestment) || '—'}</Descriptions.Item>
      <Descriptions.Item label="建设期">{`${p.periodStart ?? '?'} 至 ${p.periodEnd ?? '?'}`}</Descriptions.Item>
      <Descriptions.Item label="所在区县">{p.district || '—'}</Descriptions.Item>
      <Descriptions.Item label="联系人">{`${p.contact} ${p.phone}`}</Descriptions.Item>
      <Descriptions.Item label="评审批次">{`${detail.batch.name}（${stageName(detail.batch.stage)}）`}</Descriptions.Item>
      <Descriptions.Item label="政策">{policyName(detail.batch.policy)}</Descriptions.Item>
      {Object.entries(p.extra).map(([k, v]) => (
        <Descriptions.Item key={k} label={k}>
          {v}
        </Descriptions.Item>
      ))}
    </Descriptions>
  );
}

/** 土建 and 土地 are outside what the policies count as investment: marked, by category code. */
function isBuildingOrLand(category: string): boolean {
  const parsed = parseInvestmentCategory(category);
  return parsed.ok && (parsed.value === 'construction' || parsed.value === 'land');
}

export function ProjectWorkspace() {
  const { batchId = '', projectId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const detail = useQuery({ queryKey: ['project', batchId, projectId], queryFn: () => api.getProject({ batchId, projectId }) });
  const invoices = useQuery({ queryKey: ['invoices', batchId, projectId], queryFn: () => api.listInvoices({ batchId, projectId }) });
  if (detail.error) return <Alert type="error" showIcon message={detail.error.message} />;
  if (!detail.data) return <Spin />;
  const d = detail.data;
  const tab = params.get('tab') ?? 'info';

  return (
    <Card>
      <Breadcrumb style={{ marginBottom: 12 }} items={[{ title: <Link to="/projects">项目</Link> }, { title: `${d.project.id} ${d.project.name}` }]} />
      <Typography.Title level={5} style={{ marginTop: 0 }} data-testid="project-title">
        {d.project.name}
      </Typography.Title>
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams({ tab: key })}
        items={[
          { key: 'info', label: '基本信息', children: <BasicInfo detail={d} /> },
          {
            key: 'contracts',
            label: `合同（${String(d.contracts.length)}）`,
            children: (
              <Table
                rowKey="contractNo"
                size="small"
                pagination={false}
                dataSource={d.contracts}
                columns={[
                  { title: '合同编号', dataIndex: 'contractNo' },
                  { title: '合同名称', dataIndex: 'name' },
                  { title: '供应商', dataIndex: 'supplierName' },
                  { title: '签订日期', dataIndex: 'signedOn' },
                  { title: '投资类别', dataIndex: 'category', render: (c: string) => <Tag color={isBuildingOrLand(c) ? 'red' : undefined}>{c}</Tag> },
                  { title: '合同金额', dataIndex: 'amount', align: 'right', render: money },
                  { title: '已开票（不含税）', dataIndex: 'invoiced', align: 'right', render: money },
                  { title: '已付款', dataIndex: 'paid', align: 'right', render: money },
                  { title: '发票数', dataIndex: 'invoiceCount', align: 'right' },
                ]}
              />
            ),
          },
          {
            key: 'invoices',
            label: `发票（${String(invoices.data?.length ?? '…')}）`,
            children: invoices.error ? (
              <Alert type="error" message={invoices.error.message} />
            ) : invoices.data ? (
              <InvoicesTable invoices={invoices.data} project={{ batchId: d.batch.id, projectId: d.project.id, paths: d.attachments.map((a) => a.path) }} />
            ) : (
              <Spin />
            ),
          },
          {
            key: 'payments',
            label: `付款（${String(d.payments.length)}）`,
            children: (
              <Table
                rowKey="rowNo"
                size="small"
                pagination={false}
                dataSource={d.payments}
                columns={[
                  { title: '付款凭证号', dataIndex: 'voucherNo' },
                  { title: '付款日期', dataIndex: 'paidOn' },
                  { title: '付款方', dataIndex: 'payer' },
                  { title: '收款方', dataIndex: 'payee' },
                  { title: '金额', dataIndex: 'amount', align: 'right', render: money },
                  { title: '合同编号', dataIndex: 'contractNo' },
                ]}
              />
            ),
          },
          {
            key: 'indicators',
            label: `绩效指标（${String(d.indicators.length)}）`,
            children: (
              <Table
                rowKey="rowNo"
                size="small"
                pagination={false}
                dataSource={d.indicators}
                rowClassName={(r) => (r.shortfall ? 'indicator-shortfall' : '')}
                columns={[
                  { title: '指标类别', dataIndex: 'category' },
                  { title: '指标名称', dataIndex: 'name' },
                  { title: '单位', dataIndex: 'unit' },
                  { title: '目标值', dataIndex: 'target', align: 'right' },
                  {
                    title: '完成值',
                    dataIndex: 'achieved',
                    align: 'right',
                    render: (value: string, r) =>
                      r.shortfall ? (
                        <Typography.Text type="danger" strong>
                          {value}（未达标）
                        </Typography.Text>
                      ) : (
                        value
                      ),
                  },
                  { title: '佐证材料', dataIndex: 'evidence' },
                ]}
              />
            ),
          },
          { key: 'attachments', label: `附件（${String(d.attachments.length)}）`, children: <AttachmentsTab detail={d} /> },
          { key: 'checklist', label: '资格条件核查', children: <ConditionChecklistTab batchId={batchId} projectId={projectId} /> },
        ]}
      />
    </Card>
  );
}
