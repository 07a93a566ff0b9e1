import { Alert, Card, Descriptions, Spin, Typography } from 'antd';
import { FingerprintText } from '../../components/FingerprintText';
import { dateTime } from '../../format';
import { CreateReviewerForm } from './CreateReviewerForm';
import { SigningCertificateSection } from './SigningCertificateCard';
import { useMyReviewer } from './use-my-reviewer';

/** 设置 → 评审人身份: the form on first use, afterwards the profile with the fingerprint to read to the chair. */
export function MyReviewerCard() {
  const mine = useMyReviewer();
  const reviewer = mine.data?.reviewer;
  return (
    <Card title="评审人身份" style={{ maxWidth: 860 }} data-testid="my-reviewer">
      {mine.error && <Alert type="error" showIcon message={mine.error.message} />}
      {mine.isLoading && <Spin />}
      {mine.data && !reviewer && <CreateReviewerForm />}
      {reviewer && (
        <>
          <Descriptions size="small" column={2} bordered styles={{ label: { width: 96, whiteSpace: 'nowrap' } }}>
            <Descriptions.Item label="姓名">{reviewer.name}</Descriptions.Item>
            <Descriptions.Item label="角色">{reviewer.role === 'chair' ? '专家组组长' : '评审专家'}</Descriptions.Item>
            <Descriptions.Item label="工作单位">{reviewer.organization}</Descriptions.Item>
            <Descriptions.Item label="专业领域">{reviewer.field || '—'}</Descriptions.Item>
            <Descriptions.Item label="创建时间" span={2}>
              {dateTime(reviewer.createdAt)}
            </Descriptions.Item>
            <Descriptions.Item label="证书指纹" span={2}>
              <FingerprintText fingerprint={reviewer.fingerprint} />
            </Descriptions.Item>
          </Descriptions>
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
            组长第一次导入您的评审文件前，会通过电话或书面与您逐组核对上面的证书指纹，请按四位一组读给组长。
          </Typography.Paragraph>
          <SigningCertificateSection />
        </>
      )}
    </Card>
  );
}
