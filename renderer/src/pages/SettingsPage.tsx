import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, Radio, Spin } from 'antd';
import type { Settings } from '@shared/api/settings-contract';
import { api } from '../api/client';
import { useApiMutation } from '../api/use-api-mutation';
import { AuditLogCard } from './AuditLogCard';

export function SettingsPage() {
  const settings = useQuery({ queryKey: ['settings'], queryFn: () => api.getSettings({}) });
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<Settings>();
  const save = useApiMutation('updateSettings', {
    onSuccess: (saved) => {
      queryClient.setQueryData(['settings'], saved);
      void message.success('设置已保存');
    },
    onError: (error) => void message.error(error.message),
  });

  if (settings.error) return <Alert type="error" showIcon message="无法读取设置" description={settings.error.message} />;
  if (!settings.data) return <Spin />;

  return (
    <>
      <Card title="评审人信息" style={{ maxWidth: 640 }}>
      <Form form={form} layout="vertical" initialValues={settings.data} onFinish={(values) => save.mutate(values)}>
        <Form.Item label="姓名" name="reviewerName" extra="记录在每一项认定、评分和签名中">
          <Input maxLength={50} autoFocus />
        </Form.Item>
        <Form.Item label="工作单位" name="reviewerOrganization">
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item label="角色" name="reviewerRole">
          <Radio.Group
            options={[
              { value: 'expert', label: '评审专家' },
              { value: 'chair', label: '专家组组长' },
            ]}
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          保存
        </Button>
      </Form>
    </Card>
    <AuditLogCard />
    </>
  );
}
