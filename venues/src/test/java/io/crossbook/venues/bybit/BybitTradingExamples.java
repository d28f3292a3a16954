package io.crossbook.venues.bybit;

import io.crossbook.core.model.Instrument;
import io.crossbook.core.model.Market;
import io.crossbook.core.model.Venue;
import java.math.BigDecimal;

/**
 * Bybit v5's documented example answers and messages (bybit-exchange/docs, {@code docs/v5/...}), as
 * fixtures; where the docs give no example for a case, the JSON is written in their shape and says so.
 */
final class BybitTradingExamples {
    private BybitTradingExamples() {
    }

    static final Instrument BTCUSDT_SPOT = instrument(Market.SPOT, "BTCUSDT", "BTC", "USDT");
    static final Instrument BTCUSDT_LINEAR = instrument(Market.LINEAR, "BTCUSDT", "BTC", "USDT");
    static final Instrument ETHUSDT_LINEAR = instrument(Market.LINEAR, "ETHUSDT", "ETH", "USDT");
    static final Instrument XRPUSDT_LINEAR = instrument(Market.LINEAR, "XRPUSDT", "XRP", "USDT");
    /** A USDC-settled perpetual, the execution list example's. */
    static final Instrument ETHPERP_LINEAR = instrument(Market.LINEAR, "ETHPERP", "ETH", "USDC");

    /** order/create-order.mdx, "Response Example". */
    static final String CREATE = """
            {"retCode":0,"retMsg":"OK","result":{"orderId":"1321003749386327552","orderLinkId":"spot-test-postonly"},
             "retExtInfo":{},"time":1672211918471}""";

    /** order/cancel-order.mdx, "Response Example". */
    static final String CANCEL = """
            {"retCode":0,"retMsg":"OK","result":{"orderId":"c6f055d9-7f21-4079-913d-e6523a9cfffa","orderLinkId":"linear-004"},
             "retExtInfo":{},"time":1672217377164}""";

    /** order/open-order.mdx (Get Open &amp; Closed Orders), "Response Example": a resting linear limit buy. */
    static final String REALTIME = """
            {"retCode":0,"retMsg":"OK","result":{"list":[{"orderId":"fd4300ae-7847-404e-b947-b46980a4d140",
             "orderLinkId":"test-000005","blockTradeId":"","symbol":"ETHUSDT","price":"1600.00","qty":"0.10","side":"Buy",
             "isLeverage":"","positionIdx":1,"orderStatus":"New","cancelType":"UNKNOWN","rejectReason":"EC_NoError",
             "avgPrice":"0","leavesQty":"0.10","leavesValue":"160","cumExecQty":"0.00","cumExecValue":"0","cumExecFee":"0",
             "timeInForce":"GTC","orderType":"Limit","stopOrderType":"UNKNOWN","orderIv":"","triggerPrice":"0.00",
             "takeProfit":"2500.00","stopLoss":"1500.00","tpTriggerBy":"LastPrice","slTriggerBy":"LastPrice",
             "triggerDirection":0,"triggerBy":"UNKNOWN","lastPriceOnCreated":"","reduceOnly":false,"closeOnTrigger":false,
             "smpType":"None","smpGroup":0,"smpOrderId":"","tpslMode":"Full","tpLimitPrice":"","slLimitPrice":"",
             "placeType":"","createdTime":"1684738540559","updatedTime":"1684738540561"}],
             "nextPageCursor":"page_args%3Dfd4300ae-7847-404e-b947-b46980a4d140%26symbol%3D6%26","category":"linear"},
             "retExtInfo":{},"time":1684765770483}""";

    /** order/order-list.mdx (Get Order History), "Response Example": a post-only buy cancelled as it would have taken. */
    static final String HISTORY = """
            {"retCode":0,"retMsg":"OK","result":{"list":[{"orderId":"14bad3a1-6454-43d8-bcf2-5345896cf74d",
             "orderLinkId":"YLxaWKMiHU","blockTradeId":"","symbol":"BTCUSDT","price":"26864.40","qty":"0.003","side":"Buy",
             "isLeverage":"","positionIdx":1,"orderStatus":"Cancelled","cancelType":"UNKNOWN",
             "rejectReason":"EC_PostOnlyWillTakeLiquidity","avgPrice":"0","leavesQty":"0.000","leavesValue":"0",
             "cumExecQty":"0.000","cumExecValue":"0","cumExecFee":"0","timeInForce":"PostOnly","orderType":"Limit",
             "stopOrderType":"UNKNOWN","orderIv":"","triggerPrice":"0.00","takeProfit":"0.00","stopLoss":"0.00",
             "tpTriggerBy":"UNKNOWN","slTriggerBy":"UNKNOWN","triggerDirection":0,"triggerBy":"UNKNOWN",
             "lastPriceOnCreated":"0.00","reduceOnly":false,"closeOnTrigger":false,"smpType":"None","smpGroup":0,
             "smpOrderId":"","tpslMode":"","tpLimitPrice":"","slLimitPrice":"","placeType":"",
             "createdTime":"1684476068369","updatedTime":"1684476068372"}],"nextPageCursor":"page_token%3D39380%26",
             "category":"linear"},"retExtInfo":{},"time":1684766282976}""";

