import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Row, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { ApiErrorAlert } from '../api/errors';
import { useTwapPlansQuery, type TwapPlan, type TwapProgressEvent } from '../api/twapApi';
import { TwapPlanForm } from '../components/twap/TwapPlanForm';
import { TwapPlansTable } from '../components/twap/TwapPlansTable';
import { useTwapControl } from '../components/twap/useTwapControl';
import { useRefetchOnEvents } from '../components/useRefetchOnEvents';
import { useAppSelector } from '../hooks';
import { useWsChannels } from '../ws/WsContext';

/** A plan with the newest `twap_progress` applied, when that arrived after the plans were read. */
export function withProgress(plan: TwapPlan, event: TwapProgressEvent | undefined): TwapPlan {
  if (!event) {
    return plan;
  }
  const { executed, remaining, slicesDone, slicesTotal, state, reason, skips, lastSkip } = event;
  return { ...plan, progress: { executed, remaining, slicesDone, slicesTotal }, state, reason, skips, lastSkip };
}

/** TWAP: create plans, follow their progress live over /ws, start/pause/resume/cancel, slice history. */
export function TwapPage() {
  const canTrade = useAppSelector((state) => state.auth.role === 'admin');
  const plans = useTwapPlansQuery();
  const control = useTwapControl();
  const [creating, setCreating] = useState(false);
  const [events, setEvents] = useState<Record<string, { event: TwapProgressEvent; at: number }>>({});

  useWsChannels(['twap_progress'], (event: TwapProgressEvent) => setEvents((all) => ({ ...all, [event.planId]: { event, at: Date.now() } })));
  useRefetchOnEvents(['twap_progress'], plans.refetch, () => true, 2000);

  const shown = useMemo(() => {
    const readAt = plans.fulfilledTimeStamp ?? 0;
    return plans.data?.map((plan) => {
      const live = events[plan.planId];
      return withProgress(plan, live && live.at > readAt ? live.event : undefined);
    });
  }, [plans.data, plans.fulfilledTimeStamp, events]);

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Row justify="space-between" align="middle">
        <Typography.Title level={2} style={{ margin: 0 }}>
          TWAP
        </Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} disabled={!canTrade} onClick={() => setCreating(true)}>
          New plan
        </Button>
      </Row>
      <ApiErrorAlert error={plans.error} title="The plans could not be loaded" />
      <Card size="small" title="Plans" extra={<Typography.Text type="secondary">quantities in the base currency; progress live over /ws</Typography.Text>}>
        <TwapPlansTable plans={shown} loading={plans.isLoading} canTrade={canTrade} pending={control.pending} onAction={(plan, action) => void control.request(plan, action)} />
      </Card>
      <TwapPlanForm open={creating} onClose={() => setCreating(false)} />
    </Space>
  );
}
