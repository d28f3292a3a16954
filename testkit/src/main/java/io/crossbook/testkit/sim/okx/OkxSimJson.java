package io.crossbook.testkit.sim.okx;

import static io.crossbook.testkit.sim.SimJson.object;

import io.crossbook.core.exec.OrderType;
import io.crossbook.core.model.Market;
import io.crossbook.core.model.OrderSide;
import io.crossbook.testkit.sim.MarketEvent.Level;
import io.crossbook.testkit.sim.SimFill;
import io.crossbook.testkit.sim.SimOrder;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.zip.CRC32;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * OKX v5's JSON: orders as {@code GET /api/v5/trade/order}, {@code orders-pending} and the private
 * {@code orders} channel show them, fills as {@code /api/v5/trade/fills} lists them, and the public
 * {@code books} channel with its sequence ids and checksum. OKX writes fees as balance changes:
 * negative when paid.
 */
final class OkxSimJson {
    /** Levels a side the {@code books} checksum covers. */
    static final int CHECKSUM_LEVELS = 25;

    private OkxSimJson() {
    }

    static String instType(Market market) {
        return market == Market.SPOT ? "SPOT" : "SWAP";
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    static String state(SimOrder o) {
        return switch (o.status()) {
            case NEW -> "live";
            case PARTIALLY_FILLED -> "partially_filled";
            case FILLED -> "filled";
            case CANCELED, EXPIRED -> "canceled";
        };
    }

    static String ordType(SimOrder o) {
        if (o.type() == OrderType.MARKET) {
            return "market";
        }
        return switch (o.timeInForce()) {
            case GTC -> "limit";
            case IOC -> "ioc";
            case POST_ONLY -> "post_only";
        };
    }

    /** One order; {@code fill} (the push's own fill, or null) fills in the {@code fill*} and {@code tradeId} fields. */
    static ObjectNode order(SimOrder o, SimFill fill, BigDecimal feePaid, String feeCcy) {
        ObjectNode order = object().put("instType", instType(o.market())).put("instId", o.symbol()).put("ccy", "")
                .put("ordId", Long.toString(o.orderId())).put("clOrdId", o.clientOrderId()).put("tag", "")
                .put("px", o.price() == null ? "" : plain(o.price())).put("sz", plain(o.qty())).put("pnl", "0")
                .put("ordType", ordType(o)).put("side", o.side() == OrderSide.BUY ? "buy" : "sell")
                .put("posSide", o.market() == Market.SPOT ? "" : "net").put("tdMode", o.market() == Market.SPOT ? "cash" : "cross")
                .put("accFillSz", plain(o.executedQty())).put("avgPx", o.executedQty().signum() == 0 ? "" : plain(o.avgPrice()))
                .put("state", state(o)).put("lever", o.market() == Market.SPOT ? "" : "10")
                .put("fee", plain(feePaid.negate())).put("feeCcy", feeCcy).put("rebate", "0").put("rebateCcy", feeCcy)
                .put("category", "normal").put("cTime", Long.toString(o.createTime())).put("uTime", Long.toString(o.updateTime()));
        if (o.market() == Market.SPOT && o.type() == OrderType.MARKET) {
            order.put("tgtCcy", "base_ccy");
        }
        order.put("tradeId", fill == null ? "" : Long.toString(fill.tradeId()))
                .put("fillPx", fill == null ? "" : plain(fill.price())).put("fillSz", fill == null ? "0" : plain(fill.qty()))
                .put("fillTime", fill == null ? "" : Long.toString(fill.time()))
                .put("fillFee", fill == null ? "0" : plain(fill.fee().negate())).put("fillFeeCcy", fill == null ? "" : fill.feeAsset())
                .put("execType", fill == null ? "" : fill.maker() ? "M" : "T");
        return order;
    }

    /** One fill as {@code GET /api/v5/trade/fills} lists it; its {@code billId} is the trade id. */
    static ObjectNode fill(SimFill f) {
        return object().put("instType", instType(f.market())).put("instId", f.symbol()).put("tradeId", Long.toString(f.tradeId()))
                .put("ordId", Long.toString(f.orderId())).put("clOrdId", f.clientOrderId()).put("billId", Long.toString(f.tradeId()))
                .put("tag", "").put("fillPx", plain(f.price())).put("fillSz", plain(f.qty()))
                .put("side", f.side() == OrderSide.BUY ? "buy" : "sell").put("posSide", f.market() == Market.SPOT ? "" : "net")
                .put("execType", f.maker() ? "M" : "T").put("feeCcy", f.feeAsset()).put("fee", plain(f.fee().negate()))
                .put("ts", Long.toString(f.time())).put("fillTime", Long.toString(f.time()));
    }

    /**
     * A {@code books} push: the levels as {@code [px, sz, "0", orders]} (the third field is deprecated
     * and always "0"; the order counts are the recording's), and the checksum over {@code bookBids} and
     * {@code bookAsks}, the book after the push.
     */
    static ObjectNode books(String instId, boolean snapshot, List<Level> bids, List<Level> asks, Map<BigDecimal, String> orders,
                            List<Level> bookBids, List<Level> bookAsks, long ts, long seqId, long prevSeqId) {
        ObjectNode root = object();
        root.putObject("arg").put("channel", "books").put("instId", instId);
        root.put("action", snapshot ? "snapshot" : "update");
        ObjectNode data = root.putArray("data").addObject();
        levels(data.putArray("asks"), asks, orders);
        levels(data.putArray("bids"), bids, orders);
        data.put("ts", Long.toString(ts)).put("checksum", checksum(bookBids, bookAsks)).put("prevSeqId", prevSeqId).put("seqId", seqId);
        return root;
    }

    private static void levels(ArrayNode out, List<Level> levels, Map<BigDecimal, String> orders) {
        for (Level level : levels) {
            String count = level.qty().signum() == 0 ? "0" : orders.getOrDefault(level.price().stripTrailingZeros(), "1");
            out.addArray().add(level.price().toPlainString()).add(level.qty().toPlainString()).add("0").add(count);
        }
    }

    /**
     * OKX's book checksum: the CRC32, as a signed 32-bit integer, of the best 25 levels a side written
     * {@code bidPx:bidSz:askPx:askSz:...}, one side continuing alone where the other runs out.
     */
    static int checksum(List<Level> bids, List<Level> asks) {
        StringJoiner text = new StringJoiner(":");
        for (int i = 0; i < CHECKSUM_LEVELS; i++) {
            if (i < bids.size()) {
                text.add(bids.get(i).price().toPlainString()).add(bids.get(i).qty().toPlainString());
            }
            if (i < asks.size()) {
                text.add(asks.get(i).price().toPlainString()).add(asks.get(i).qty().toPlainString());
            }
        }
        CRC32 crc = new CRC32();
        crc.update(text.toString().getBytes(StandardCharsets.UTF_8));
        return (int) crc.getValue();
    }
}
