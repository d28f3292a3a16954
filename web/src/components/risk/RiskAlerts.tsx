import { Card, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { ApiErrorAlert } from '../../api/errors';
import { useRiskAlertsQuery, type RiskAlert } from '../../api/riskApi';
import { formatTs } from '../figures';

export const SEVERITY_COLOR: Record<string, string> = { info: 'blue', warning: 'orange', critical: 'red' };

/** Every engine alert, newest first (GET /api/risk/alerts), filtered by severity; refreshed when /ws brings one. */
export function RiskAlerts() {
  const [severity, setSeverity] = useState<string>('');
  const { data, error, isFetching } = useRiskAlertsQuery({ limit: 200, severity: severity || undefined });
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
          { title: 'Time', dataIndex: 'ts', width: 170, render: (ts: number) => formatTs(ts) },
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
