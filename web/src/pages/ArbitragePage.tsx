import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Row, Space, Tabs, Typography } from 'antd';
import { useMemo, useState } from 'react';
import {
  useArbitrageExecutionsQuery,
  useArbitrageOpportunitiesQuery,
  useArbitragePairsQuery,
  useArbitrageTriangularQuery,
  useDeletePairMutation,
  type PairView,
} from '../api/arbitrageApi';
import { ApiErrorAlert, showApiError } from '../api/errors';
import { ExecutionResult } from '../components/arbitrage/ExecutionResult';
import { ExecutionsTable } from '../components/arbitrage/ExecutionsTable';
import { OpportunitiesTable } from '../components/arbitrage/OpportunitiesTable';
import { PairForm } from '../components/arbitrage/PairForm';
import { PairsTable } from '../components/arbitrage/PairsTable';
import { TriangularTable } from '../components/arbitrage/TriangularTable';
import { grossAndNet, useLiveSpreads } from '../components/arbitrage/useLiveSpreads';
import { useManualExecution } from '../components/arbitrage/useManualExecution';
import { pct, time } from '../components/format';
import { useLiveList } from '../components/hooks';
import { SpreadChart } from '../components/SpreadChart';
import { useRefetchOnEvents } from '../components/useRefetchOnEvents';
import { useAppSelector } from '../hooks';

const LIST_LIMIT = 100;

/**
 * Arbitrage: the pairs with their live spreads, a spread chart of the selected one, manual
 * execution behind a confirmation, executions, recent opportunities and triangular paths.
 */
export function ArbitragePage() {
  const { message } = App.useApp();
  const canTrade = useAppSelector((state) => state.auth.role === 'admin');
  const pairs = useArbitragePairsQuery();
  const spreads = useLiveSpreads(pairs.data);
  const executions = useArbitrageExecutionsQuery(LIST_LIMIT);
  const opportunities = useArbitrageOpportunitiesQuery(LIST_LIMIT);
  const triangular = useArbitrageTriangularQuery(undefined, { pollingInterval: 5000 });
  const [deletePair] = useDeletePairMutation();
  const execution = useManualExecution();
  const [editing, setEditing] = useState<{ pair?: PairView } | null>(null);
  const [selectedId, setSelectedId] = useState<string>();

  useRefetchOnEvents(['order_filled', 'order_failed'], executions.refetch, (event: { pairId?: string | null }) => Boolean(event.pairId));
  const recentOpportunities = useLiveList('opportunity', opportunities.data, (o) => `${o.pairId}@${o.ts}`, LIST_LIMIT);

  const selected = pairs.data?.find((p) => p.id === selectedId) ?? pairs.data?.[0];
  const selectedQuote = selected ? spreads.byPair.get(selected.id) : undefined;
  const selectedHistory = selected ? spreads.history[selected.id] : undefined;
  const selectedLines = useMemo(() => grossAndNet(selectedHistory ?? []), [selectedHistory]);

  async function remove(pair: PairView) {
    try {
      await deletePair(pair.id).unwrap();
      message.success(`Pair ${pair.id} deleted`);
    } catch (error) {
      showApiError(error, `Delete pair ${pair.id}`);
    }
  }

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Row justify="space-between" align="middle">
        <Typography.Title level={2} style={{ margin: 0 }}>
          Arbitrage
        </Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} disabled={!canTrade} onClick={() => setEditing({})}>
          New pair
        </Button>
      </Row>
      <ApiErrorAlert error={pairs.error} title="The pairs could not be loaded" />
      <ApiErrorAlert error={spreads.error} title="The live spreads could not be loaded" />
      {execution.last ? <ExecutionResult execution={execution.last} onClose={execution.dismiss} /> : null}
      <Card title="Pairs" size="small" data-testid="pairs" extra={<Typography.Text type="secondary">VWAP of each pair's qty; net spread after both taker fees</Typography.Text>}>
        <PairsTable
          pairs={pairs.data}
          loading={pairs.isLoading}
          quotes={spreads.byPair}
          selected={selected?.id}
          canTrade={canTrade}
          executing={execution.running}
          onSelect={setSelectedId}
          onExecute={(pair) => void execution.confirm(pair, spreads.byPair.get(pair.id))}
          onEdit={(pair) => setEditing({ pair })}
          onDelete={(pair) => void remove(pair)}
        />
      </Card>
      <Card
        size="small"
        title={selected ? `Spread of ${selected.id}` : 'Spread'}
        extra={selectedQuote ? <Typography.Text data-testid="selected-net-spread">net {pct(selectedQuote.netSpreadPercent)} · {selectedQuote.status} · as of {time(selectedQuote.ts)}</Typography.Text> : null}
      >
        {selected ? (
          <SpreadChart lines={selectedLines} threshold={selected.threshold} digits={4} height={260} />
        ) : (
          <Empty description="Add a pair to chart its spread" />
        )}
      </Card>
      <Card size="small">
        <Tabs
          items={[
            {
              key: 'executions',
              label: 'Executions',
              children: (
                <>
                  <ApiErrorAlert error={executions.error} title="The executions could not be loaded" />
                  <ExecutionsTable executions={executions.data} loading={executions.isLoading} />
                </>
              ),
            },
            {
              key: 'opportunities',
              label: 'Opportunities',
              children: (
                <>
                  <ApiErrorAlert error={opportunities.error} title="The opportunities could not be loaded" />
                  <OpportunitiesTable opportunities={recentOpportunities} loading={opportunities.isLoading} />
                </>
              ),
            },
            {
              key: 'triangular',
              label: 'Triangular paths',
              children: (
                <>
                  <ApiErrorAlert error={triangular.error} title="The triangular paths could not be loaded" />
                  <TriangularTable paths={triangular.data} loading={triangular.isLoading} />
                </>
              ),
            },
          ]}
        />
      </Card>
      <PairForm open={editing !== null} pair={editing?.pair} onClose={() => setEditing(null)} />
    </Space>
  );
}
