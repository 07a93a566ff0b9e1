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
        tableLayout="fixed"
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
        // Fits 1366 wide without scrolling: 供应商 under the contract number, 未付款 under 已付款,
        // and 问题 takes the rest, two lines at most (the full text on hover).
        columns={[
          {
            title: '合同',
            dataIndex: 'contractNo',
            width: 170,
            render: (no: string, c) => (
              <>
                <div>{no}</div>
                <Typography.Text type="secondary" ellipsis={{ tooltip: c.supplierName }} style={{ fontSize: 12, maxWidth: 150 }}>
                  {c.supplierName}
                </Typography.Text>
              </>
            ),
          },
          { title: '类别', dataIndex: 'category', width: 76, render: (c: string, r) => <Tag color={r.eligible ? undefined : 'red'}>{c}</Tag> },
          { title: '合同金额', dataIndex: 'contractAmount', width: 112, align: 'right', render: money },
          { title: '开票（不含税）', dataIndex: 'invoiced', width: 112, align: 'right', render: money },
          { title: '认定', dataIndex: 'accepted', width: 112, align: 'right', render: money },
          {
            title: '已付 / 未付',
            dataIndex: 'paid',
            width: 112,
            align: 'right',
            render: (paid: string, c) => (
              <>
                <div>{money(paid)}</div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  未付 {yuan(c.unpaid)}
                </Typography.Text>
              </>
            ),
          },
          {
            title: '计入',
            dataIndex: 'counted',
            width: 116,
            align: 'right',
            render: (a: string) => <Typography.Text strong>{money(a)}</Typography.Text>,
          },
          {
            title: '问题',
            dataIndex: 'findings',
            render: (f: ProjectVerification['contracts'][number]['findings']) =>
              f.map((x, i) => (
                <Typography.Paragraph
                  key={i}
                  ellipsis={{ rows: 2, tooltip: x.message }}
                  style={{ marginBottom: 0, color: x.severity === 'error' ? '#cf1322' : '#d46b08' }}
                >
                  {x.message}
                </Typography.Paragraph>
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
