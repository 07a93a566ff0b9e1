import { InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Space, Spin, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import type { ExpertFileChange, ExpertFilePreviewDto } from '@shared/api/panel-contract';
import { uploadToLocalService } from '../../api/http-bridge';
import { api } from '../../api/client';
import { useApiMutation } from '../../api/use-api-mutation';
import { isDesktop } from '../../api/window-api';
import { FingerprintText } from '../../components/FingerprintText';
import { dateTime } from '../../format';
import { ConfirmSignerDialog, type SignerToConfirm } from '../identity/ConfirmSignerDialog';

type Accepted = Extract<ExpertFilePreviewDto, { accepted: true }>;
type Refused = Extract<ExpertFilePreviewDto, { accepted: false }>;

// Typed by the contract's change kinds: a kind added there without a label here does not compile.
const KIND_LABEL: Record<ExpertFileChange['kind'], string> = {
  recusal: '回避声明',
  score: '得分',
  comment: '评语',
  verdict: '评审结论',
  opinion: '评审意见',
  'invoice-decision': '发票认定',
  correction: '更正',
  'inspection-line': '现场核查',
  'inspection-indicator': '现场核查指标',
};

const shown = (value: string | null) => (value === null || value === '' ? <Typography.Text type="secondary">（无）</Typography.Text> : value);

/** The change list of a checked file: per project, what changes from old to new; the chair approves or discards it. */
function ChangeList({ preview, onDone }: { preview: Accepted; onDone: () => void }) {
  const { message } = App.useApp();
  const apply = useApiMutation('applyExpertFileImport', {
    onSuccess: (r) => {
      void message.success(`已合并专家「${r.expertName}」的第 ${String(r.version)} 版评审文件（${String(r.projects)} 个项目）`);
      onDone();
    },
    onError: (e) => void message.error(e.message),
  });
  const discard = useApiMutation('discardExpertFileImport', { onSuccess: onDone });
  const rows = preview.projects.flatMap((p) =>
    p.changes.map((c, i) => ({ key: `${p.projectId}-${String(i)}`, project: p.projectName, first: i === 0, span: p.changes.length, ...c })),
  );
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="change-list">
      <Alert
        type="success"
        showIcon
        message={`专家「${preview.expert.name}」（${preview.expert.organization}）的第 ${String(preview.version)} 版评审文件，签名有效`}
        description={`${preview.previousVersion === null ? '首次导入该专家的文件' : `此前已导入第 ${String(preview.previousVersion)} 版`}；导出于 ${dateTime(preview.exportedAt)}。请核对以下变化，批准后才会合并。`}
      />
      <Table
        size="small"
        pagination={false}
        scroll={{ y: 320 }}
        dataSource={rows}
        locale={{ emptyText: '与已导入的版本相比没有变化' }}
        columns={[
          { title: '项目', dataIndex: 'project', width: 220, onCell: (r) => ({ rowSpan: r.first ? r.span : 0 }) },
          {
            title: '变化',
            width: 260,
            render: (_: unknown, r) =>
              r.what.includes(KIND_LABEL[r.kind]) ? (
                r.what
              ) : (
                <Space size={4}>
                  <Tag>{KIND_LABEL[r.kind]}</Tag>
                  {r.what}
                </Space>
              ),
          },
          { title: '原值', dataIndex: 'old', render: shown },
          { title: '新值', dataIndex: 'new', render: (v: string | null) => <Typography.Text strong>{shown(v)}</Typography.Text> },
        ]}
      />
      <Space>
        <Button type="primary" loading={apply.isPending} onClick={() => apply.mutate({ importId: preview.importId })} data-testid="approve-import">
          批准导入
        </Button>
        <Button disabled={apply.isPending} onClick={() => discard.mutate({ importId: preview.importId })}>
          放弃
        </Button>
      </Space>
    </Space>
  );
}

