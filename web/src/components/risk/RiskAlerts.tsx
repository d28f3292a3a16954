import { Card, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { ApiErrorAlert } from '../../api/errors';
import { riskApi, useRiskAlertsQuery, type RiskAlert } from '../../api/riskApi';
import { useAppDispatch } from '../../hooks';
import { useWsChannels } from '../../ws/WsContext';
import { time } from '../format';

const LIMIT = 200;

export const SEVERITY_COLOR: Record<string, string> = { info: 'blue', warning: 'orange', critical: 'red' };

/**
 * Every engine alert, newest first (GET /api/risk/alerts), filtered by severity. An `engine_alert`
 * from /ws goes to the top of the list at once: the server publishes it before storing it, so
 * reading the list again at that moment could miss it.
 */
export function RiskAlerts() {
  const dispatch = useAppDispatch();
  const [severity, setSeverity] = useState<string>('');
  const args = { limit: LIMIT, severity: severity || undefined };
  // read again now and then to replace the live ones with the stored ones
  const { data, error, isFetching } = useRiskAlertsQuery(args, { pollingInterval: 60_000 });
  useWsChannels(['engine_alert'], (alert: Omit<RiskAlert, 'id'>) => {
    if (!severity || alert.severity === severity) {
      dispatch(
        riskApi.util.updateQueryData('riskAlerts', args, (alerts) => {
          alerts.unshift({ ...alert, id: `live-${alert.ts}-${alert.code}-${alerts.length}` });
          alerts.splice(LIMIT);
        }),
      );
    }
  });
  return (
    <Card
      title="Alerts"
      extra={
        <Select
          aria-label="Severity"
          value={severity}
          onChange={setSeverity}
          style={{ width: 160 }}
          options={[
            { value: '', label: 'All severities' },
            { value: 'critical', label: 'Critical' },
            { value: 'warning', label: 'Warning' },
            { value: 'info', label: 'Info' },
          ]}
        />
      }
      data-testid="risk-alerts"
    >
      <ApiErrorAlert error={error} title="The alerts could not be loaded" />
      <Table<RiskAlert>
        size="small"
        rowKey="id"
        loading={isFetching}
        dataSource={data ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: 'No alerts' }}
        columns={[
          { title: 'Time', dataIndex: 'ts', width: 170, render: (ts: number) => time(ts) },
          {
            title: 'Severity',
            dataIndex: 'severity',
            width: 100,
            render: (s: string) => <Tag color={SEVERITY_COLOR[s] ?? 'default'}>{s.toUpperCase()}</Tag>,
          },
          { title: 'Code', dataIndex: 'code', width: 170 },
          { title: 'Rule', dataIndex: 'rule', width: 130, render: (rule: string | null) => rule ?? '—' },
          { title: 'Pair', dataIndex: 'pairId', width: 90, render: (pairId: string | null) => pairId ?? '—' },
          { title: 'Venue', dataIndex: 'venue', width: 90, render: (venue: string | null) => venue ?? '—' },
          { title: 'Message', dataIndex: 'message' },
        ]}
      />
    </Card>
  );
}