    /** order/execution.mdx (Get Trade History), "Response Example": one taker fill of a USDC perpetual, no feeCurrency. */
    static final String EXECUTIONS = """
            {"retCode":0,"retMsg":"OK","result":{"nextPageCursor":"132766%3A2%2C132766%3A2","category":"linear",
             "list":[{"symbol":"ETHPERP","orderType":"Market","underlyingPrice":"","orderLinkId":"","side":"Buy",
             "indexPrice":"","orderId":"8c065341-7b52-4ca9-ac2c-37e31ac55c94","stopOrderType":"UNKNOWN","leavesQty":"0",
             "execTime":"1672282722429","feeCurrency":"","isMaker":false,"execFee":"0.071409","feeRate":"0.0006",
             "execId":"e0cbe81d-0f18-5866-9415-cf319b5dab3b","tradeIv":"","blockTradeId":"","markPrice":"1183.54",
             "execPrice":"1190.15","markIv":"","orderQty":"0.1","orderPrice":"1236.9","execValue":"119.015",
             "execType":"Trade","execQty":"0.1","closedSize":"","extraFees":"","seq":4688002127}]},
             "retExtInfo":{},"time":1672283754510}""";

    /** position/position.mdx (Get Position Info), "Response Example" (the docs show an inverse short; the fields are linear's too). */
    static final String POSITIONS = """
            {"retCode":0,"retMsg":"OK","result":{"list":[{"positionIdx":0,"riskId":1,"riskLimitValue":"150",
             "symbol":"BTCUSD","side":"Sell","size":"300","avgPrice":"27464.50441675","positionValue":"0.01092319",
             "tradeMode":0,"positionStatus":"Normal","autoAddMargin":1,"adlRankIndicator":2,"leverage":"10",
             "positionBalance":"0.00139186","markPrice":"28224.50","liqPrice":"","bustPrice":"999999.00",
             "positionMM":"0.0000015","positionIM":"0.00010923","tpslMode":"Full","takeProfit":"0.00","stopLoss":"0.00",
             "trailingStop":"0.00","unrealisedPnl":"-0.00029413","cumRealisedPnl":"-0.00096902","seq":5723621632,
             "isReduceOnly":false,"mmrSysUpdateTime":"","leverageSysUpdatedTime":"","createdTime":"1676538056258",
             "updatedTime":"1697673600012"}],"nextPageCursor":"","category":"inverse"},"retExtInfo":{},"time":1697684980172}""";

    /** market/time.mdx (Get Bybit Server Time), "Response Example". */
    static final String TIME = """
            {"retCode":0,"retMsg":"OK","result":{"timeSecond":"1688639403","timeNano":"1688639403423213947"},
             "retExtInfo":{},"time":1688639403423}""";

    /** The unified wallet in account/wallet-balance.mdx's shape, trimmed to the fields read (values made up). */
    static final String WALLET = """
            {"retCode":0,"retMsg":"OK","result":{"list":[{"accountType":"UNIFIED","coin":[
             {"coin":"USDT","walletBalance":"1000.25","locked":"100"},{"coin":"BTC","walletBalance":"0","locked":"0"}]}]},
             "retExtInfo":{},"time":1690872862481}""";

    /** websocket/private/execution.mdx, "Stream Example": a linear taker sell, no feeCurrency. */
    static final String STREAM_EXECUTION = """
            {"id":"592324803b2785-26fa-4214-9963-bdd4727f07be","topic":"execution","creationTime":1672364174455,
             "data":[{"category":"linear","symbol":"XRPUSDT","execFee":"0.005061",
             "execId":"7e2ae69c-4edf-5800-a352-893d52b446aa","execPrice":"0.3374","execQty":"25","execType":"Trade",
             "execValue":"8.435","isMaker":false,"feeRate":"0.0006","tradeIv":"","markIv":"","blockTradeId":"",
             "markPrice":"0.3391","indexPrice":"","underlyingPrice":"","leavesQty":"0",
             "orderId":"f6e324ff-99c2-4e89-9739-3086e47f9381","orderLinkId":"","orderPrice":"0.3207","orderQty":"25",
             "orderType":"Market","stopOrderType":"UNKNOWN","side":"Sell","execTime":"1672364174443","isLeverage":"0"}]}""";

