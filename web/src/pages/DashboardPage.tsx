import { Badge, Card, Col, Descriptions, Empty, List, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useMemo, type ReactNode } from 'react';
import { useArbitrageOpportunitiesQuery, useArbitragePairsQuery, type OpportunityView, type PairPrices } from '../api/arbitrageApi';
import { ApiErrorAlert } from '../api/errors';
import { useRiskAlertsQuery, useRiskStatusQuery, type RiskAlert, type RiskStatus } from '../api/riskApi';
import { useExchangesQuery, type Exchange } from '../api/settingsApi';
import { useSystemStatusQuery, type ModuleHealth } from '../api/systemApi';
import { useLiveSpreads } from '../components/arbitrage/useLiveSpreads';
import { pct } from '../components/format';
import { useLiveList } from '../components/hooks';
import { SpreadChart } from '../components/SpreadChart';

const FEED_LIMIT = 20;
const COLORS = ['#1677ff', '#52c41a', '#fa8c16', '#eb2f96', '#722ed1', '#13c2c2', '#fadb14', '#a0d911'];
const RISK_COLORS = { ACTIVE: 'green', REDUCING: 'orange', HALTED: 'red' } as const;
const HEALTH_BADGES = { UP: 'success', DEGRADED: 'warning', DOWN: 'error' } as const;

const usd = (value: number | null) => value === null ? '—' : value.toLocaleString(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const time = (ts: number) => new Date(ts).toLocaleTimeString();

/**
 * The overview: connection state per exchange, live net spread per pair (refreshed on every
 * price_update of its legs), the opportunities feed, P&L, open alerts and the engine's state.
 */
export function DashboardPage() {
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        Dashboard
      </Typography.Title>
      <EngineAndPnl />
      <Exchanges />
      <LiveSpreads />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Opportunities />
        </Col>
        <Col xs={24} xl={12}>
          <Alerts />
        </Col>
      </Row>
    </Space>
  );
}

function EngineAndPnl() {
  const system = useSystemStatusQuery(undefined, { pollingInterval: 10_000 });
  const risk = useRiskStatusQuery(undefined, { pollingInterval: 5_000 });
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={12}>
        <Card title="Engine" data-testid="engine-card">
          <ApiErrorAlert error={system.error ?? risk.error} />
          {system.data && risk.data ? <EngineState modules={system.data.modules} running={system.data.isRunning} risk={risk.data} /> : null}
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card title="P&L (USD)" data-testid="pnl-card">
          {risk.data ? (
            <Row gutter={16}>
              <Col span={6}>
                <Statistic title="Realised" value={usd(risk.data.pnl.realised)} />
              </Col>
              <Col span={6}>
                <Statistic title="Today" value={usd(risk.data.pnl.today)} />
              </Col>
              <Col span={6}>
                <Statistic title="Unrealised" value={usd(risk.data.pnl.unrealised)} />
              </Col>
              <Col span={6}>
                <Statistic title="Executions" value={risk.data.pnl.executions} />
              </Col>
            </Row>
          ) : null}
        </Card>
      </Col>
    </Row>
  );
}

function EngineState({ running, risk, modules }: { running: boolean; risk: RiskStatus; modules: Record<string, ModuleHealth> }) {
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Tag color={running ? 'green' : 'red'}>{running ? 'Running' : 'Stopped'}</Tag>
        <Tag color={RISK_COLORS[risk.state]} data-testid="risk-state">
          Risk {risk.state}
        </Tag>
        {risk.killSwitch ? <Tag color="red">Kill switch engaged</Tag> : null}
        <Typography.Text type="secondary">{risk.openOrders} open orders</Typography.Text>
      </Space>
      {risk.reason ? <Typography.Text type="warning">{risk.reason}</Typography.Text> : null}
      <Descriptions size="small" column={1}>
        {Object.entries(modules).map(([name, module]) => (
          <Descriptions.Item key={name} label={name}>
            <Badge status={HEALTH_BADGES[module.health]} text={`${module.health} — ${module.detail}`} />
          </Descriptions.Item>
        ))}
      </Descriptions>
    </Space>
  );
}

function Exchanges() {
  const { data, error } = useExchangesQuery(undefined, { pollingInterval: 5_000 });
  return (
    <Card title="Exchanges">
      <ApiErrorAlert error={error} />
      <Table<Exchange>
        rowKey="name"
        size="small"
        pagination={false}
        dataSource={data}
        columns={[
          { title: 'Exchange', dataIndex: 'name' },
          {
            title: 'Connection',
            render: (_, e) =>
              !e.connected ? <Badge status="error" text="disconnected" /> : e.ready ? <Badge status="success" text="connected, books in sync" /> : <Badge status="warning" text="connected, books syncing" />,
          },
          { title: 'Trading', render: (_, e) => (e.publicOnly ? <Tag>public data only</Tag> : <Tag color="blue">keys configured</Tag>) },
          {
            title: 'Markets',
            render: (_, e) =>
              e.markets.length === 0 ? (
                <Typography.Text type="secondary">not collected</Typography.Text>
              ) : (
                <Space wrap>
                  {e.markets.map((m) => (
                    <Tag key={m.collector}>
                      {m.type} {m.symbols.join(', ')} · {m.source} {m.status}
                    </Tag>
                  ))}
                </Space>
              ),
          },
        ]}
      />
    </Card>
  );
}

