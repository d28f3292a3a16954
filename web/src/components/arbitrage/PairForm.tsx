import { Alert, AutoComplete, Col, Form, InputNumber, Modal, Row, Select, Switch, Typography } from 'antd';
import { useEffect } from 'react';
import {
  useCreatePairMutation,
  useUpdatePairMutation,
  type PairConfig,
  type PairView,
} from '../../api/arbitrageApi';
import { useExchangesQuery, type Exchange } from '../../api/settingsApi';
import { apiErrorText } from '../../api/errors';
import { markServerField } from '../serverFieldError';

/** The exchanges the server trades on. */
export const EXCHANGES = ['binance', 'bybit', 'okx'].map((value) => ({ value }));
const TYPES = [
  { value: 'spot', label: 'spot' },
  { value: 'linear', label: 'linear (USD-M perpetual)' },
  { value: 'inverse', label: 'inverse (coin-M)' },
];
const DIRECTIONS = [
  { value: 'auto', label: 'auto — whichever way pays' },
  { value: 'forward', label: 'forward — buy leg 1, sell leg 2' },
  { value: 'reverse', label: 'reverse — sell leg 1, buy leg 2' },
];
const aboveZero = {
  validator: (_: unknown, value: number | null) => (value === null || value === undefined || value > 0 ? Promise.resolve() : Promise.reject(new Error('Must be above zero'))),
};

/** The symbols the server collects for an exchange and market type, as suggestions. */
export function symbolOptions(exchanges: Exchange[] | undefined, exchange: string | undefined, type: string | undefined) {
  const markets = exchanges?.find((e) => e.name === exchange)?.markets ?? [];
  return markets.filter((m) => m.type === type).flatMap((m) => m.symbols.map((symbol) => ({ value: symbol })));
}

function LegFields({ leg, title, exchanges }: { leg: 'leg1' | 'leg2'; title: string; exchanges: Exchange[] | undefined }) {
  const form = Form.useFormInstance<PairConfig>();
  const exchange = Form.useWatch([leg, 'exchange'], form);
  const type = Form.useWatch([leg, 'type'], form);
  return (
    <Col span={12}>
      <Typography.Text strong>{title}</Typography.Text>
      <Form.Item label="Exchange" name={[leg, 'exchange']} rules={[{ required: true, message: 'Choose the exchange' }]}>
        <Select options={EXCHANGES} aria-label={`${leg} exchange`} />
      </Form.Item>
      <Form.Item label="Market" name={[leg, 'type']} rules={[{ required: true, message: 'Choose the market' }]}>
        <Select options={TYPES} aria-label={`${leg} market`} />
      </Form.Item>
      <Form.Item
        label="Symbol"
        name={[leg, 'symbol']}
        normalize={(value: string) => value?.trim().toUpperCase()}
        rules={[{ required: true, message: 'Enter the exchange symbol, e.g. BTCUSDT' }]}
      >
        <AutoComplete options={symbolOptions(exchanges, exchange, type)} placeholder="BTCUSDT" aria-label={`${leg} symbol`} />
      </Form.Item>
    </Col>
  );
}

/**
 * Creates a pair, or edits `pair`: both legs, qty, totalAmount, threshold, direction and enabled.
 * The server's refusal is shown whole and under the field it names.
 */
export function PairForm({ pair, open, onClose }: { pair?: PairView; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<PairConfig>();
  const { data: exchanges } = useExchangesQuery();
  const [create, created] = useCreatePairMutation();
  const [update, updated] = useUpdatePairMutation();
  const saving = pair ? updated : created;

  useEffect(() => {
    if (open) {
      created.reset();
      updated.reset();
      form.resetFields();
      form.setFieldsValue(pair ?? { direction: 'auto', enabled: false, leg1: { type: 'spot' }, leg2: { type: 'linear' } });
    }
  }, [open, pair, form]);

  async function submit(values: PairConfig) {
    const config: PairConfig = { ...values, enabled: values.enabled ?? false };
    try {
      if (pair) {
        await update({ id: pair.id, config }).unwrap();
      } else {
        await create(config).unwrap();
      }
      onClose();
    } catch (error) {
      markServerField(form, error);
    }
  }

  return (
    <Modal
      title={pair ? `Edit pair ${pair.id}` : 'New arbitrage pair'}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={pair ? 'Save' : 'Create'}
      confirmLoading={saving.isLoading}
      width={720}
      destroyOnClose
    >
      {saving.error ? <Alert type="error" showIcon message="The server refused the pair" description={apiErrorText(saving.error)} style={{ marginBottom: 16 }} data-testid="pair-form-error" /> : null}
      <Form form={form} layout="vertical" onFinish={submit} name="pair">
        <Row gutter={24}>
          <LegFields leg="leg1" title="Leg 1" exchanges={exchanges} />
          <LegFields leg="leg2" title="Leg 2" exchanges={exchanges} />
        </Row>
        <Row gutter={24}>
          <Col span={8}>
            <Form.Item label="Quantity per trade" name="qty" tooltip="Base currency, e.g. BTC; a whole number of lots on both venues" rules={[{ required: true, message: 'Enter the quantity' }, aboveZero]}>
              <InputNumber style={{ width: '100%' }} min={0} placeholder="0.001" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label="Total amount" name="totalAmount" tooltip="Quote-currency notional the pair may trade in all" rules={[{ required: true, message: 'Enter the total amount' }, aboveZero]}>
              <InputNumber style={{ width: '100%' }} min={0} placeholder="300" addonAfter="quote" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label="Threshold" name="threshold" tooltip="Net spread after both taker fees, in percent of the mid, at which the pair trades by itself" rules={[{ required: true, message: 'Enter the threshold' }, aboveZero]}>
              <InputNumber style={{ width: '100%' }} min={0} placeholder="0.12" addonAfter="%" />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={24}>
          <Col span={16}>
            <Form.Item label="Direction" name="direction" rules={[{ required: true }]}>
              <Select options={DIRECTIONS} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label="Enabled (trades automatically)" name="enabled" valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