    /** websocket/private/order.mdx, "Stream Example": an option order, a category not traded here. */
    static final String STREAM_OPTION_ORDER = """
            {"id":"5923240c6880ab-c59f-420b-9adb-3639adc9dd90","topic":"order","creationTime":1672364262474,
             "data":[{"symbol":"ETH-30DEC22-1400-C","orderId":"5cf98598-39a7-459e-97bf-76ca765ee020","side":"Sell",
             "orderType":"Market","cancelType":"UNKNOWN","price":"72.5","qty":"1","orderIv":"","timeInForce":"IOC",
             "orderStatus":"Filled","orderLinkId":"","lastPriceOnCreated":"","reduceOnly":false,"leavesQty":"",
             "leavesValue":"","cumExecQty":"1","cumExecValue":"75","avgPrice":"75","blockTradeId":"","positionIdx":0,
             "cumExecFee":"0.358635","closedPnl":"0","createdTime":"1672364262444","updatedTime":"1672364262457",
             "rejectReason":"EC_NoError","stopOrderType":"","tpslMode":"","triggerPrice":"","takeProfit":"","stopLoss":"",
             "tpTriggerBy":"","slTriggerBy":"","tpLimitPrice":"","slLimitPrice":"","triggerDirection":0,"triggerBy":"",
             "closeOnTrigger":false,"category":"option","placeType":"price","smpType":"None","smpGroup":0,"smpOrderId":"",
             "feeCurrency":"","cumFeeDetail":{"MNT":"0.00242968"}}]}""";

    /**
     * The same message's shape for a linear limit buy of ours, partly filled (values made up; the docs
     * give an option order only).
     */
    static final String STREAM_LINEAR_ORDER = """
            {"id":"5923240c6880ab-c59f-420b-9adb-3639adc9dd91","topic":"order","creationTime":1672364262474,
             "data":[{"category":"linear","symbol":"BTCUSDT","orderId":"1f1ee0d2-6a0b-4c3e-9d29-6b2f0e2a4a11",
             "orderLinkId":"cb0000000000000000000000042","side":"Buy","orderType":"Limit","price":"30000.10","qty":"0.010",
             "timeInForce":"GTC","orderStatus":"PartiallyFilled","cancelType":"UNKNOWN","rejectReason":"EC_NoError",
             "avgPrice":"30000.10","leavesQty":"0.006","leavesValue":"180.0006","cumExecQty":"0.004",
             "cumExecValue":"120.0004","cumExecFee":"0.0240008","positionIdx":0,"feeCurrency":"",
             "createdTime":"1672364262444","updatedTime":"1672364262460"}]}""";

    /** websocket/wss-authentication.mdx ("Connect"): the successful authentication and the private subscription's answers. */
    static final String AUTH_OK = "{\"success\":true,\"ret_msg\":\"\",\"op\":\"auth\",\"conn_id\":\"cejreaspqfh3sjdnldmg-p\"}";
    static final String SUBSCRIBED = "{\"success\":true,\"ret_msg\":\"\",\"op\":\"subscribe\",\"conn_id\":\"cejreassvfrsfvb9v1a0-2m\"}";
    /** The same page's pong of the private channels. */
    static final String PONG = "{\"req_id\":\"test\",\"op\":\"pong\",\"args\":[\"1675418560633\"],\"conn_id\":\"cfcb4ocsvfriu23r3er0-1b\"}";

    /** A page of a list with nothing (more) on it. */
    static final String EMPTY_LIST = """
            {"retCode":0,"retMsg":"OK","result":{"list":[],"nextPageCursor":"","category":"linear"},"retExtInfo":{},
             "time":1684765770483}""";

    static String error(int retCode, String retMsg) {
        return "{\"retCode\":" + retCode + ",\"retMsg\":\"" + retMsg + "\",\"result\":{},\"retExtInfo\":{},\"time\":1672211918471}";
    }

    private static Instrument instrument(Market market, String symbol, String base, String quote) {
        return new Instrument(Venue.BYBIT, market, symbol, base, quote, new BigDecimal("0.01"), new BigDecimal("0.001"),
                new BigDecimal("0.001"), BigDecimal.ONE, BigDecimal.ONE);
    }
}
