import { money } from '../../components/money';
import { Alert, Card, Col, Descriptions, Form, Input, InputNumber, Row, Select, Switch, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { STAGES } from '@shared/codes/codes';
import { STAGE_LABEL } from '@shared/codes/labels';
import { evaluateCase, isCaseError, type FactSpec, type RuleSet } from '@shared/rules';
import { yuan } from '../../format';

const STAGE_OPTIONS = [{ value: '', label: '（不指定）' }, ...STAGES.map((stage) => ({ value: stage, label: STAGE_LABEL[stage] }))];

type Values = Record<string, string | number | boolean | null | undefined>;

/** Form.Item hands id, value and onChange to its child: they must reach the control itself. */
function FactInput({ spec, ...control }: { spec: FactSpec } & Record<string, unknown>) {
  switch (spec.type) {
    case 'boolean':
      return <Switch checkedChildren="是" unCheckedChildren="否" {...control} />;
    case 'count':
      return <InputNumber min={0} precision={0} style={{ width: '100%' }} {...control} />;
    case 'enum':
      return <Select allowClear options={spec.values.map((v) => ({ value: v.value, label: v.label }))} {...control} />;
    case 'money':
      return <Input suffix="元" placeholder="如 150000000.00" inputMode="decimal" {...control} />;
    default:
      return <Input {...control} />;
  }
}

/** The engine names fields for files and the command line; the form's reader gets its labels. */
function calculatorHint(error: { message: string; field?: string }): string {
  return error.message
    .replace(/^第 \d+ 条案例的?/u, '')
    .replace(/（[A-Za-z][A-Za-z0-9.]*）/gu, '')
    .replace(/：?应为[^。；]*金额字符串[^。；]*/u, '：请在左侧填写');
}

/** Type the facts, see the award, its trace and the schedule at once (computed in the page). */
export function AwardCalculator({ ruleSet }: { ruleSet: RuleSet }) {
  const [values, setValues] = useState<Values>({});
  const outcome = useMemo(() => {
    const input: Record<string, unknown> = { policy: ruleSet.id };
    for (const [key, value] of Object.entries(values)) {
      if (value === undefined || value === null || value === '') continue;
      input[key] = typeof value === 'string' ? value.replace(/[,\s，]/g, '') : value;
    }
    return evaluateCase(new Map([[ruleSet.id, ruleSet]]), input);
  }, [ruleSet, values]);

  return (
    <Row gutter={16}>
      <Col span={8}>
        <Card title="项目情况" size="small" style={{ position: 'sticky', top: 0 }}>
          <Form layout="vertical" onValuesChange={(_, all: Values) => setValues(all)} key={ruleSet.id}>
            {Object.entries(ruleSet.facts).map(([key, spec]) => (
              <Form.Item key={key} name={key} label={spec.label} tooltip={spec.description} valuePropName={spec.type === 'boolean' ? 'checked' : 'value'}>
                <FactInput spec={spec} />
              </Form.Item>
            ))}
            <Form.Item name="stage" label="评审阶段">
              <Select options={STAGE_OPTIONS} />
            </Form.Item>
            <Form.Item name="accepted" label="是否通过（验收）" valuePropName="checked">
              <Switch checkedChildren="通过" unCheckedChildren="未通过" />
            </Form.Item>
          </Form>
        </Card>
      </Col>
      <Col span={16}>
        {isCaseError(outcome) ? (
          <Alert type="info" showIcon message="请补充项目情况" description={calculatorHint(outcome.error)} data-testid="award-error" />
        ) : (
          <Card size="small" title="测算结果">
            <Descriptions size="small" column={2}>
              <Descriptions.Item label={outcome.ceiling ? '奖补上限' : '奖补金额'}>
                <Typography.Text strong style={{ fontSize: 20 }} data-testid="award-amount">
                  {yuan(outcome.award)} 元
                </Typography.Text>
              </Descriptions.Item>
              <Descriptions.Item label="资金来源">{outcome.fundSourceLabel ?? '—'}</Descriptions.Item>
            </Descriptions>
            {outcome.findings.map((f) => (
              <Alert key={f.code} type="warning" showIcon message={f.message} style={{ marginBottom: 8 }} />
            ))}
            <Typography.Title level={5}>计算过程</Typography.Title>
            <Table
              size="small"
              pagination={false}
              rowKey={(_, i) => String(i)}
              dataSource={[...outcome.trace]}
              data-testid="award-trace"
              columns={[
                {
                  title: '步骤与算式',
                  key: 'step',
                  render: (_, step) => (
                    <>
                      <div>{step.text}</div>
                      {step.formula && (
                        <Typography.Text type="secondary" code>
                          {step.formula}
                        </Typography.Text>
                      )}
                    </>
                  ),
                },
                { title: '金额（元）', dataIndex: 'amount', align: 'right', width: 130, render: money },
                {
                  title: '依据',
                  dataIndex: 'source',
                  width: 150,
                  render: (s: string) => (
                    <Typography.Text type="secondary" style={{ wordBreak: 'break-all', fontSize: 12 }}>
                      {s}
                    </Typography.Text>
                  ),
                },
              ]}
            />
            {outcome.schedule.length > 0 && (
              <>
                <Typography.Title level={5} style={{ marginTop: 16 }}>
                  拨付安排
                </Typography.Title>
                <Table
                  size="small"
                  pagination={false}
                  rowKey="stage"
                  dataSource={[...outcome.schedule]}
                  columns={[
                    { title: '阶段', dataIndex: 'label' },
                    { title: '比例', dataIndex: 'percent', render: (p: string | null) => (p ? `${p}%` : '余额') },
                    { title: '金额（元）', dataIndex: 'amount', align: 'right', render: (a: string, r) => (r.refund ? <Tag color="red">退还 {yuan(a)}</Tag> : yuan(a)) },
                  ]}
                />
              </>
            )}
          </Card>
        )}
      </Col>
    </Row>
  );
}
