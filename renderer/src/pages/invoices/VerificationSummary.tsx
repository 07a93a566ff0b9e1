import { Card, Col, Row, Statistic, Typography } from 'antd';
import type { ProjectVerification } from '@shared/api/verification-contract';
import { addMoney, compareMoney } from '@shared/domain/money';
import { awardReasonText, decisiveAwardStep } from '@shared/rules/decisive-step';
import { yuan } from '../../format';

const small = { fontSize: 12, lineHeight: '18px' } as const;
const figure = { fontSize: 18 } as const;
const nowrap = { whiteSpace: 'nowrap' } as const;

/** Why the award is what it is: the rule set's message, else the step that decides the amount (e.g. 低于8000万元：不予奖补), not a bonus after it. */
function awardReason(v: ProjectVerification): string {
  const step = decisiveAwardStep(v.awardTrace);
  return v.summary.awardMessage ?? (step ? awardReasonText(step) : `按核定投资额 ${yuan(v.summary.verifiedInvestment)} 元测算`);
}

/**
 * The totals explained: counts per decision kind, 核定投资额 = 已认定 + 暂计入 − 合同/付款上限扣减,
 * and the reason under 奖补金额. `compact`: two cards a row, for a narrow column beside the score sheet.
 */
export function VerificationSummary({ v, compact = false }: { v: ProjectVerification; compact?: boolean }) {
  const s = v.summary;
  const b = s.breakdown;
  const span = compact ? 12 : 6;
  const decidedAmount = addMoney(b.accepted.amount, b.reduced.amount);
  const capped = compareMoney(b.capDeduction, '0.00') !== 0;
  return (
    <Row gutter={[8, 8]} data-testid="verification-summary">
      <Col span={span}>
        <Card size="small" styles={{ body: { padding: '6px 12px' } }}>
          <Statistic title="申报金额（不含税）" value={yuan(s.claimed)} valueStyle={figure} />
          <div style={small}>
            发票 {s.invoices} 张；有问题 {s.flagged} 张{s.errors > 0 && <Typography.Text type="danger">（错误 {s.errors} 张）</Typography.Text>}
          </div>
        </Card>
      </Col>
      <Col span={span}>
        <Card size="small" styles={{ body: { padding: '6px 12px' } }} data-testid="decision-counts">
          <div style={{ ...small, color: 'rgba(0,0,0,0.45)', fontSize: 14, lineHeight: '22px' }}>认定进度</div>
          {/* Each count stays whole; in a narrow column the line breaks between counts instead of being cut. */}
          <div style={{ fontSize: 14, lineHeight: compact ? '22px' : '27px' }}>
            <span style={nowrap}>认定 {b.accepted.count}</span>·<span style={nowrap}>核减 {b.reduced.count}</span>·<span style={nowrap}>不予认定 {b.rejected.count}</span>
            ·
            <Typography.Text type="warning" style={nowrap}>
              未决 {b.undecided.count}
            </Typography.Text>
          </div>
          <div style={small}>
            {s.stale > 0 ? `${String(s.stale)} 张材料变更后需复核；` : ''}
            {b.reduced.count > 0 ? `核减共 ${yuan(b.reduced.cut)} 元` : `未决中 ${String(b.undecided.held.count)} 张有错误，暂不计入`}
          </div>
        </Card>
      </Col>
      <Col span={span}>
        <Card size="small" styles={{ body: { padding: '6px 12px' } }}>
          <Statistic title="核定投资额" value={yuan(s.verifiedInvestment)} valueStyle={{ ...figure, color: '#0958d9' }} data-testid="verified-investment" />
          <div style={small} data-testid="verified-formula">
            = 已认定 {yuan(decidedAmount)} + 暂计入 {yuan(b.undecided.provisional.amount)}
            {capped ? ` − 合同/付款上限扣减 ${yuan(b.capDeduction)}` : ''}
          </div>
        </Card>
      </Col>
      <Col span={span}>
        <Card size="small" styles={{ body: { padding: '6px 12px' } }}>
          <Statistic title={s.awardIsCeiling ? '奖补上限' : '奖补金额'} value={s.award === null ? '—' : yuan(s.award)} valueStyle={figure} data-testid="award" />
          <Typography.Paragraph style={{ ...small, marginBottom: 0 }} ellipsis={{ rows: compact ? 2 : 1, tooltip: true }} data-testid="award-reason">
            {awardReason(v)}
          </Typography.Paragraph>
        </Card>
      </Col>
    </Row>
  );
}
