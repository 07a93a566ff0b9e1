import { useQuery } from '@tanstack/react-query';
import { Alert, Descriptions, Spin } from 'antd';
import { api } from '../api/client';
import { isDesktop } from '../api/window-api';

export function AboutPage() {
  const info = useQuery({ queryKey: ['appInfo'], queryFn: () => api.getAppInfo({}) });
  if (info.error) return <Alert type="error" showIcon message="无法读取应用信息" description={info.error.message} />;
  if (!info.data) return <Spin />;
  const data = info.data;
  return (
    <Descriptions bordered column={1} size="middle" styles={{ label: { width: 200 } }}>
      <Descriptions.Item label="产品">{data.productName}</Descriptions.Item>
      <Descriptions.Item label="版本">{data.version}</Descriptions.Item>
      <Descriptions.Item label="运行方式">{isDesktop() ? '桌面应用' : '浏览器模式（本机服务）'}</Descriptions.Item>
      <Descriptions.Item label="数据文件夹">{data.dataDir}</Descriptions.Item>
      <Descriptions.Item label="数据库文件">{data.databaseFile}</Descriptions.Item>
      <Descriptions.Item label="数据结构版本">
        <span data-testid="schema-version">{data.schemaVersion}</span>（本程序最新 {data.latestSchemaVersion}）
      </Descriptions.Item>
      <Descriptions.Item label="数据统计">
        评审批次 {data.counts.batches} 个，项目 {data.counts.projects} 个，发票 {data.counts.invoices} 张
      </Descriptions.Item>
    </Descriptions>
  );
}
