import { Layout, Menu, Typography } from 'antd';
import { useEffect, type ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { FirstRunPrompt } from '../pages/identity/FirstRunPrompt';
import { AREAS } from './areas';
import { ErrorBoundary } from './ErrorBoundary';

const { Sider, Header, Content } = Layout;

/** Sidebar navigation, the page title and keyboard shortcuts Alt+1…9 for the areas. */
export function AppFrame({ children }: { children: ReactNode }) {
  const location = useLocation();
  const navigate = useNavigate();
  const currentKey = location.pathname.split('/')[1] || 'batches';
  const current = AREAS.find((area) => area.key === currentKey);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey) return;
      const index = Number(event.key) - 1;
      const area = AREAS[index];
      if (area) {
        event.preventDefault();
        void navigate(`/${area.key}`);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [navigate]);

  return (
    <Layout style={{ height: '100vh' }}>
      <Sider width={184} theme="light" style={{ borderRight: '1px solid #f0f0f0', height: '100vh', overflow: 'auto' }}>
        <div style={{ padding: '18px 20px', fontSize: 18, fontWeight: 600 }}>技改评审</div>
        <Menu
          mode="inline"
          selectedKeys={[currentKey]}
          items={AREAS.map((area, index) => ({
            key: area.key,
            icon: area.icon,
            label: area.title,
            // Alt+1…9 reach the first nine areas; the rest are reached by the menu only.
            title: index < 9 ? `${area.title}（Alt+${String(index + 1)}）` : area.title,
          }))}
          style={{ borderInlineEnd: 'none' }}
          onClick={({ key }) => void navigate(`/${key}`)}
        />
      </Sider>
      <Layout>
        <Header style={{ background: '#fff', borderBottom: '1px solid #f0f0f0', paddingInline: 24 }}>
          <Typography.Title level={4} style={{ margin: '16px 0' }} data-testid="page-title">
            {current?.title ?? '技改评审'}
          </Typography.Title>
        </Header>
        <Content style={{ padding: 24, overflow: 'auto' }}>
          <ErrorBoundary resetKey={location.pathname}>
            <FirstRunPrompt />
            {children}
          </ErrorBoundary>
        </Content>
      </Layout>
    </Layout>
  );
}
