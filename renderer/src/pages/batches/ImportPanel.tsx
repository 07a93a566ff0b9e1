import { FolderOpenOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Progress, Space, Typography, Upload } from 'antd';
import { useNavigate } from 'react-router';
import type { ImportPhase } from '@shared/codes/codes';
import { uploadToLocalService } from '../../api/http-bridge';
import { isDesktop } from '../../api/window-api';
import { ProblemTable } from '../../components/ProblemTable';
import { stageName } from '../../format';
import { useImport } from './use-import';
import { usePolicyName } from '../../components/use-policy-name';

const PHASE_PERCENT: Readonly<Record<ImportPhase, number>> = { reading: 10, parsing: 30, storing: 90, done: 100 };

/** Import by dialog (desktop), drag and drop, or upload (browser mode); progress and located problems. */
export function ImportPanel() {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const importer = useImport();
  const policyName = usePolicyName();
  const { state } = importer;
  const busy = state.status === 'uploading' || state.status === 'running';

  const fromFile = async (file: File) => {
    try {
      if (isDesktop() && window.desktop) {
        const path = await window.desktop.pathForFile(file);
        if (path) await importer.start(path, file.name);
      } else {
        importer.setUploading(0, file.name);
        const path = await uploadToLocalService(file, (fraction) => importer.setUploading(fraction, file.name));
        await importer.start(path, file.name);
      }
    } catch (error) {
      importer.reset();
      void message.error(error instanceof Error ? error.message : String(error));
    }
  };

  const fromDialog = async (kind: 'file' | 'folder') => {
    const desktop = window.desktop;
    if (!desktop) return;
    const path = kind === 'file' ? await desktop.openFile({ title: '选择申报材料包', extensions: ['zip'] }) : await desktop.openFolder({ title: '选择材料包文件夹' });
    if (path) await importer.start(path, path.split(/[\\/]/).pop() ?? path);
  };

  return (
    <Card title="导入申报材料包">
      <Space direction="vertical" style={{ width: '100%' }} size="middle">
        <Upload.Dragger
          accept=".zip"
          multiple={false}
          showUploadList={false}
          disabled={busy}
          beforeUpload={(file) => {
            void fromFile(file);
            return false;
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">点击选择或把材料包（.zip）拖到这里</p>
          <p className="ant-upload-hint">材料包有错误时不会导入任何内容，并列出每一处错误的位置。</p>
        </Upload.Dragger>
        {isDesktop() && (
          <Space>
            <Button icon={<FolderOpenOutlined />} onClick={() => void fromDialog('file')} disabled={busy}>
              选择 .zip 文件
            </Button>
            <Button onClick={() => void fromDialog('folder')} disabled={busy}>
              选择材料包文件夹
            </Button>
          </Space>
        )}
        {state.status === 'uploading' && (
          <div>
            <Typography.Text>正在上传 {state.name}</Typography.Text>
            <Progress percent={Math.round(state.fraction * 100)} />
          </div>
        )}
        {state.status === 'running' && (
          <div data-testid="import-progress">
            <Typography.Text>
              {state.name}：{state.job.progress.message}
            </Typography.Text>
            <Progress
              percent={Math.round(
                PHASE_PERCENT[state.job.progress.phase] +
                  (state.job.progress.phase === 'parsing' ? (60 * state.job.progress.done) / Math.max(1, state.job.progress.total) : 0),
              )}
              status="active"
            />
          </div>
        )}
        {state.status === 'finished' && state.job.error?.code === 'PROJECTS_REMOVED' && (
          <Alert
            type="warning"
            showIcon
            data-testid="import-removes-projects"
            message={`${state.name}：这个材料包会删除已导入的 ${String(state.job.error.removedProjects?.length ?? 0)} 个项目`}
            description={
              <>
                <ul style={{ margin: '4px 0 8px' }}>
                  {(state.job.error.removedProjects ?? []).map((p) => (
                    <li key={p.id}>
                      {p.id} {p.name}
                    </li>
                  ))}
                </ul>
                <Typography.Paragraph style={{ marginBottom: 8 }}>这些项目的核验结论、评分将一并删除。确认这是主管部门的新版材料包后再替换。</Typography.Paragraph>
                <Space>
                  <Button danger onClick={() => void importer.confirmReplace()}>
                    确认替换并导入
                  </Button>
                  <Button onClick={importer.reset}>不导入</Button>
                </Space>
              </>
            }
          />
        )}
        {state.status === 'finished' && state.job.state === 'failed' && state.job.error && state.job.error.code !== 'PROJECTS_REMOVED' && (
          <div data-testid="import-failed">
            <Alert type="error" showIcon message={`${state.name}：${state.job.error.message}`} style={{ marginBottom: 12 }} />
            {state.job.error.errors.length > 0 && (
              <ProblemTable problems={[...state.job.error.errors, ...state.job.error.warnings]} fileName={`材料包问题-${state.name}.csv`} />
            )}
          </div>
        )}
        {state.status === 'finished' && state.job.result && (
          <div data-testid="import-done">
            <Alert
              type="success"
              showIcon
              message={`已导入「${state.job.result.batch.name}」：${String(state.job.result.projects.length)} 个项目，${String(state.job.result.projects.reduce((n, p) => n + p.invoices, 0))} 张发票`}
              description={
                state.job.result.changes
                  ? state.job.result.changes.unchanged
                    ? '与已导入的版本相同，没有变化。'
                    : `与已导入的版本相比有变化：${state.job.result.changes.projects
                        .filter((p) => p.status !== 'unchanged')
                        .map((p) => `${p.projectId}（${p.details.length} 处）`)
                        .join('、')}。未变化的内容上的评审工作均已保留。`
                  : undefined
              }
              style={{ marginBottom: 12 }}
            />
            <Button type="primary" style={{ marginBottom: 12 }} onClick={() => void navigate(`/projects?batch=${encodeURIComponent(state.job.result?.batch.id ?? '')}`)}>
              查看本批次的项目
            </Button>
            <Descriptions size="small" column={3}>
              <Descriptions.Item label="批次编号">{state.job.result.batch.id}</Descriptions.Item>
              <Descriptions.Item label="评审阶段">{stageName(state.job.result.batch.stage)}</Descriptions.Item>
              <Descriptions.Item label="政策">{policyName(state.job.result.batch.policy)}</Descriptions.Item>
            </Descriptions>
            {state.job.result.warnings.length > 0 && (
              <>
                <Typography.Paragraph type="secondary">共 {state.job.result.warnings.length} 条提示（不影响导入，已随数据保存）：</Typography.Paragraph>
                <ProblemTable problems={state.job.result.warnings} fileName={`导入提示-${state.name}.csv`} />
              </>
            )}
          </div>
        )}
      </Space>
    </Card>
  );
}
