import { Typography } from 'antd';

export function SettingsPage() {
  return <Typography.Title level={2}>Settings</Typography.Title>;
}
