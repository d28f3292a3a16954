import { Typography } from 'antd';

export function DashboardPage() {
  return <Typography.Title level={2}>Dashboard</Typography.Title>;
}