function LiveSpreads() {
  const pairs = useArbitragePairsQuery(undefined, { pollingInterval: 30_000 });
  const { quotes, history, error } = useLiveSpreads(pairs.data);
  const colors = useMemo(() => new Map((quotes ?? []).map((p, i) => [p.pairId, COLORS[i % COLORS.length]])), [quotes]);
  const colorOf = (pairId: string) => colors.get(pairId) ?? COLORS[0];
  const lines = useMemo(
    () => Object.entries(history).map(([id, points]) => ({ id, points: points.map((p) => ({ time: p.time, value: p.net })), color: colors.get(id) ?? COLORS[0] })),
    [history, colors],
  );
  return (
    <Card title="Live net spread per pair (after taker fees, VWAP for the pair's qty)">
      <ApiErrorAlert error={pairs.error ?? error} />
      {quotes && quotes.length === 0 ? <Empty description="No pairs configured yet (Arbitrage page)" /> : null}
      <Table<PairPrices>
        rowKey="pairId"
        size="small"
        pagination={false}
        dataSource={quotes}
        style={{ display: quotes?.length ? undefined : 'none' }}
        columns={[
          { title: 'Pair', dataIndex: 'pairId', render: (id: string) => <Tag color={colorOf(id)}>{id}</Tag> },
          {
            title: 'Net spread',
            render: (_, p) => <span data-testid={`net-spread-${p.pairId}`}>{pct(p.netSpreadPercent)}</span>,
          },
          { title: 'Gross', render: (_, p) => pct(p.spreadPercent) },
          { title: 'Direction', dataIndex: 'direction', render: (d: string | null) => d ?? '—' },
          { title: 'Leg 1 bid / ask', render: (_, p) => `${p.leg1.bid ?? '—'} / ${p.leg1.ask ?? '—'}` },
          { title: 'Leg 2 bid / ask', render: (_, p) => `${p.leg2.bid ?? '—'} / ${p.leg2.ask ?? '—'}` },
          { title: 'Status', dataIndex: 'status' },
          {
            title: 'Updated',
            render: (_, p) => (
              <span data-testid={`spread-updated-${p.pairId}`} data-points={history[p.pairId]?.length ?? 0}>
                {time(p.ts)}
              </span>
            ),
          },
        ]}
      />
      <div style={{ display: lines.length ? undefined : 'none', marginTop: 16 }}>
        <SpreadChart lines={lines} />
      </div>
    </Card>
  );
}

function Opportunities() {
  const { data, error } = useArbitrageOpportunitiesQuery(FEED_LIMIT);
  const feed = useLiveList<OpportunityView>('opportunity', data, (o) => `${o.pairId}:${o.ts}:${o.direction}`, FEED_LIMIT);
  return (
    <Card title="Opportunities" data-testid="opportunities">
      <ApiErrorAlert error={error} />
      <List
        size="small"
        dataSource={feed}
        locale={{ emptyText: 'No opportunity has cleared its threshold yet' }}
        renderItem={(o) => (
          <FeedItem ts={o.ts}>
            <Tag>{o.pairId}</Tag>
            <span>{o.direction}</span>
            <Typography.Text strong>{pct(o.netSpreadPercent)} net</Typography.Text>
            <Typography.Text type="secondary">
              {o.leg1Price} / {o.leg2Price}
            </Typography.Text>
          </FeedItem>
        )}
      />
    </Card>
  );
}

function Alerts() {
  const risk = useRiskStatusQuery(undefined, { pollingInterval: 5_000 });
  const { data, error } = useRiskAlertsQuery({ limit: FEED_LIMIT });
  const alerts = useLiveList<RiskAlert>('engine_alert', data, (a) => `${a.code}:${a.ts}:${a.message}`, FEED_LIMIT);
  const pauses = risk.data?.pauses ?? [];
  return (
    <Card title="Alerts" data-testid="alerts">
      <ApiErrorAlert error={error} />
      {pauses.length > 0 ? (
        <List
          size="small"
          header={<Typography.Text strong>Open: paused until resumed or healthy</Typography.Text>}
          dataSource={pauses}
          renderItem={(p) => (
            <FeedItem ts={p.since}>
              <Tag color="orange">{p.scope}</Tag>
              <span>{p.id}</span>
              <Typography.Text type="secondary">
                {p.rule}: {p.reason}
              </Typography.Text>
            </FeedItem>
          )}
        />
      ) : null}
      <List
        size="small"
        header={<Typography.Text strong>Recent</Typography.Text>}
        dataSource={alerts}
        locale={{ emptyText: 'No alerts' }}
        renderItem={(a) => (
          <FeedItem ts={a.ts}>
            <Tag color={a.severity === 'critical' ? 'red' : 'orange'}>{a.code}</Tag>
            <span>{a.message}</span>
          </FeedItem>
        )}
      />
    </Card>
  );
}

/** One line of a feed: its time, then what happened. */
function FeedItem({ ts, children }: { ts: number; children: ReactNode }) {
  return (
    <List.Item>
      <Space wrap>
        <Typography.Text type="secondary">{time(ts)}</Typography.Text>
        {children}
      </Space>
    </List.Item>
  );
}
