import { Alert, Button, Form, Input, Progress, Radio, Space, Typography } from 'antd';
import { useState } from 'react';
import { REVIEWER_ROLES } from '@shared/identity/reviewer-role';
import { MIN_PASSPHRASE_LENGTH, type NewReviewer } from '@shared/identity/reviewer-profile';
import { useApiMutation } from '../../api/use-api-mutation';
import { passphraseStrength } from './passphrase-strength';

interface FormValues extends NewReviewer {
  passphraseAgain: string;
}

/** First use: name, organisation, field, role and a passphrase that protects the signing key made here. */
export function CreateReviewerForm() {
  const [form] = Form.useForm<FormValues>();
  const passphrase = Form.useWatch('passphrase', form) ?? '';
  const strength = passphraseStrength(passphrase);
  const [error, setError] = useState<string | null>(null);
  const create = useApiMutation('createMyReviewer', { onError: (e) => setError(e.message) });

  return (
    <Form<FormValues>
      form={form}
      layout="vertical"
      initialValues={{ role: 'expert', field: '' }}
      disabled={create.isPending}
      onFinish={({ passphraseAgain: _again, ...values }) => {
        setError(null);
        create.mutate(values);
      }}
      data-testid="create-reviewer"
    >
      <Typography.Paragraph type="secondary">
        首次使用请创建评审人身份。程序会在本机生成一把签名密钥和一张写有您姓名的证书：您导出的专家评审文件和签署的报告都用它签名，组长据此确认文件确实出自您本人。密钥用口令加密保存，只在本机。
      </Typography.Paragraph>
      <Space size="middle" style={{ display: 'flex' }} wrap>
        <Form.Item label="姓名" name="name" rules={[{ required: true, whitespace: true, message: '请填写姓名' }]} style={{ width: 200 }}>
          <Input maxLength={50} autoFocus />
        </Form.Item>
        <Form.Item label="工作单位" name="organization" rules={[{ required: true, whitespace: true, message: '请填写工作单位' }]} style={{ width: 320 }}>
          <Input maxLength={100} />
        </Form.Item>
      </Space>
      <Space size="middle" style={{ display: 'flex' }} wrap>
        <Form.Item label="专业领域" name="field" style={{ width: 200 }}>
          <Input maxLength={50} placeholder="如：智能制造" />
        </Form.Item>
        <Form.Item label="角色" name="role">
          <Radio.Group options={REVIEWER_ROLES.map((r) => ({ value: r.id, label: r.id === 'chair' ? '专家组组长' : '评审专家' }))} />
        </Form.Item>
      </Space>
      <Space size="middle" style={{ display: 'flex' }} wrap align="start">
        <Form.Item
          label="口令"
          name="passphrase"
          rules={[{ required: true, min: MIN_PASSPHRASE_LENGTH, message: `口令至少 ${String(MIN_PASSPHRASE_LENGTH)} 个字符` }]}
          extra={
            passphrase ? (
              <Space>
                <Progress percent={strength.percent} showInfo={false} strokeColor={strength.color} size="small" style={{ width: 100, margin: 0 }} />
                <span data-testid="passphrase-strength">{strength.label}</span>
              </Space>
            ) : (
              '导出评审文件和签署报告时需要输入；忘记后无法找回'
            )
          }
          style={{ width: 260 }}
        >
          <Input.Password maxLength={200} autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          label="再次输入口令"
          name="passphraseAgain"
          dependencies={['passphrase']}
          rules={[
            { required: true, message: '请再次输入口令' },
            ({ getFieldValue }) => ({
              validator: (_, value: string) => (value === getFieldValue('passphrase') ? Promise.resolve() : Promise.reject(new Error('两次输入的口令不一致'))),
            }),
          ]}
          style={{ width: 260 }}
        >
          <Input.Password maxLength={200} autoComplete="new-password" />
        </Form.Item>
      </Space>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      {create.isPending ? (
        <Space direction="vertical" style={{ width: 360 }}>
          <Progress percent={100} status="active" showInfo={false} />
          <Typography.Text type="secondary">正在生成签名密钥和证书，通常需要几秒钟，请稍候…</Typography.Text>
        </Space>
      ) : (
        <Button type="primary" htmlType="submit">
          创建评审人身份
        </Button>
      )}
    </Form>
  );
}
