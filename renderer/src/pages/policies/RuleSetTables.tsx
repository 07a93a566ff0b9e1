import { Descriptions, Table, Typography } from 'antd';
import type { RuleSetDescription } from '@shared/rules';

/** The rule set as readable Chinese tables, every row with the paragraph it comes from. */
export function RuleSetTables({ description }: { description: RuleSetDescription }) {
  return (
    <div data-testid="rule-set-tables">
      <Descriptions size="small" column={2} bordered style={{ marginBottom: 16 }}>
        <Descriptions.Item label="政策">{description.name}</Descriptions.Item>
        <Descriptions.Item label="发布单位">{description.issuer}</Descriptions.Item>
        <Descriptions.Item label="依据文件">{description.document}</Descriptions.Item>
        <Descriptions.Item label="有效期">{description.validity ?? '未规定'}</Descriptions.Item>
        <Descriptions.Item label="概要" span={2}>
          {description.summary}
        </Descriptions.Item>
      </Descriptions>
      {description.sections.map((section) => (
        <div key={section.key} style={{ marginBottom: 20 }}>
          <Typography.Title level={5}>{section.title}</Typography.Title>
          <Table
            size="small"
            pagination={false}
            rowKey={(_, index) => String(index)}
            dataSource={section.rows.map((row) => ({ cells: row.cells }))}
            columns={section.columns.map((title, index) => ({
              title,
              key: String(index),
              render: (_: unknown, row: { cells: readonly string[] }) =>
                index === section.columns.length - 1 ? <Typography.Text type="secondary">{row.cells[index]}</Typography.Text> : row.cells[index],
            }))}
          />
        </div>
      ))}
    </div>
  );
}
