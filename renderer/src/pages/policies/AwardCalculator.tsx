import { money } from '../../components/money';
import { Alert, Card, Col, Descriptions, Form, Input, InputNumber, Row, Select, Switch, Table, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { STAGES } from '@shared/codes/codes';
import { STAGE_LABEL } from '@shared/codes/labels';
import { parseAmountInput } from '@shared/domain/amount-input';
import { evaluateCase, isCaseError, readableSource, type CaseError, type FactSpec, type RuleSet } from '@shared/rules';
import { ProjectInvestmentPicker } from './ProjectInvestmentPicker';
import { yuan } from '../../format';

const STAGE_OPTIONS = [{ value: '', label: '（不指定）' }, ...STAGES.map((stage) => ({ value: stage, label: STAGE_LABEL[stage] }))];

export type Values = Record<string, string | number | boolean | null | undefined>;

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
      return <Input placeholder="如 1.5亿、3000万 或 150000000" inputMode="decimal" {...control} />;
    default:
      return <Input {...control} />;
  }
}

/** The case from the typed values: amounts read as yuan, 万元 or 亿; what cannot be read is said in plain words. */
function caseFrom(ruleSet: RuleSet, values: Values): { input: Record<string, unknown>; problems: string[]; amounts: Record<string, string> } {
  const input: Record<string, unknown> = { policy: ruleSet.id };
  const problems: string[] = [];
  const amounts: Record<string, string> = {};
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined || value === null || value === '') continue;
    const spec = ruleSet.facts[key];
    if (spec?.type === 'money' && typeof value === 'string') {
      const parsed = parseAmountInput(value, `「${spec.label}」`);
      if (parsed.ok) input[key] = amounts[key] = parsed.value;
      else problems.push(parsed.message);
    } else if (spec || key === 'stage' || key === 'accepted') input[key] = typeof value === 'string' ? value.trim() : value;
  }
  return { input, problems, amounts };
}

/** The engine's error in a reviewer's words: the field's label, never its internal name. */
function plainError(ruleSet: RuleSet, error: CaseError): string {
  const label = error.field === undefined ? undefined : (ruleSet.facts[error.field]?.label ?? (error.field === 'stage' ? '评审阶段' : undefined));
  if (error.code === 'MISSING_FIELD' && label) return `请填写「${label}」。`;
  return error.message.replace(/^第\s*\d+\s*条案例：/u, '').replace(/（[A-Za-z][A-Za-z0-9]*）/gu, '');
}

/**
 * Type the facts, see the award, its trace and the schedule at once (computed in the page). The
 * values live in the page, so an amount typed once stays when another policy is chosen.
 */
export function AwardCalculator({ ruleSet, values, onChange }: { ruleSet: RuleSet; values: Values; onChange: (changed: Values) => void }) {
  const [form] = Form.useForm<Values>();
  const { input, problems, amounts } = useMemo(() => caseFrom(ruleSet, values), [ruleSet, values]);
  const outcome = useMemo(() => evaluateCase(new Map([[ruleSet.id, ruleSet]]), input), [ruleSet, input]);
  const typedNothing = problems.length === 0 && Object.keys(input).length === 1;
  const bringIn = (investment: string) => {
    form.setFieldsValue({ investment });
    onChange({ investment });
  };

  return (
    <Row gutter={16}>
      <Col span={8}>
        <Card title="项目情况" size="small" style={{ position: 'sticky', top: 0 }}>
          {'investment' in ruleSet.facts && <ProjectInvestmentPicker onPick={bringIn} />}
          <Form form={form} layout="vertical" initialValues={values} onValuesChange={(changed: Values) => onChange(changed)} key={ruleSet.id}>
            {Object.entries(ruleSet.facts).map(([key, spec]) => (
              <Form.Item
                key={key}
                name={key}
                label={spec.label}
                tooltip={spec.description}
                valuePropName={spec.type === 'boolean' ? 'checked' : 'value'}
                extra={amounts[key] === undefined ? undefined : `即 ${yuan(amounts[key])} 元`}
              >
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
        {typedNothing ? (
          <Alert
            type="info"
            showIcon
            message="请在左侧填写项目情况"
            description="填写后即时测算奖补金额、计算过程和拨付安排。金额可以写成 1.5亿、3000万 或 150000000；也可以选择已导入的项目，带入其核定投资额。"
            data-testid="award-error"
          />
        ) : problems.length > 0 || isCaseError(outcome) ? (
          <Alert
            type="info"
            showIcon
            message="请补充或核对项目情况"
            description={problems.length > 0 ? problems.join('；') : isCaseError(outcome) ? plainError(ruleSet, outcome.error) : ''}
            data-testid="award-error"
          />
        ) : (
          <Card size="small" title="测算结果">
            <Descriptions size="small" column={2}>
              <Descriptions.Item label={outcome.ceiling ? '奖补上限' : '奖补金额'}>
                <Typography.Text strong style={{ fontSize: 20 }} data-testid="award-amount">
                  {outcome.hasFormula ? `${yuan(outcome.award)} 元` : '不计算金额'}
                </Typography.Text>
                {outcome.ceiling && <Tag style={{ marginLeft: 8 }}>最高可补助，实际金额由评审确定</Tag>}
              </Descriptions.Item>
              <Descriptions.Item label="资金来源">{outcome.fundSourceLabel ?? '—'}</Descriptions.Item>
            </Descriptions>
            {outcome.findings.map((f) => (
              <Alert
                key={f.code}
                type="warning"
                showIcon
                message={f.message}
                description={f.source === undefined ? undefined : `依据：${readableSource(f.source, ruleSet)}`}
                style={{ marginBottom: 8 }}
              />
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
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {readableSource(s, ruleSet)}
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
