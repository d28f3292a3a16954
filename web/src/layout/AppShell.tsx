import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Layout, Menu, Space, Typography } from 'antd';
import { useEffect } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useLogoutMutation } from '../api/authApi';
import { useAppSelector } from '../hooks';
import { useWsClient } from '../ws/WsContext';
import { ConnectionIndicator } from './ConnectionIndicator';
import { PAGES } from './pages';

const { Header, Sider, Content } = Layout;

/**
 * The frame of every signed-in page: side menu, header with the live-data indicator and the user,
 * and the page. It owns the /ws connection: open while someone is signed in, re-authenticated
 * with each renewed token.
 */
export function AppShell() {
  const client = useWsClient();
  const auth = useAppSelector((state) => state.auth);
  const [logout, { isLoading: loggingOut }] = useLogoutMutation();
  const navigate = useNavigate();
  const location = useLocation();

  useEffect(() => {
    client.start();
    return () => client.stop();
  }, [client]);

  useEffect(() => {
    client.reauthenticate();
  }, [client, auth.accessToken]);

  const selected = PAGES.find((page) => location.pathname.startsWith(page.path))?.path;
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Sider breakpoint="lg" collapsedWidth={0} theme="dark">
        <div style={{ color: '#fff', fontSize: 18, fontWeight: 600, padding: '16px 24px' }}>Crossbook</div>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={selected ? [selected] : []}
          items={PAGES.map((page) => ({ key: page.path, icon: page.icon, label: page.label }))}
          onClick={({ key }) => navigate(key)}
        />
      </Sider>
      <Layout>
        <Header style={{ background: '#fff', padding: '0 24px', display: 'flex', justifyContent: 'flex-end' }}>
          <Space size="large">
            <ConnectionIndicator />
            <Typography.Text data-testid="signed-in-user">
              <UserOutlined /> {auth.username}
              {auth.role ? <Typography.Text type="secondary"> ({auth.role})</Typography.Text> : null}
            </Typography.Text>
            <Button icon={<LogoutOutlined />} loading={loggingOut} onClick={() => logout()}>
              Log out
            </Button>
          </Space>
        </Header>
        <Content style={{ margin: 24 }}>
          <Outlet />
        </Content>
      </Layout>
    </Layout>
  );
}