function Refusal({ refusal, fileName, onConfirm }: { refusal: Refused; fileName: string; onConfirm: (signer: SignerToConfirm) => void }) {
  return (
    <Alert
      type="error"
      showIcon
      message={fileName === '' ? '该文件未被导入' : `「${fileName}」未被导入`}
      data-testid="import-refused"
      description={
        <Space direction="vertical" style={{ width: '100%' }}>
          <span>{refusal.message}</span>
          {refusal.problems.length > 0 && (
            <ul style={{ margin: 0, paddingInlineStart: 18, maxHeight: 160, overflow: 'auto' }}>
              {refusal.problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          )}
          {refusal.code === 'SIGNER_NOT_TRUSTED' && refusal.signer && (
            <>
              <FingerprintText fingerprint={refusal.signer.fingerprint} copyable={false} />
              <Button type="primary" onClick={() => refusal.signer && onConfirm({ ...refusal.signer })} data-testid="confirm-signer">
                与专家核对指纹并确认
              </Button>
            </>
          )}
        </Space>
      }
    />
  );
}

/** 导入专家评审文件 (chair): upload or drop → refusal in Chinese, or the change list to approve. */
export function ExpertFileImportCard() {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [path, setPath] = useState<string | null>(null);
  // The name the chair chose: an upload is checked under a temporary name.
  const [fileName, setFileName] = useState('');
  const [preview, setPreview] = useState<ExpertFilePreviewDto | null>(null);
  const [confirming, setConfirming] = useState<SignerToConfirm | null>(null);

  const check = async (file: string, name = fileName) => {
    setBusy(true);
    try {
      setPath(file);
      setPreview(await api.previewExpertFileImport({ path: file }));
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      void message.error(name === '' ? reason : `「${name}」：${reason}`);
    } finally {
      setBusy(false);
    }
  };
  const fromFile = async (file: File) => {
    setPreview(null);
    try {
      const local = isDesktop() && window.desktop ? await window.desktop.pathForFile(file) : await uploadToLocalService(file);
      setFileName(file.name);
      if (local) await check(local, file.name);
    } catch (error) {
      void message.error(error instanceof Error ? error.message : String(error));
    }
  };
  const fromDialog = async () => {
    const chosen = await window.desktop?.openFile({ title: '选择专家评审文件', extensions: ['json'] });
    if (chosen) {
      const name = chosen.split(/[\\/]/u).pop() ?? '';
      setFileName(name);
      await check(chosen, name);
    }
  };

  return (
    <Card title="导入专家评审文件" size="small" data-testid="expert-file-import">
      {preview === null || busy ? (
        <Spin spinning={busy} tip="正在核验签名">
          <Upload.Dragger
            accept=".json"
            multiple={false}
            showUploadList={false}
            beforeUpload={(file) => {
              void fromFile(file);
              return false;
            }}
            data-testid="expert-file-drop"
          >
            <p className="ant-upload-text">
              <InboxOutlined style={{ color: '#1677ff', marginInlineEnd: 8 }} />
              点击选择或把专家评审文件拖到这里
            </p>
            <p className="ant-upload-hint">先核验签名、签名人、批次和版本，再列出变化供您批准；未批准前不改动任何评分。</p>
          </Upload.Dragger>
          {isDesktop() && (
            <Button style={{ marginTop: 8 }} onClick={() => void fromDialog()}>
              选择文件
            </Button>
          )}
        </Spin>
      ) : preview.accepted ? (
        <ChangeList preview={preview} onDone={() => setPreview(null)} />
      ) : (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Refusal refusal={preview} fileName={fileName} onConfirm={setConfirming} />
          <Button onClick={() => setPreview(null)}>导入其他文件</Button>
        </Space>
      )}
      {confirming && (
        <ConfirmSignerDialog
          signer={confirming}
          onClose={(confirmed) => {
            setConfirming(null);
            // Confirmed: check the same file again, now with its signer trusted.
            if (confirmed && path) void check(path);
          }}
        />
      )}
    </Card>
  );
}
