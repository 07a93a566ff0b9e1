import { Alert, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { VerifiedPaymentDto } from '@shared/api/verification-contract';
import type { FindingCode } from '@shared/codes/codes';
import { FINDING_LABEL, SEVERITY_LABEL } from '@shared/codes/labels';
import { money } from '../../components/money';
import { SEVERITY_COLOR } from './colors';

type Filter = 'flagged' | 'all';

const has = (payment: VerifiedPaymentDto, code: FindingCode) => payment.findings.some((f) => f.code === code);

/** The cell a finding is about, in the warning colour, so the eye goes to it. */
function Marked({ text, when }: { text: string; when: boolean }) {
  return when ? (
    <Typography.Text type="warning" strong>
      {text}
    </Typography.Text>
  ) : (
    <>{text}</>
  );
}

/**
 * The 付款 sheet as the checks see it: who paid whom, for which contract, and what does not fit
 * (third-party payer, payee not the contractor, a voucher entered twice, no contract). The
 * findings are written out in full, so the reviewer reads them without hovering.
 */
export function PaymentReview({ payments }: { payments: VerifiedPaymentDto[] }) {
  const flagged = payments.filter((p) => p.findings.length > 0);
  const [filter, setFilter] = useState<Filter>(flagged.length > 0 ? 'flagged' : 'all');
  const shown = filter === 'flagged' ? flagged : payments;
  if (payments.length === 0) return <Alert type="info" showIcon message="本项目的申报表中没有付款记录" />;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Segmented<Filter>
          value={filter}
          onChange={setFilter}
          options={[
            { value: 'flagged', label: `有问题（${String(flagged.length)}）` },
            { value: 'all', label: `全部（${String(payments.length)}）` },
          ]}
        />
        <Typography.Text type="secondary">付款问题不直接改变发票认定，请结合发票与合同判断。</Typography.Text>
      </Space>
      {filter === 'flagged' && flagged.length === 0 ? (
        <Alert type="success" showIcon message="付款记录未发现问题" />
      ) : (
        <Table<VerifiedPaymentDto>
          rowKey="rowNo"
          size="small"
          pagination={shown.length > 100 ? { pageSize: 100, showSizeChanger: false } : false}
          dataSource={shown}
          data-testid="payment-table"
          columns={[
            { title: '行', dataIndex: 'rowNo', width: 52 },
            {
              title: '凭证号 / 付款日期',
              dataIndex: 'voucherNo',
              width: 150,
              render: (voucher: string, p) => (
                <>
                  <div>{voucher}</div>
                  <Typography.Text type="secondary">{p.paidOn}</Typography.Text>
                </>
              ),
            },
            {
              title: '付款方',
              dataIndex: 'payer',
              width: 150,
              ellipsis: true,
              render: (payer: string, p) => <Marked text={payer} when={has(p, 'THIRD_PARTY_PAYMENT')} />,
            },
            {
              title: '收款方',
              dataIndex: 'payee',
              width: 150,
              ellipsis: true,
              render: (payee: string, p) => <Marked text={payee} when={has(p, 'PAYEE_NOT_CONTRACTOR')} />,
            },
            { title: '金额（元）', dataIndex: 'amount', width: 120, align: 'right', render: money },
            { title: '合同编号', dataIndex: 'contractNo', width: 110, render: (c: string, p) => <Marked text={c || '—'} when={has(p, 'NO_CONTRACT')} /> },
            {
              title: '核验发现',
              dataIndex: 'findings',
              render: (findings: VerifiedPaymentDto['findings']) =>
                findings.length === 0 ? (
                  <Typography.Text type="secondary">未发现问题</Typography.Text>
                ) : (
                  <Space direction="vertical" size={4}>
                    {findings.map((f, i) => (
                      <div key={i}>
                        <Tag color={SEVERITY_COLOR[f.severity]}>{`${SEVERITY_LABEL[f.severity]}·${FINDING_LABEL[f.code]}`}</Tag>
                        <Typography.Text>{f.message}</Typography.Text>
                      </div>
                    ))}
                  </Space>
                ),
            },
          ]}
        />
      )}
    </Space>
  );
}
