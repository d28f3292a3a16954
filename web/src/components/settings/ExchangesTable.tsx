import { Badge, Card, Space, Table, Tag, Tooltip } from 'antd';
import { ApiErrorAlert } from '../../api/errors';
import { useExchangesQuery, type Exchange, type Market } from '../../api/settingsApi';

/** GET /api/exchanges: connection, readiness, whether trading keys exist, and the markets collected. */
export function ExchangesTable() {
  const { data, error, isLoading } = useExchangesQuery(undefined, { pollingInterval: 5_000 });
  return (
    <Card title="Exchanges" data-testid="exchanges">
      <ApiErrorAlert error={error} title="The exchanges could not be loaded" />
      <Table<Exchange>
        size="small"
        rowKey="name"
        loading={isLoading}
        dataSource={data ?? []}
        pagination={false}
        columns={[
          { title: 'Exchange', dataIndex: 'name', render: (name: string) => <strong style={{ textTransform: 'capitalize' }}>{name}</strong> },
          {
            title: 'Market data',
            key: 'connected',
            render: (_: unknown, e) => (
              <Badge status={e.ready ? 'success' : e.connected ? 'processing' : 'error'} text={e.ready ? 'ready (books in sync)' : e.connected ? 'connected' : 'not connected'} />
            ),
          },
          {
            title: 'Trading',
            dataIndex: 'publicOnly',
            render: (publicOnly: boolean) =>
              publicOnly ? <Tooltip title="No trading keys: market data only"><Tag>public only</Tag></Tooltip> : <Tag color="green">keys set</Tag>,
          },
          {
            title: 'Markets',
            dataIndex: 'markets',
            render: (markets: Market[]) => (
              <Space wrap size={[4, 4]}>
                {markets.map((m) => (
                  <Tooltip key={m.collector} title={`${m.source} · ${m.symbols.join(', ')}`}>
                    <Tag color={m.status === 'CONNECTED' || m.status === 'REPLAYING' ? 'green' : m.status === 'STOPPED' ? 'default' : 'red'}>
                      {m.type}: {m.status}
                    </Tag>
                  </Tooltip>
                ))}
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}
