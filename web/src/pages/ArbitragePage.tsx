import { Typography } from 'antd';

export function ArbitragePage() {
  return <Typography.Title level={2}>Arbitrage</Typography.Title>;
}
