import { Typography } from 'antd';

export function RiskPage() {
  return <Typography.Title level={2}>Risk</Typography.Title>;
}
