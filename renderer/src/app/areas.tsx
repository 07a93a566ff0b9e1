import {
  AuditOutlined,
  BarChartOutlined,
  BookOutlined,
  CameraOutlined,
  FileDoneOutlined,
  FolderOpenOutlined,
  InfoCircleOutlined,
  ProjectOutlined,
  SettingOutlined,
  StarOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';

/** The application's areas, in menu order; `key` is also the hash route and the shortcut order. */
export interface Area {
  key: string;
  title: string;
  icon: ReactNode;
}

export const AREAS: readonly Area[] = [
  { key: 'batches', title: '评审批次', icon: <FolderOpenOutlined /> },
  { key: 'projects', title: '项目', icon: <ProjectOutlined /> },
  { key: 'invoices', title: '发票核验', icon: <AuditOutlined /> },
  { key: 'inspection', title: '现场核查', icon: <CameraOutlined /> },
  { key: 'scoring', title: '评分', icon: <StarOutlined /> },
  { key: 'summary', title: '汇总', icon: <BarChartOutlined /> },
  { key: 'reports', title: '报告', icon: <FileDoneOutlined /> },
  { key: 'policies', title: '政策规则', icon: <BookOutlined /> },
  { key: 'settings', title: '设置', icon: <SettingOutlined /> },
  { key: 'about', title: '关于', icon: <InfoCircleOutlined /> },
];
