import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, AutoComplete, Button, Card, Col, Form, Input, InputNumber, Modal, Row, Select, Typography } from 'antd';
import { useEffect } from 'react';
import { useExchangesQuery, type Exchange } from '../../api/settingsApi';
import { apiErrorText } from '../../api/errors';
import { useCreateTwapPlanMutation, type TwapPlanRequest } from '../../api/twapApi';
import { EXCHANGES, symbolOptions } from '../arbitrage/PairForm';
import { markServerField } from '../serverFieldError';

const MIN_INTERVAL_MS = 1000;
const aboveZero = {
  validator: (_: unknown, value: number | null) => (value === null || value === undefined || value > 0 ? Promise.resolve() : Promise.reject(new Error('Must be above zero'))),
};

function LegCard({ index, exchanges, onRemove }: { index: number; exchanges: Exchange[] | undefined; onRemove?: () => void }) {
  const form = Form.useFormInstance<TwapPlanRequest>();
  const exchange = Form.useWatch(['legs', index, 'exchange'], form);
  const market = Form.useWatch(['legs', index, 'market'], form);
  const type = Form.useWatch(['legs', index, 'type'], form);
  return (
    <Card size="small" title={`Leg ${index + 1}`} extra={onRemove ? <Button type="text" icon={<MinusCircleOutlined />} onClick={onRemove} aria-label={`Remove leg ${index + 1}`} /> : null}>
      <Row gutter={12}>
        <Col span={8}>
          <Form.Item label="Exchange" name={[index, 'exchange']} rules={[{ required: true, message: 'Choose the exchange' }]}>
            <Select options={EXCHANGES} aria-label={`leg ${index + 1} exchange`} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item label="Market" name={[index, 'market']} rules={[{ required: true }]}>
            <Select options={[{ value: 'spot' }, { value: 'linear', label: 'linear (perpetual)' }]} aria-label={`leg ${index + 1} market`} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item label="Symbol" name={[index, 'symbol']} normalize={(v: string) => v?.trim().toUpperCase()} rules={[{ required: true, message: 'Enter the symbol' }]}>
            <AutoComplete options={symbolOptions(exchanges, exchange, market)} placeholder="BTCUSDT" aria-label={`leg ${index + 1} symbol`} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item label="Side" name={[index, 'side']} rules={[{ required: true, message: 'Choose buy or sell' }]}>
            <Select options={[{ value: 'buy' }, { value: 'sell' }]} aria-label={`leg ${index + 1} side`} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item label="Order type" name={[index, 'type']} rules={[{ required: true }]}>
            <Select options={[{ value: 'market' }, { value: 'limit' }]} aria-label={`leg ${index + 1} order type`} />
          </Form.Item>
        </Col>
        <Col span={8}>
          {type === 'limit' ? (
            <Form.Item label="Limit price" name={[index, 'price']} tooltip="The worst price a slice may trade at" rules={[{ required: true, message: 'A limit leg needs its price' }, aboveZero]}>
              <InputNumber style={{ width: '100%' }} min={0} />
            </Form.Item>
          ) : null}
        </Col>
      </Row>
    </Card>
  );
}

/** Slices and duration the plan will take, as a hint under the quantities. */
function planHint(totalQty: number | undefined, sliceQty: number | undefined, intervalMs: number | undefined) {
  if (!totalQty || !sliceQty || !intervalMs || sliceQty > totalQty) {
    return null;
  }
  const slices = Math.ceil(totalQty / sliceQty);
  const seconds = ((slices - 1) * intervalMs) / 1000;
  return `${slices} slice${slices === 1 ? '' : 's'}, the last about ${seconds >= 120 ? `${(seconds / 60).toFixed(1)} min` : `${seconds} s`} after the first`;
}

