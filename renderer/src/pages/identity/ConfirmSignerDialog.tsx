import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { Alert, Form, Input, Modal, Radio, Space, Typography } from 'antd';
import { useState } from 'react';
import { parseFingerprint } from '@shared/identity/fingerprint-text';
import { FingerprintText } from '../../components/FingerprintText';
import { useApiMutation } from '../../api/use-api-mutation';

export interface SignerToConfirm {
  name: string;
  organization: string;
  /** The fingerprint the expert file carries, when the dialog opens from a refused import. */
  fingerprint?: string;
}

const METHODS = [
  { value: 'phone', label: '电话核对' },
  { value: 'paper', label: '书面核对' },
  { value: 'in-person', label: '当面核对' },
] as const;

type Method = (typeof METHODS)[number]['value'];

/**
 * The chair types the fingerprint the expert reads out (or compares group by group with the one the
 * file carries). Only a fingerprint typed in full and, where the file's is known, equal to it is accepted.
 */
export function ConfirmSignerDialog({ signer, onClose }: { signer: SignerToConfirm | null; onClose: (confirmed: boolean) => void }) {
  const [typed, setTyped] = useState('');
  const [name, setName] = useState(signer?.name ?? '');
  const [organization, setOrganization] = useState(signer?.organization ?? '');
  const [method, setMethod] = useState<Method>('phone');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const trust = useApiMutation('trustSigner', { onSuccess: () => onClose(true), onError: (e) => setError(e.message) });

  const parsed = typed.trim() === '' ? null : parseFingerprint(typed);
  const expected = signer?.fingerprint ? signer.fingerprint.replace(/\s/gu, '').toLowerCase() : null;
  const matches = parsed?.ok === true && (expected === null || parsed.value === expected);
  const mismatch = parsed?.ok === true && expected !== null && parsed.value !== expected;

  return (
    <Modal
      open={signer !== null}
      title="核对并确认专家证书"
      okText="确认此证书"
      cancelText="取消"
      width={680}
      destroyOnHidden
      okButtonProps={{ disabled: !matches || name.trim() === '', loading: trust.isPending }}
      onCancel={() => onClose(false)}
      onOk={() => parsed?.ok && trust.mutate({ fingerprint: parsed.value, name, organization, method, note })}
    >
      <Typography.Paragraph type="secondary">
        请通过电话、书面或当面请专家本人按四位一组读出其「设置 → 评审人身份」中的证书指纹，逐组输入下框。任何人都能造出写着专家姓名的证书，只有指纹能辨别真伪。
      </Typography.Paragraph>
      {expected && (
        <Alert type="info" message="评审文件所附证书的指纹" description={<FingerprintText fingerprint={expected} copyable={false} />} style={{ marginBottom: 12 }} />
      )}
      <Form layout="vertical">
        <Space style={{ display: 'flex' }}>
          <Form.Item label="专家姓名" required style={{ width: 200 }}>
            <Input value={name} maxLength={50} onChange={(e) => setName(e.target.value)} />
          </Form.Item>
          <Form.Item label="工作单位" style={{ width: 360 }}>
            <Input value={organization} maxLength={100} onChange={(e) => setOrganization(e.target.value)} />
          </Form.Item>
        </Space>
        <Form.Item
          label="专家读出的证书指纹"
          required
          style={{ marginBottom: 32 }}
          validateStatus={parsed === null ? undefined : matches ? 'success' : 'error'}
          help={
            parsed === null ? (
              '可带空格，大小写均可'
            ) : !parsed.ok ? (
              parsed.message
            ) : mismatch ? (
              <span data-testid="fingerprint-mismatch">
                <CloseCircleFilled /> 与文件所附证书的指纹不一致：请勿确认，并与专家核实
              </span>
            ) : (
              <span style={{ color: '#389e0d' }} data-testid="fingerprint-match">
                <CheckCircleFilled /> {expected ? '与文件所附证书的指纹一致' : '格式正确'}
              </span>
            )
          }
        >
          <Input.TextArea
            autoFocus
            rows={2}
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            style={{ fontFamily: 'monospace', fontSize: 15 }}
            data-testid="fingerprint-input"
          />
        </Form.Item>
        <Space style={{ display: 'flex' }} align="start">
          <Form.Item label="核对方式">
            <Radio.Group value={method} onChange={(e) => setMethod(e.target.value as Method)} options={METHODS.map((m) => ({ ...m }))} />
          </Form.Item>
          <Form.Item label="备注" style={{ width: 300 }}>
            <Input value={note} maxLength={500} placeholder="如：11 月 26 日上午电话核对" onChange={(e) => setNote(e.target.value)} />
          </Form.Item>
        </Space>
      </Form>
      {error && <Alert type="error" showIcon message={error} />}
    </Modal>
  );
}
