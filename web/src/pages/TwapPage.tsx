import { Typography } from 'antd';

export function TwapPage() {
  return <Typography.Title level={2}>TWAP</Typography.Title>;
}
