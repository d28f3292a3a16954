import { Alert, Button, Card, Col, Form, InputNumber, Row, Space, Typography, message } from 'antd';
import type { Rule } from 'antd/es/form';
import { useEffect, useState } from 'react';
import { ApiErrorAlert, apiErrorText } from '../../api/errors';
import { useRiskLimitsQuery, useUpdateRiskLimitsMutation, type RiskLimits } from '../../api/riskApi';

type Bound = 'positive' | 'nonNegative' | 'atLeastOne' | 'rate' | 'any';

interface LimitField {
  name: string;
  label: string;
  unit: string;
  bound: Bound;
  integer?: boolean;
  help?: string;
}

/** The limits of docs/API.md "Risk", grouped as an operator thinks of them; bounds as the server checks each alone. */
export const LIMIT_GROUPS: { title: string; fields: LimitField[] }[] = [
  {
    title: 'Orders and positions',
    fields: [
      { name: 'maxOrderNotional', label: 'Max order notional', unit: 'USD', bound: 'positive' },
      { name: 'maxPositionPerAsset', label: 'Max position per asset (all venues)', unit: 'USD', bound: 'positive' },
      { name: 'maxPositionPerVenue', label: 'Max position per venue', unit: 'USD', bound: 'positive' },
      { name: 'maxDailyLoss', label: 'Max daily loss (UTC day, realised)', unit: 'USD', bound: 'nonNegative' },
      { name: 'maxOpenOrders', label: 'Max open orders', unit: 'orders', bound: 'atLeastOne', integer: true },
    ],
  },
  {
    title: 'Market checks',
    fields: [
      { name: 'maxSlippagePercent', label: 'Max slippage', unit: '%', bound: 'nonNegative' },
      { name: 'minBookLiquidity', label: 'Min book liquidity', unit: 'USD', bound: 'nonNegative' },
      { name: 'minSpreadPercent', label: 'Min net spread (manual execution)', unit: '%', bound: 'any' },
      { name: 'maxVenueDeviationPercent', label: 'Max deviation between legs', unit: '%', bound: 'positive' },
    ],
  },
  {
    title: 'Pair breaker',
    fields: [
      { name: 'pairMaxConsecutiveFailures', label: 'Failures in a row', unit: 'executions', bound: 'atLeastOne', integer: true },
      { name: 'pairMaxErrorRate', label: 'Max error rate', unit: 'share (0–1]', bound: 'rate' },
      { name: 'pairErrorRateMinSamples', label: 'Min samples for the rate', unit: 'executions', bound: 'atLeastOne', integer: true },
      { name: 'pairErrorWindowMs', label: 'Error window', unit: 'ms', bound: 'atLeastOne', integer: true },
      { name: 'pairPauseMs', label: 'Pause', unit: 'ms', bound: 'nonNegative', integer: true, help: '0: until resumed by hand' },
    ],
  },
  {
    title: 'Venue breaker and anomalies',
    fields: [
      { name: 'venueMaxErrors', label: 'Errors in window', unit: 'errors', bound: 'atLeastOne', integer: true },
      { name: 'venueErrorWindowMs', label: 'Error window', unit: 'ms', bound: 'atLeastOne', integer: true },
      { name: 'venuePauseMs', label: 'First pause', unit: 'ms', bound: 'atLeastOne', integer: true },
      { name: 'venueMaxPauseMs', label: 'Longest pause', unit: 'ms', bound: 'atLeastOne', integer: true, help: 'at least the first pause' },
      { name: 'anomalyResumeAfterMs', label: 'Resume after healthy data', unit: 'ms', bound: 'nonNegative', integer: true, help: '0: by hand' },
    ],
  },
];

const ALL_FIELDS = LIMIT_GROUPS.flatMap((group) => group.fields);

