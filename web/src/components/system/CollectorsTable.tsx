import { Button, Card, Popconfirm, Table, Tag, Tooltip, Typography, message } from 'antd';
import { ApiErrorAlert, showApiError } from '../../api/errors';
import { useCollectorsQuery, useControlCollectorMutation, type CollectorStats, type FeedLoad } from '../../api/systemApi';
import { formatNumber } from '../figures';

const STATUS_COLOR: Record<string, string> = {
  CONNECTED: 'green',
  REPLAYING: 'green',
  FINISHED: 'blue',
  STARTING: 'gold',
  STOPPED: 'default',
  EXCHANGE_UNAVAILABLE: 'red',
  FAILED: 'red',
};

/** Milliseconds, or '—' for the server's -1 (nothing measured yet). */
const ms = (value: number | undefined) => (value === undefined || value < 0 ? '—' : `${formatNumber(value, 1)} ms`);

function stopEffect(c: CollectorStats) {
  return (
    `Its ${c.symbols.length} book(s) (${c.symbols.join(', ')}) go out of sync and the pairs on them stop trading. ` +
    (c.source === 'replay' ? 'Starting it again replays its recording from the beginning.' : 'Starting it again reconnects to the exchange.')
  );
}

/**
 * The QingXi collectors (GET /api/qingxi/collectors/list, every 2 s) with their rates, counters and
 * feed lag (the largest of the last minutes from the system status), and start/stop per collector.
 */
export function CollectorsTable({ loads, canMutate }: { loads: FeedLoad[]; canMutate: boolean }) {
  const { data, error, isLoading } = useCollectorsQuery(undefined, { pollingInterval: 2_000 });
  const [control, { isLoading: busy }] = useControlCollectorMutation();
  const maxLag = new Map(loads.map((load) => [load.collector, load.maxEventLoopLagMillis]));

  async function act(id: string, action: 'start' | 'stop') {
    try {
      const stats = await control({ id, action }).unwrap();
      message.success(`${id}: ${stats.status}`);
    } catch (error) {
      showApiError(error, `${action === 'start' ? 'Start' : 'Stop'} ${id}`);
    }
  }

  return (
    <Card title="QingXi collectors" data-testid="collectors">
      <ApiErrorAlert error={error} title="The collectors could not be loaded" />
      <Table<CollectorStats>
        size="small"
        rowKey="id"
        loading={isLoading}
        dataSource={data ?? []}
        pagination={false}
        columns={[
          { title: 'Collector', dataIndex: 'id', render: (id: string) => <strong>{id}</strong> },
          {
            title: 'Source',
            dataIndex: 'source',
            render: (source: string, c) => (c.files.length ? <Tooltip title={c.files.join(', ')}>{source}</Tooltip> : source),
          },
          {
            title: 'Status',
            dataIndex: 'status',
            render: (status: string, c) => (
              <Tooltip title={c.detail}>
                <Tag color={STATUS_COLOR[status] ?? 'default'}>{status}</Tag>
              </Tooltip>
            ),
          },
          { title: 'Books in sync', key: 'books', align: 'right', render: (_: unknown, c) => `${c.booksInSync} / ${c.symbols.length}` },
          { title: 'Msg/s', dataIndex: 'messagesPerSecond', align: 'right', render: (v: number) => formatNumber(v, 1) },
          { title: 'Book upd/s', dataIndex: 'bookUpdatesPerSecond', align: 'right', render: (v: number) => formatNumber(v, 1) },
          {
            title: 'Messages',
            dataIndex: 'messages',
            align: 'right',
            render: (v: number, c) => <span data-testid={`messages-${c.id}`}>{formatNumber(v, 0)}</span>,
          },
          { title: 'Gaps', dataIndex: 'gaps', align: 'right' },
          { title: 'Resyncs', dataIndex: 'resyncs', align: 'right' },
          { title: 'Checksum failures', dataIndex: 'checksumFailures', align: 'right' },
          { title: 'Anomalies', dataIndex: 'anomalies', align: 'right' },
          { title: 'Last update', dataIndex: 'lastUpdateAgeMillis', align: 'right', render: (v: number) => (v < 0 ? '—' : `${formatNumber(v, 0)} ms ago`) },
          { title: 'Feed lag', dataIndex: 'eventLoopLagMillis', align: 'right', render: (v: number) => ms(v) },
          { title: 'Max lag', key: 'maxLag', align: 'right', render: (_: unknown, c) => ms(maxLag.get(c.id)) },
          {
            title: '',
            key: 'action',
            render: (_: unknown, c) =>
              c.status === 'STOPPED' ? (
                <Button size="small" disabled={!canMutate} loading={busy} onClick={() => act(c.id, 'start')}>
                  Start
                </Button>
              ) : (
                <Popconfirm
                  title={`Stop ${c.id}?`}
                  description={<Typography.Paragraph style={{ maxWidth: 360, margin: 0 }}>{stopEffect(c)}</Typography.Paragraph>}
                  okText="Stop collector"
                  okButtonProps={{ danger: true }}
                  onConfirm={() => act(c.id, 'stop')}
                  disabled={!canMutate}
                >
                  <Button size="small" danger disabled={!canMutate} data-testid={`stop-${c.id}`}>
                    Stop
                  </Button>
                </Popconfirm>
              ),
          },
        ]}
      />
    </Card>
  );
}
