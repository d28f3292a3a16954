import { Typography } from 'antd';

export function SystemPage() {
  return <Typography.Title level={2}>System</Typography.Title>;
}