function rules(field: LimitField): Rule[] {
  const list: Rule[] = [{ required: true, message: `${field.label}: enter a value` }];
  const check = (ok: (v: number) => boolean, text: string): Rule => ({
    validator: (_rule, value: number | null) => (value === null || value === undefined || ok(value) ? Promise.resolve() : Promise.reject(new Error(text))),
  });
  if (field.integer) {
    list.push(check(Number.isInteger, 'must be a whole number'));
  }
  switch (field.bound) {
    case 'positive':
      list.push(check((v) => v > 0, 'must be positive'));
      break;
    case 'nonNegative':
      list.push(check((v) => v >= 0, 'must be zero or positive'));
      break;
    case 'atLeastOne':
      list.push(check((v) => v >= 1, 'must be at least 1'));
      break;
    case 'rate':
      list.push(check((v) => v > 0 && v <= 1, 'must be above 0 and at most 1'));
      break;
    case 'any':
      break;
  }
  return list;
}

/** The limit a server message names (`venueMaxPauseMs must be …`, `maxOrderNotional: must be a number`), if any. */
export function limitNamed(serverMessage: string): string | undefined {
  const name = /^([A-Za-z]+)/.exec(serverMessage)?.[1];
  return ALL_FIELDS.some((field) => field.name === name) ? name : undefined;
}

/**
 * The risk limits (GET/PUT /api/risk/limits). Only the limits changed are sent; a refusal shows the
 * server's message above the form and on the limit it names.
 */
export function RiskLimitsForm({ canMutate }: { canMutate: boolean }) {
  const { data: limits, error: loadError, isLoading } = useRiskLimitsQuery();
  const [update, { isLoading: saving }] = useUpdateRiskLimitsMutation();
  const [form] = Form.useForm<RiskLimits>();
  const [refusal, setRefusal] = useState<unknown>(null);

  useEffect(() => {
    if (limits) {
      form.setFieldsValue(limits);
    }
  }, [form, limits]);

  function reset() {
    form.resetFields();
    form.setFieldsValue(limits ?? {});
    setRefusal(null);
  }

  async function save(values: RiskLimits) {
    if (!limits) {
      return;
    }
    const changes = Object.fromEntries(Object.entries(values).filter(([name, value]) => value !== limits[name]));
    if (Object.keys(changes).length === 0) {
      message.info('No limit changed');
      return;
    }
    setRefusal(null);
    try {
      const saved = await update(changes).unwrap();
      form.setFieldsValue(saved);
      message.success(`Limits saved: ${Object.entries(changes).map(([name, value]) => `${name} ${limits[name]} → ${value}`).join(', ')}`);
    } catch (error) {
      setRefusal(error);
      const named = limitNamed((error as { message?: string }).message ?? '');
      if (named) {
        form.setFields([{ name: named, errors: [apiErrorText(error)] }]);
      }
    }
  }

  return (
    <Card title="Limits" loading={isLoading} data-testid="risk-limits">
      <ApiErrorAlert error={loadError} title="The limits could not be loaded" />
      {refusal ? (
        <Alert type="error" showIcon message="The server refused the limits; nothing changed" description={apiErrorText(refusal)} style={{ marginBottom: 16 }} data-testid="limits-refusal" />
      ) : null}
      {limits ? (
        <Form form={form} layout="vertical" disabled={!canMutate} onFinish={save} initialValues={limits}>
          <Row gutter={24}>
            {LIMIT_GROUPS.map((group) => (
              <Col key={group.title} xs={24} md={12} xl={6}>
                <Typography.Title level={5}>{group.title}</Typography.Title>
                {group.fields.map((field) => (
                  <Form.Item key={field.name} name={field.name} label={field.label} rules={rules(field)} extra={field.help} tooltip={field.name}>
                    <InputNumber style={{ width: '100%' }} addonAfter={field.unit} />
                  </Form.Item>
                ))}
              </Col>
            ))}
          </Row>
          <Space>
            <Button type="primary" htmlType="submit" loading={saving}>
              Save limits
            </Button>
            <Button htmlType="button" onClick={reset}>
              Reset
            </Button>
            {canMutate ? null : <Typography.Text type="secondary">Read-only: only an admin can change limits.</Typography.Text>}
          </Space>
        </Form>
      ) : null}
    </Card>
  );
}
