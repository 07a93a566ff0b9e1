import { Card, Col, Row, Statistic, Tooltip } from 'antd';
import type { ProjectVerification } from '@shared/api/verification-contract';
import { yuan } from '../../format';

/** `compact`: three figures a row, for a narrow column beside the score sheet. */
export function VerificationSummary({ v, compact = false }: { v: ProjectVerification; compact?: boolean }) {
  const s = v.summary;
  const span = compact ? 8 : 4;
  return (
    <Row gutter={[12, 12]}>
      <Col span={span}>
        <Card size="small">
          <Statistic title="发票" value={s.invoices} suffix="张" />
        </Card>
      </Col>
      <Col span={span}>
        <Card size="small">
          <Statistic title="申报金额（不含税）" value={yuan(s.claimed)} />
        </Card>
      </Col>
      <Col span={span}>
        <Card size="small" data-testid="flagged-invoices">
          {/* In the narrow column the error count moves below the figure so the title stays on one line. */}
          <Statistic
            title={compact ? '有问题的发票' : `有问题的发票（错误 ${String(s.errors)}）`}
            value={s.flagged}
            suffix="张"
            valueStyle={{ color: s.errors > 0 ? '#cf1322' : undefined }}
          />
          {compact && <div style={{ color: 'rgba(0,0,0,0.45)', fontSize: 12 }}>{`其中错误 ${String(s.errors)} 张`}</div>}
        </Card>
      </Col>
      <Col span={span}>
        <Card size="small">
          <Statistic title={s.stale > 0 ? `已认定（${String(s.stale)} 张需复核）` : '已认定'} value={s.decided} suffix="张" />
        </Card>
      </Col>
      <Col span={span}>
        <Card size="small">
          <Tooltip title="已认定的按认定结果计算；尚未认定的发票，没有错误的暂按认定计入">
            <Statistic title="核定投资额" value={yuan(s.verifiedInvestment)} valueStyle={{ color: '#0958d9' }} data-testid="verified-investment" />
          </Tooltip>
        </Card>
      </Col>
      <Col span={span}>
        <Card size="small">
          <Tooltip title={s.awardMessage ?? undefined}>
            <Statistic title={s.awardIsCeiling ? '奖补上限' : '奖补金额'} value={s.award === null ? '—' : yuan(s.award)} data-testid="award" />
          </Tooltip>
        </Card>
      </Col>
    </Row>
  );
}
