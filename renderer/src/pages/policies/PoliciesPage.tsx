import { UploadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, List, Row, Spin, Tabs, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client';
import { AwardCalculator } from './AwardCalculator';
import { RuleSetTables } from './RuleSetTables';
import { useRuleSet } from './use-rule-set';

export function PoliciesPage() {
  const { modal } = App.useApp();
  const queryClient = useQueryClient();
  const list = useQuery({ queryKey: ['ruleSets'], queryFn: () => api.listRuleSets({}) });
  const [selected, setSelected] = useState<string | undefined>(undefined);
  const current = selected ?? list.data?.[0]?.id;
  const ruleSet = useRuleSet(current);

  const importFile = async (file: File) => {
    try {
      const imported = await api.importRuleSet({ text: await file.text(), sourceName: file.name });
      await queryClient.invalidateQueries({ queryKey: ['ruleSets'] });
      setSelected(imported.id);
    } catch (error) {
      modal.error({ title: '规则文件无效', width: 640, content: <pre style={{ whiteSpace: 'pre-wrap' }}>{error instanceof Error ? error.message : String(error)}</pre> });
    }
  };

  return (
    <Row gutter={16}>
      <Col span={5}>
        <Card
          size="small"
          title="政策规则"
          extra={
            <Upload accept=".json" showUploadList={false} beforeUpload={(file) => (void importFile(file), false)}>
              <Button size="small" icon={<UploadOutlined />}>
                导入规则文件
              </Button>
            </Upload>
          }
        >
          {list.error && <Alert type="error" message={list.error.message} />}
          <List
            size="small"
            loading={list.isLoading}
            dataSource={list.data ?? []}
            renderItem={(r) => (
              <List.Item onClick={() => setSelected(r.id)} style={{ cursor: 'pointer', background: r.id === current ? '#e6f4ff' : undefined }}>
                <List.Item.Meta
                  title={
                    <span>
                      {r.name} {r.origin === 'imported' && <Tag color="blue">已导入</Tag>}
                    </span>
                  }
                  description={r.issuer}
                />
              </List.Item>
            )}
          />
        </Card>
      </Col>
      <Col span={19}>
        <Card size="small">
          {ruleSet.error && <Alert type="error" showIcon message={ruleSet.error} />}
          {ruleSet.loading && <Spin />}
          {ruleSet.ruleSet && ruleSet.description && (
            <Tabs
              items={[
                { key: 'calculator', label: '奖补测算', children: <AwardCalculator ruleSet={ruleSet.ruleSet} /> },
                { key: 'rules', label: '规则说明', children: <RuleSetTables description={ruleSet.description} /> },
              ]}
            />
          )}
          {!current && !list.isLoading && <Typography.Text type="secondary">没有可用的政策规则。</Typography.Text>}
        </Card>
      </Col>
    </Row>
  );
}