/** Creates a TWAP plan (one leg, or two of opposite sides); the server's refusal is shown whole and under its field. */
export function TwapPlanForm({ open, onClose }: { open: boolean; onClose: (planId?: string) => void }) {
  const [form] = Form.useForm<TwapPlanRequest>();
  const { data: exchanges } = useExchangesQuery();
  const [create, created] = useCreateTwapPlanMutation();
  const legs = Form.useWatch('legs', form);
  const hint = planHint(Form.useWatch('totalQty', form), Form.useWatch('sliceQty', form), Form.useWatch('intervalMs', form));

  useEffect(() => {
    if (open) {
      created.reset();
      form.resetFields();
    }
  }, [open, form]);

  async function submit(values: TwapPlanRequest) {
    const request: TwapPlanRequest = { ...values, name: values.name?.trim() || undefined };
    if (request.legs.length < 2) {
      delete request.maxAdverseSpreadPercent;
    }
    try {
      const { planId } = await create(request).unwrap();
      onClose(planId);
    } catch (error) {
      markServerField(form, error);
    }
  }

  return (
    <Modal title="New TWAP plan" open={open} onCancel={() => onClose()} onOk={() => form.submit()} okText="Create plan" confirmLoading={created.isLoading} width={760} destroyOnClose>
      <Typography.Paragraph type="secondary">A plan is created pending: nothing trades until you start it.</Typography.Paragraph>
      {created.error ? <Alert type="error" showIcon message="The server refused the plan" description={apiErrorText(created.error)} style={{ marginBottom: 16 }} data-testid="twap-form-error" /> : null}
      <Form
        form={form}
        layout="vertical"
        name="twap"
        onFinish={submit}
        initialValues={{ intervalMs: 30000, legs: [{ type: 'market', market: 'spot', side: 'buy' }] }}
      >
        <Row gutter={12}>
          <Col span={6}>
            <Form.Item label="Name" name="name" tooltip="Defaults to the plan id">
              <Input placeholder="BTC_TWAP" maxLength={64} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item label="Total quantity" name="totalQty" tooltip="Base currency" rules={[{ required: true, message: 'Enter the total quantity' }, aboveZero]}>
              <InputNumber style={{ width: '100%' }} min={0} placeholder="0.01" />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item
              label="Slice quantity"
              name="sliceQty"
              dependencies={['totalQty']}
              rules={[
                { required: true, message: 'Enter the slice quantity' },
                aboveZero,
                ({ getFieldValue }) => ({
                  validator: (_, value: number | null) =>
                    !value || !getFieldValue('totalQty') || value <= getFieldValue('totalQty') ? Promise.resolve() : Promise.reject(new Error('At most the total quantity')),
                }),
              ]}
            >
              <InputNumber style={{ width: '100%' }} min={0} placeholder="0.001" />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item label="Interval" name="intervalMs" rules={[{ required: true, message: 'Enter the interval' }, { type: 'number', min: MIN_INTERVAL_MS, message: 'At least 1000 ms' }]}>
              <InputNumber style={{ width: '100%' }} min={0} step={1000} precision={0} addonAfter="ms" />
            </Form.Item>
          </Col>
        </Row>
        {hint ? <Typography.Paragraph type="secondary">{hint}</Typography.Paragraph> : null}
        <Form.List
          name="legs"
          rules={[
            {
              validator: async (_, value: TwapPlanRequest['legs']) => {
                if (value?.length === 2 && value[0]?.side && value[0].side === value[1]?.side) {
                  throw new Error('Two legs must be a buy and a sell');
                }
              },
            },
          ]}
        >
          {(fields, { add, remove }, { errors }) => (
            <>
              {fields.map((field) => (
                <div key={field.key} style={{ marginBottom: 12 }}>
                  <LegCard index={field.name} exchanges={exchanges} onRemove={fields.length > 1 ? () => remove(field.name) : undefined} />
                </div>
              ))}
              <Form.ErrorList errors={errors} />
              {fields.length < 2 ? (
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ type: 'market', market: 'linear', side: legs?.[0]?.side === 'buy' ? 'sell' : 'buy' })}>
                  Add a second leg (hedge)
                </Button>
              ) : null}
            </>
          )}
        </Form.List>
        {legs?.length === 2 ? (
          <Form.Item label="Max adverse spread" name="maxAdverseSpreadPercent" style={{ marginTop: 12 }} tooltip="The most the buy may cost above the sale, net of both taker fees, in percent of their mid; a slice beyond it is skipped">
            <InputNumber style={{ width: 200 }} addonAfter="%" />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}
