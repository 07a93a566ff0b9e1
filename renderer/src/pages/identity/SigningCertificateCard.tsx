import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Descriptions, Form, Input, Modal, Typography, Upload } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client';
import { useApiMutation } from '../../api/use-api-mutation';
import { FingerprintText } from '../../components/FingerprintText';
import { dateTime } from '../../format';
import { fileToBase64 } from '../reports/download';

/**
 * The certificate that signs this reviewer's PDF reports: the self-made one, or an organisation's
 * certificate imported from its PKCS#12 file (.p12/.pfx), which validators can trace to the issuer.
 */
export function SigningCertificateSection() {
  const current = useQuery({ queryKey: ['getSigningCertificate'], queryFn: () => api.getSigningCertificate({}) });
  const [open, setOpen] = useState(false);
  const certificate = current.data?.certificate;
  return (
    <div style={{ marginTop: 16 }} data-testid="signing-certificate">
      <Typography.Title level={5}>报告签名证书</Typography.Title>
      {certificate ? (
        <Descriptions size="small" column={2} bordered styles={{ label: { width: 96, whiteSpace: 'nowrap' } }}>
          <Descriptions.Item label="证书持有人">{certificate.subject}</Descriptions.Item>
          <Descriptions.Item label="单位">{certificate.organization || '—'}</Descriptions.Item>
          <Descriptions.Item label="颁发者">{certificate.issuer || '—'}</Descriptions.Item>
          <Descriptions.Item label="有效期至">{dateTime(certificate.notAfter)}</Descriptions.Item>
          <Descriptions.Item label="证书指纹" span={2}>
            <FingerprintText fingerprint={certificate.fingerprint} />
          </Descriptions.Item>
        </Descriptions>
      ) : (
        <Typography.Paragraph type="secondary">PDF 报告目前用上面的评审人证书签名。单位发有签名证书（.p12 或 .pfx 文件）的，可导入后用它签署报告。</Typography.Paragraph>
      )}
      <Button style={{ marginTop: 8 }} onClick={() => setOpen(true)}>
        {certificate ? '更换单位签名证书' : '导入单位签名证书'}
      </Button>
      <ImportCertificateDialog open={open} onClose={() => setOpen(false)} />
    </div>
  );
}

function ImportCertificateDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [file, setFile] = useState<File>();
  const [filePassphrase, setFilePassphrase] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<string | null>(null);
  const close = () => {
    setFile(undefined);
    setFilePassphrase('');
    setPassphrase('');
    setError(null);
    onClose();
  };
  const importing = useApiMutation('importSigningCertificate', { onSuccess: close, onError: (e) => setError(e.message) });
  const submit = async () => {
    if (!file) return;
    setError(null);
    importing.mutate({ base64: await fileToBase64(file), filePassphrase, passphrase, fileName: file.name });
  };
  return (
    <Modal
      open={open}
      title="导入单位签名证书"
      okText="导入"
      cancelText="取消"
      destroyOnHidden
      okButtonProps={{ disabled: !file || passphrase === '', loading: importing.isPending }}
      onCancel={close}
      onOk={() => void submit()}
    >
      <Typography.Paragraph type="secondary">
        导入后，签署的 PDF 报告使用该证书；评审文件仍用评审人证书签名（组长核对过的指纹不变）。证书的私钥用您的评审人口令加密保存。
      </Typography.Paragraph>
      <Form layout="vertical">
        <Form.Item label="证书文件（.p12 或 .pfx）" required>
          <Upload accept=".p12,.pfx" maxCount={1} beforeUpload={(f) => (setFile(f), false)} onRemove={() => setFile(undefined)}>
            <Button>选择证书文件</Button>
          </Upload>
        </Form.Item>
        <Form.Item label="证书文件的口令">
          <Input.Password value={filePassphrase} onChange={(e) => setFilePassphrase(e.target.value)} autoComplete="off" />
        </Form.Item>
        <Form.Item label="评审人口令" required>
          <Input.Password value={passphrase} onChange={(e) => setPassphrase(e.target.value)} autoComplete="off" />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon message={error} />}
    </Modal>
  );
}
