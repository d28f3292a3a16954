import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { Navigate, useLocation } from 'react-router-dom';
import { useLoginMutation } from '../api/authApi';
import { apiErrorText } from '../api/errors';
import { useAppSelector } from '../hooks';

/** Sign-in with the server's users (POST /api/auth/login); refusals show the server's message. */
export function LoginPage() {
  const [login, { isLoading, error }] = useLoginMutation();
  const auth = useAppSelector((state) => state.auth);
  const from = (useLocation().state as { from?: string } | null)?.from ?? '/dashboard';

  if (auth.refreshToken) {
    return <Navigate to={from} replace />;
  }
  return (
    <div style={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', background: '#f0f2f5' }}>
      <Card style={{ width: 360 }}>
        <Typography.Title level={3}>Crossbook</Typography.Title>
        {auth.endedBecause ? <Alert type="warning" showIcon message={auth.endedBecause} style={{ marginBottom: 16 }} /> : null}
        {error ? <Alert type="error" showIcon message={apiErrorText(error)} style={{ marginBottom: 16 }} /> : null}
        <Form layout="vertical" onFinish={(values: { username: string; password: string }) => login(values)}>
          <Form.Item label="Username" name="username" rules={[{ required: true, message: 'Enter your username' }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item label="Password" name="password" rules={[{ required: true, message: 'Enter your password' }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={isLoading}>
            Sign in
          </Button>
        </Form>
      </Card>
    </div>
  );
}
