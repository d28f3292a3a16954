package io.crossbook.venues.okx;

import io.crossbook.core.model.Instrument;
import io.crossbook.core.model.Market;
import io.crossbook.core.model.Venue;
import java.math.BigDecimal;

/**
 * OKX v5 answers for the trading tests. Those named {@code DOC_*} are the example responses of OKX's API
 * documentation (docs-v5, "Order Book Trading > Trade" and "Public Data"), taken as the JKorf/OKX.Net
 * project keeps them in its unit-test fixtures ({@code OKX.Net.UnitTests/Endpoints/UnifiedApi/Trading/*.txt},
 * {@code Subscriptions/Unified/Trading/Order.txt}); the others are in the same shape with values of our own.
 */
final class OkxTradingAnswers {
    static final Instrument SPOT = new Instrument(Venue.OKX, Market.SPOT, "BTC-USDT", "BTC", "USDT",
            new BigDecimal("0.1"), new BigDecimal("0.00000001"), new BigDecimal("0.00001"), BigDecimal.ZERO, BigDecimal.ONE);
    static final Instrument SWAP = new Instrument(Venue.OKX, Market.LINEAR, "BTC-USDT-SWAP", "BTC", "USDT",
            new BigDecimal("0.1"), new BigDecimal("0.01"), new BigDecimal("0.01"), BigDecimal.ZERO, new BigDecimal("0.01"));
    static final Instrument INVERSE = new Instrument(Venue.OKX, Market.INVERSE, "BTC-USD-SWAP", "BTC", "USD",
            new BigDecimal("0.1"), BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ZERO, new BigDecimal("100"));

    /** POST /api/v5/trade/order, the documentation's response example. */
    static final String DOC_PLACE = """
            {"code":"0","msg":"","data":[{"clOrdId":"oktswap6","ordId":"312269865356374016","tag":"","ts":"1695190491421",
              "sCode":"0","sMsg":""}],"inTime":"1695190491421339","outTime":"1695190491423240"}""";

    /**
     * GET /api/v5/trade/order, the documentation's response example: a spot market buy sized in USDT
     * ({@code tgtCcy quote_ccy}), filled.
     */
    static final String DOC_ORDER = """
            {"code":"0","data":[{"accFillSz":"0.00192834","algoClOrdId":"","algoId":"","attachAlgoClOrdId":"",
              "attachAlgoOrds":[],"avgPx":"51858","cTime":"1708587373361","cancelSource":"","cancelSourceReason":"",
              "category":"normal","ccy":"","clOrdId":"","fee":"-0.00000192834","feeCcy":"BTC","fillPx":"51858",
              "fillSz":"0.00192834","fillTime":"1708587373361","instId":"BTC-USDT","instType":"SPOT","isTpLimit":"false",
              "lever":"","linkedAlgoOrd":{"algoId":""},"ordId":"680800019749904384","ordType":"market","pnl":"0",
              "posSide":"net","px":"","pxType":"","pxUsd":"","pxVol":"","quickMgnType":"","rebate":"0","rebateCcy":"USDT",
              "reduceOnly":"false","side":"buy","slOrdPx":"","slTriggerPx":"","slTriggerPxType":"","source":"",
              "state":"filled","stpId":"","stpMode":"","sz":"100","tag":"","tdMode":"cash","tgtCcy":"quote_ccy",
              "tpOrdPx":"","tpTriggerPx":"","tpTriggerPxType":"","tradeId":"744876980","uTime":"1708587373362"}],"msg":""}""";

    /** GET /api/v5/trade/fills, the documentation's response example: the fill of {@link #DOC_ORDER}. */
    static final String DOC_FILLS = """
            {"code":"0","data":[{"side":"buy","fillSz":"0.00192834","fillPx":"51858","fillPxVol":"","fillFwdPx":"",
              "fee":"-0.00000192834","fillPnl":"0","ordId":"680800019749904384","feeRate":"-0.001","instType":"SPOT",
              "fillPxUsd":"","instId":"BTC-USDT","clOrdId":"","posSide":"net","billId":"680800019754098688",
              "subType":"1","fillMarkVol":"","tag":"","fillTime":"1708587373361","execType":"T","fillIdxPx":"",
              "tradeId":"744876980","fillMarkPx":"","feeCcy":"BTC","ts":"1708587373362"}],"msg":""}""";

