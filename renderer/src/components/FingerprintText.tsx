import { CopyOutlined } from '@ant-design/icons';
import { App, Button, Space, Typography } from 'antd';
import { formatFingerprintForReading } from '@shared/identity/fingerprint-text';

/** A certificate fingerprint in sixteen groups of four, to be read aloud and compared group by group. */
export function FingerprintText({ fingerprint, copyable = true }: { fingerprint: string; copyable?: boolean }) {
  const { message } = App.useApp();
  // Accepts the stored digits or an already grouped text alike.
  const grouped = formatFingerprintForReading(fingerprint.replace(/\s/gu, ''));
  const copy = () => {
    void navigator.clipboard.writeText(grouped).then(
      () => void message.success('证书指纹已复制'),
      () => void message.error('无法写入剪贴板，请手动选择后复制'),
    );
  };
  return (
    <Space align="start" wrap>
      {/* Two lines of eight groups: the same shape on every screen, easy to keep one's place when reading aloud. */}
      <span data-testid="fingerprint" style={{ display: 'inline-flex', flexDirection: 'column', gap: 4 }}>
        {[grouped.slice(0, 39), grouped.slice(40)].map((line) => (
          <Typography.Text key={line} code style={{ fontSize: 15, wordSpacing: 4, whiteSpace: 'nowrap' }}>
            {line}
          </Typography.Text>
        ))}
      </span>
      {copyable && (
        <Button size="small" icon={<CopyOutlined />} onClick={copy}>
          复制
        </Button>
      )}
    </Space>
  );
}
