import { Alert, Card, Col, Flex, Row, Tag, Typography } from 'antd';
import { ApiErrorAlert } from '../api/errors';
import { EXCHANGES, useApiKeyStatusQuery, useTradingAccountQuery } from '../api/settingsApi';
import { ApiKeyCard } from '../components/settings/ApiKeyCard';
import { ExchangesTable } from '../components/settings/ExchangesTable';
import { useAppSelector } from '../hooks';

function TradingMode() {
  const { data: account, error } = useTradingAccountQuery('binance');
  if (error) {
    return <ApiErrorAlert error={error} title="The trading mode could not be read" />;
  }
  if (!account) {
    return null;
  }
  return account.mode === 'live' ? (
    <Alert
      type="warning"
      showIcon
      data-testid="trading-mode"
      message={<><Tag color="red">LIVE</Tag> Orders go to the exchanges that have keys, with real money.</>}
    />
  ) : (
    <Alert type="info" showIcon data-testid="trading-mode" message={<><Tag color="blue">PAPER</Tag> Orders fill against the live books in a paper account; nothing reaches an exchange.</>} />
  );
}

/** Settings: the trading mode, the exchanges and their state, and each exchange's API keys. */
export function SettingsPage() {
  const canMutate = useAppSelector((state) => state.auth.role === 'admin');
  const { data: keys, error } = useApiKeyStatusQuery();
  return (
    <Flex vertical gap="large">
      <Typography.Title level={2} style={{ margin: 0 }}>
        Settings
      </Typography.Title>
      <TradingMode />
      <ExchangesTable />
      <Card title="API keys" extra={<Typography.Text type="secondary">Stored encrypted; a key is never shown again, only its first and last characters.</Typography.Text>}>
        <ApiErrorAlert error={error} title="The key status could not be loaded" />
        {keys ? (
          <Row gutter={[16, 16]}>
            {EXCHANGES.map((exchange) =>
              keys[exchange] ? (
                <Col key={exchange} xs={24} lg={8}>
                  <ApiKeyCard exchange={exchange} status={keys[exchange]} canMutate={canMutate} />
                </Col>
              ) : null,
            )}
          </Row>
        ) : null}
      </Card>
    </Flex>
  );
}
