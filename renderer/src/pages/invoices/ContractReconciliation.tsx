import { money } from '../../components/money';
import { Alert, Table, Tag, Typography } from 'antd';
import type { ProjectVerification } from '@shared/api/verification-contract';
import { yuan } from '../../format';
import { ContractChart } from './ContractChart';

/** Contract by contract: amount, invoiced, paid, unpaid and what counts, with the reasoning. */
export function ContractReconciliation({ v }: { v: ProjectVerification }) {
  return (
    <>
      <ContractChart v={v} />
      <Table
        rowKey="contractNo"
        size="small"
        pagination={false}
        scroll={{ x: 1400 }}
        dataSource={v.contracts}
        expandable={{
          expandedRowRender: (c) => (
            <ol style={{ margin: 0 }}>
              {c.trace.map((line, i) => (
                <li key={i}>{line}</li>
              ))}
            </ol>
          ),
        }}
        columns={[
          { title: '合同编号', dataIndex: 'contractNo', width: 120 },
          { title: '供应商', dataIndex: 'supplierName', width: 200, ellipsis: true },
          { title: '类别', dataIndex: 'category', render: (c: string, r) => <Tag color={r.eligible ? undefined : 'red'}>{c}</Tag> },
          { title: '合同金额', dataIndex: 'contractAmount', align: 'right', render: money },
          { title: '开票（不含税）', dataIndex: 'invoiced', align: 'right', render: money },
          { title: '认定', dataIndex: 'accepted', align: 'right', render: money },
          { title: '已付款', dataIndex: 'paid', align: 'right', render: money },
          { title: '未付款', dataIndex: 'unpaid', align: 'right', render: money },
          { title: '计入', dataIndex: 'counted', align: 'right', render: (a: string) => <Typography.Text strong>{money(a)}</Typography.Text> },
          {
            title: '问题',
            dataIndex: 'findings',
            render: (f: ProjectVerification['contracts'][number]['findings']) =>
              f.map((x, i) => (
                <div key={i} style={{ color: x.severity === 'error' ? '#cf1322' : '#d46b08' }}>
                  {x.message}
                </div>
              )),
          },
        ]}
      />
      {v.withoutContract.length > 0 && (
        <Alert
          style={{ marginTop: 12 }}
          type="warning"
          showIcon
          message={`${String(v.withoutContract.length)} 张发票没有对应合同，不计入核定投资额`}
          description={v.withoutContract
            .slice(0, 20)
            .map((i) => `第 ${String(i.rowNo)} 行 ${i.key}（${yuan(i.amount)}）`)
            .join('；')}
        />
      )}
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        核定投资额计算过程
      </Typography.Title>
      <ol>
        {v.trace.map((line, i) => (
          <li key={i}>{line}</li>
        ))}
      </ol>
      {v.awardTrace.length > 0 && (
        <>
          <Typography.Title level={5}>奖补测算过程</Typography.Title>
          <ol>
            {v.awardTrace.map((s, i) => (
              <li key={i}>
                {s.text} <Typography.Text type="secondary">{s.source}</Typography.Text>
              </li>
            ))}
          </ol>
        </>
      )}
    </>
  );
}