    /** GET /api/v5/trade/orders-pending, the documentation's response example: a resting limit buy. */
    static final String DOC_PENDING = """
            {"code":"0","msg":"","data":[{"accFillSz":"0","avgPx":"","cTime":"1618235248028","category":"normal",
              "ccy":"","clOrdId":"","fee":"0","feeCcy":"BTC","fillPx":"","fillSz":"0","fillTime":"","instId":"BTC-USDT",
              "instType":"SPOT","lever":"5.6","ordId":"301835739059335168","ordType":"limit","pnl":"0","posSide":"net",
              "px":"59200","pxUsd":"","pxVol":"","pxType":"","rebate":"0","rebateCcy":"USDT","side":"buy",
              "attachAlgoClOrdId":"","slOrdPx":"","slTriggerPx":"","slTriggerPxType":"last","attachAlgoOrds":[],
              "state":"live","stpId":"","stpMode":"","sz":"1","tag":"","tgtCcy":"","tdMode":"cross","source":"",
              "tpOrdPx":"","tpTriggerPx":"","tpTriggerPxType":"last","tradeId":"","reduceOnly":"false",
              "quickMgnType":"","algoClOrdId":"","algoId":"","uTime":"1618235248028","isTpLimit":"false"}]}""";

    /** POST /api/v5/trade/cancel-order, the documentation's response example. */
    static final String DOC_CANCEL = """
            {"code":"0","msg":"","data":[{"clOrdId":"oktswap6","ordId":"12345689","ts":"1695190491421","sCode":"0",
              "sMsg":""}],"inTime":"1695190491421339","outTime":"1695190491423240"}""";

    /** GET /api/v5/public/time, the documentation's response example. */
    static final String DOC_TIME = """
            {"code":"0","msg":"","data":[{"ts":"1597026383085"}]}""";

    /**
     * The {@code orders} channel's push example of the documentation: a spot limit sell filled, with its
     * fill. (The fixture subscribes to {@code instType FUTURES}; the push is OKX's all the same.)
     */
    static final String DOC_ORDERS_PUSH = """
            {"arg":{"channel":"orders","instType":"FUTURES"},"data":[{"accFillSz":"0.001","algoClOrdId":"","algoId":"",
              "amendResult":"","amendSource":"","avgPx":"31527.1","cancelSource":"","category":"normal","ccy":"",
              "clOrdId":"","code":"0","cTime":"1654084334977","execType":"M","fee":"-0.02522168","feeCcy":"USDT",
              "fillFee":"-0.02522168","fillFeeCcy":"USDT","fillNotionalUsd":"31.50818374","fillPx":"31527.1",
              "fillSz":"0.001","fillPnl":"0.01","fillTime":"1654084353263","fillPxVol":"","fillPxUsd":"","fillMarkVol":"",
              "fillFwdPx":"","fillMarkPx":"","instId":"BTC-USDT","instType":"SPOT","lever":"0","msg":"",
              "notionalUsd":"31.50818374","ordId":"452197707845865472","ordType":"limit","pnl":"0","posSide":"",
              "px":"31527.1","pxUsd":"","pxVol":"","pxType":"","quickMgnType":"","rebate":"0","rebateCcy":"BTC",
              "reduceOnly":"false","reqId":"","side":"sell","attachAlgoClOrdId":"","slOrdPx":"","slTriggerPx":"",
              "slTriggerPxType":"last","source":"","state":"filled","stpId":"","stpMode":"","sz":"0.001","tag":"",
              "tdMode":"cash","tgtCcy":"","tpOrdPx":"","tpTriggerPx":"","tpTriggerPxType":"last","attachAlgoOrds":[],
              "tradeId":"242589207","lastPx":"38892.2","uTime":"1654084353264","isTpLimit":"false"}]}""";

    /** A refused order: OKX's {@code code "1"} with the order's own reason in {@code sCode}/{@code sMsg}. */
    static String refusedOrder(String sCode, String sMsg) {
        return """
                {"code":"1","msg":"All operations failed","data":[{"clOrdId":"b15","ordId":"","sCode":"%s","sMsg":"%s",
                  "tag":"","ts":"1695190491421"}],"inTime":"1695190491421339","outTime":"1695190491423240"}"""
                .formatted(sCode, sMsg);
    }

    /** An answer refused as a whole, {@code data} empty. */
    static String refused(String code, String msg) {
        return "{\"code\":\"" + code + "\",\"msg\":\"" + msg + "\",\"data\":[]}";
    }

    private OkxTradingAnswers() {
    }
}
