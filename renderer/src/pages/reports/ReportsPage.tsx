import { InboxOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Checkbox, Input, Radio, Select, Space, Spin, Upload, message } from 'antd';
import { useState } from 'react';
import type { ReportKindDto, PdfSignatureDto } from '@shared/api/reports-contract';
import { api } from '../../api/client';
import { PdfViewer } from '../projects/PdfViewer';
import { SignatureTable } from './SignatureTable';
import { bytesOf, chooseSavePath, downloadPdf, fileToBase64 } from './download';

const KIND_OPTIONS: { value: ReportKindDto; label: string }[] = [
  { value: 'acceptance', label: '验收报告（专家组评审意见）' },
  { value: 'expert', label: '专家个人评审表' },
  { value: 'summary', label: '评审结果汇总表（整个批次）' },
];

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** 报告: make a report (preview, sign, save), countersign one received from the chair, verify a report file. */
export function ReportsPage() {
  const projects = useQuery({
    queryKey: ['listProjects', null],
    queryFn: () => api.listProjects({}),
  });
  const list = projects.data ?? [];
  const [target, setTarget] = useState<string>();
  const [kind, setKind] = useState<ReportKindDto>('acceptance');
  const [final, setFinal] = useState(false);
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  /** What the page is waiting for, shown while a long report is made (the appendix of a large project runs to many pages). */
  const [stage, setStage] = useState<string | null>(null);
  const [preview, setPreview] = useState<{
    data: Uint8Array;
    open: string[];
  }>();
  const chosen = target ?? (list[0] ? `${list[0].batchId}/${list[0].id}` : undefined);
  const [batchId = '', projectId = ''] = chosen?.split('/') ?? [];
  const request = {
    batchId,
    ...(kind === 'summary' ? {} : { projectId }),
    kind,
    final,
  };

  const run = async (work: () => Promise<void>, waitingFor: string) => {
    setBusy(true);
    setStage(waitingFor);
    try {
      await work();
    } catch (error) {
      void message.error(errorText(error));
    } finally {
      setBusy(false);
      setStage(null);
    }
  };
  const what = KIND_OPTIONS.find((k) => k.value === kind)?.label ?? '报告';

  const showPreview = () =>
    run(async () => {
      const made = await api.makeReport(request);
      setPreview({ data: bytesOf(made.base64 ?? ''), open: made.open });
    }, `正在生成${what}：汇总核验结果、排版全部页面（发票多的项目约需数秒）……`);

  const signAndSave = () =>
    run(async () => {
      const path = await chooseSavePath('保存签名的报告', '报告.pdf');
      if (path === null) return;
      const made = await api.makeReport({
        ...request,
        passphrase,
        ...(path === undefined ? {} : { path }),
      });
      if (made.base64) downloadPdf(made.base64, made.fileName);
      void message.success(made.draft ? '已签名（草稿）' : '已签名');
      setPassphrase('');
    }, `正在生成并签署${what}……`);

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Card title="生成报告" size="small">
        <Space direction="vertical" style={{ width: '100%' }}>
          <Radio.Group options={KIND_OPTIONS} value={kind} onChange={(e) => setKind(e.target.value as ReportKindDto)} optionType="button" />
          <Select
            showSearch
            style={{ width: 520 }}
            placeholder="选择项目"
            loading={projects.isLoading}
            value={chosen}
            optionFilterProp="label"
            onChange={setTarget}
            options={list.map((p) => ({
              value: `${p.batchId}/${p.id}`,
              label: kind === 'summary' ? `批次 ${p.batchId}` : `${p.id} ${p.name}（${p.applicant}）`,
            }))}
            data-testid="report-project"
          />
          <Checkbox checked={final} onChange={(e) => setFinal(e.target.checked)}>
            正式报告（有未完成事项时不生成）
          </Checkbox>
          <Space wrap>
            <Button onClick={() => void showPreview()} loading={busy} disabled={!chosen}>
              预览
            </Button>
            <Input.Password style={{ width: 220 }} placeholder="签名口令" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} />
            <Button type="primary" onClick={() => void signAndSave()} loading={busy} disabled={!chosen || passphrase === ''}>
              签名并保存
            </Button>
          </Space>
          {stage && (
            <Alert
              type="info"
              data-testid="report-stage"
              message={
                <Space>
                  <Spin size="small" />
                  {stage}
                </Space>
              }
            />
          )}
          {preview && preview.open.length > 0 && (
            <Alert
              type="warning"
              showIcon
              message="这是草稿，尚未完成的事项："
              description={
                <ul style={{ margin: 0 }}>
                  {preview.open.map((o) => (
                    <li key={o}>{o}</li>
                  ))}
                </ul>
              }
            />
          )}
          {preview && <PdfViewer data={preview.data} />}
        </Space>
      </Card>
      <CountersignCard />
      <VerifyCard />
    </Space>
  );
}

function CountersignCard() {
  const [passphrase, setPassphrase] = useState('');
  const [file, setFile] = useState<File>();
  const [signatures, setSignatures] = useState<PdfSignatureDto[]>();
  const countersign = async () => {
    if (!file) return;
    try {
      const path = await chooseSavePath('保存会签后的报告', file.name.replace(/\.pdf$/iu, '-会签.pdf'));
      if (path === null) return;
      const result = await api.countersignReport({
        base64: await fileToBase64(file),
        fileName: file.name,
        passphrase,
        ...(path === undefined ? {} : { path }),
      });
      if (result.base64) downloadPdf(result.base64, result.fileName);
      setSignatures(result.check.signatures);
      setPassphrase('');
      void message.success('已会签');
    } catch (error) {
      void message.error(errorText(error));
    }
  };
  return (
    <Card title="会签组长发来的报告" size="small">
      <Space wrap>
        <Upload accept=".pdf" maxCount={1} beforeUpload={(f) => (setFile(f), false)} onRemove={() => setFile(undefined)}>
          <Button>选择报告文件</Button>
        </Upload>
        <Input.Password style={{ width: 220 }} placeholder="签名口令" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} />
        <Button type="primary" disabled={!file || passphrase === ''} onClick={() => void countersign()}>
          会签并保存
        </Button>
      </Space>
      {signatures && <SignatureTable signatures={signatures} />}
    </Card>
  );
}

function VerifyCard() {
  const [result, setResult] = useState<{
    name: string;
    valid: boolean;
    signatures: PdfSignatureDto[];
  }>();
  const verify = async (file: File) => {
    try {
      const check = await api.verifyReport({
        base64: await fileToBase64(file),
      });
      setResult({ name: file.name, ...check });
    } catch (error) {
      void message.error(errorText(error));
    }
  };
  return (
    <Card title="核验报告的签名" size="small">
      <div data-testid="report-verify-drop">
        <Upload.Dragger accept=".pdf" showUploadList={false} beforeUpload={(f) => (void verify(f), false)}>
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p>把报告文件拖到这里，或点击选择</p>
        </Upload.Dragger>
      </div>
      {result && (
        <Space direction="vertical" style={{ width: '100%', marginTop: 12 }}>
          <Alert
            type={result.valid ? 'success' : 'error'}
            showIcon
            message={`${result.name}：${result.valid ? '全部签名有效' : result.signatures.length === 0 ? '没有签名' : '签名核验未通过'}`}
          />
          <SignatureTable signatures={result.signatures} />
        </Space>
      )}
    </Card>
  );
}
