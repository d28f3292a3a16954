package io.crossbook.venues.binance;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Example answers and messages from Binance's API documentation, as printed there with the inline
 * {@code //} comments taken out (they are not JSON). The values are Binance's illustrations, not
 * market data.
 */
final class BinanceDocExamples {
    private BinanceDocExamples() {
    }

    /**
     * The example with some fields of its object {@code at} (a top-level field, or "" for the top
     * level itself) set to other values: names and values alternate.
     */
    static String withFields(String example, String at, Object... namesAndValues) {
        ObjectNode root = (ObjectNode) JsonMapper.shared().readTree(example);
        ObjectNode target = at.isEmpty() ? root : (ObjectNode) root.path(at);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            String name = (String) namesAndValues[i];
            switch (namesAndValues[i + 1]) {
                case Integer n -> target.put(name, n);
                case Long n -> target.put(name, n);
                default -> target.put(name, namesAndValues[i + 1].toString());
            }
        }
        return root.toString();
    }

    /** Spot REST API, "New order (TRADE)", Response RESULT. */
    static final String SPOT_NEW_ORDER_RESULT = """
            {"symbol":"BTCUSDT","orderId":28,"orderListId":-1,"clientOrderId":"6gCrw2kRUAF9CvJDGP16IP",
             "transactTime":1507725176595,"price":"0.00000000","origQty":"10.00000000","executedQty":"10.00000000",
             "cummulativeQuoteQty":"10.00000000","status":"FILLED","timeInForce":"GTC","type":"MARKET","side":"SELL",
             "workingTime":1507725176595,"selfTradePreventionMode":"NONE"}""";

    /** Spot REST API, "Query order (USER_DATA)", Response. */
    static final String SPOT_QUERY_ORDER = """
            {"symbol":"LTCBTC","orderId":1,"orderListId":-1,"clientOrderId":"myOrder1","price":"0.1","origQty":"1.0",
             "executedQty":"0.0","cummulativeQuoteQty":"0.0","status":"NEW","timeInForce":"GTC","type":"LIMIT","side":"BUY",
             "stopPrice":"0.0","icebergQty":"0.0","time":1499827319559,"updateTime":1499827319559,"isWorking":true,
             "workingTime":1499827319559,"origQuoteOrderQty":"0.000000","selfTradePreventionMode":"NONE"}""";

    /** Spot REST API, "Current open orders (USER_DATA)", Response. */
    static final String SPOT_OPEN_ORDERS = "[" + SPOT_QUERY_ORDER + "]";

    /** Spot REST API, "Account trade list (USER_DATA)", Response. */
    static final String SPOT_MY_TRADES = """
            [{"symbol":"BNBBTC","id":28457,"orderId":100234,"orderListId":-1,"price":"4.00000100","qty":"12.00000000",
              "quoteQty":"48.000012","commission":"10.10000000","commissionAsset":"BNB","time":1499865549590,
              "isBuyer":true,"isMaker":false,"isBestMatch":true}]""";

    /** Spot REST API, "Account information (USER_DATA)", Response. */
    static final String SPOT_ACCOUNT = """
            {"makerCommission":15,"takerCommission":15,"buyerCommission":0,"sellerCommission":0,
             "commissionRates":{"maker":"0.00150000","taker":"0.00150000","buyer":"0.00000000","seller":"0.00000000"},
             "canTrade":true,"canWithdraw":true,"canDeposit":true,"brokered":false,"requireSelfTradePrevention":false,
             "updateTime":123456789,"accountType":"SPOT",
             "balances":[{"asset":"BTC","free":"4723846.89208129","locked":"0.00000000"},
                         {"asset":"LTC","free":"4763368.68006011","locked":"0.00000000"}],
             "permissions":["SPOT"]}""";

    /** Spot REST API, "Check server time", Response. */
    static final String SPOT_TIME = """
            {"serverTime":1499827319559}""";

    /** Spot REST API, "Error Codes", the sample payload's shape with -2010's balance message (errors.md, "Other errors"). */
    static final String SPOT_INSUFFICIENT_BALANCE = """
            {"code":-2010,"msg":"Account has insufficient balance for requested action."}""";

    /** Spot WebSocket API, "SIGNED request example (HMAC)": the signature payload and the signature it prints. */
    static final String WS_API_SIGNATURE_PAYLOAD = "apiKey=vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A"
            + "&newOrderRespType=ACK&price=52000.00&quantity=0.01000000&recvWindow=100&side=SELL&symbol=BTCUSDT"
            + "&timeInForce=GTC&timestamp=1645423376532&type=LIMIT";
    static final String WS_API_SIGNATURE = "cc15477742bd704c29492d96c7ead9414dfd8e0ec4a00f947bb5bb454ddbd08a";

    /** Spot WebSocket API, "User Data Stream requests": the answer to a subscription. */
    static final String WS_API_SUBSCRIBED = """
            {"id":"crossbook-user-data","status":200,"result":{"subscriptionId":0}}""";

    /** Spot user data stream ("User Data Streams for Binance"), "Order Update", Payload. */
    static final String EXECUTION_REPORT_NEW = """
            {"subscriptionId":0,"event":{"e":"executionReport","E":1499405658658,"s":"ETHBTC","c":"mUvoqJxFIILMdfAW5iGSOW",
             "S":"BUY","o":"LIMIT","f":"GTC","q":"1.00000000","p":"0.10264410","P":"0.00000000","F":"0.00000000","g":-1,
             "C":"","x":"NEW","X":"NEW","r":"NONE","i":4293153,"l":"0.00000000","z":"0.00000000","L":"0.00000000","n":"0",
             "N":null,"T":1499405658657,"t":-1,"v":3,"I":8641984,"w":true,"m":false,"M":false,"O":1499405658657,
             "Z":"0.00000000","Y":"0.00000000","Q":"0.00000000","W":1499405658657,"V":"NONE"}}""";

    /** Spot user data stream, "Event Stream Terminated", Payload. */
    static final String EVENT_STREAM_TERMINATED = """
            {"subscriptionId":0,"event":{"e":"eventStreamTerminated","E":1728973001334}}""";

    /** Spot user data stream, "Account Update", Payload. */
    static final String OUTBOUND_ACCOUNT_POSITION = """
            {"subscriptionId":0,"event":{"e":"outboundAccountPosition","E":1564034571105,"u":1564034571073,
             "B":[{"a":"ETH","f":"10000.000000","l":"0.000000"}]}}""";

    /** USDⓈ-M, "New Order (TRADE)", Response Example. */
    static final String FUTURES_NEW_ORDER = """
            {"clientOrderId":"testOrder","cumQty":"0","cumQuote":"0","executedQty":"0","orderId":22542179,
             "avgPrice":"0.00000","origQty":"10","price":"0","reduceOnly":false,"side":"BUY","positionSide":"SHORT",
             "status":"NEW","stopPrice":"9300","closePosition":false,"symbol":"BTCUSDT","timeInForce":"GTD",
             "type":"TRAILING_STOP_MARKET","origType":"TRAILING_STOP_MARKET","activatePrice":"9020","priceRate":"0.3",
             "updateTime":1566818724722,"workingType":"CONTRACT_PRICE","priceProtect":false,"priceMatch":"NONE",
             "selfTradePreventionMode":"NONE","goodTillDate":1693207680000}""";

    /** USDⓈ-M, "STP FAQ", Scenario A, maker order 1 (a filled limit order as the order endpoints answer). */
    static final String FUTURES_FILLED_ORDER = """
            {"orderId":292864710,"symbol":"BTCUSDT","status":"FILLED","clientOrderId":"testMaker1","price":"20002",
             "avgPrice":"20002","origQty":"1","executedQty":"1","cumQuote":"20002","timeInForce":"GTC","type":"LIMIT",
             "reduceOnly":false,"closePosition":false,"side":"BUY","positionSide":"BOTH","stopPrice":"0",
             "workingType":"CONTRACT_PRICE","priceMatch":"NONE","selfTradePreventionMode":"EXPIRE_MAKER",
             "goodTillDate":"null","priceProtect":false,"origType":"LIMIT","time":1692849639460,"updateTime":1692849639460}""";

    /** USDⓈ-M, "Current All Open Orders (USER_DATA)", Response Example. */
    static final String FUTURES_OPEN_ORDERS = """
            [{"avgPrice":"0.00000","clientOrderId":"abc","cumQuote":"0","executedQty":"0","orderId":1917641,"origQty":"0.40",
              "origType":"TRAILING_STOP_MARKET","price":"0","reduceOnly":false,"side":"BUY","positionSide":"SHORT",
              "status":"NEW","stopPrice":"9300","closePosition":false,"symbol":"BTCUSDT","time":1579276756075,
              "timeInForce":"GTC","type":"TRAILING_STOP_MARKET","activatePrice":"9020","priceRate":"0.3",
              "updateTime":1579276756075,"workingType":"CONTRACT_PRICE","priceProtect":false,"priceMatch":"NONE",
              "selfTradePreventionMode":"NONE","goodTillDate":0}]""";

    /** USDⓈ-M, "Account Trade List (USER_DATA)", Response Example. */
    static final String FUTURES_USER_TRADES = """
            [{"buyer":false,"commission":"-0.07819010","commissionAsset":"USDT","id":698759,"maker":false,"orderId":25851813,
              "price":"7819.01","qty":"0.002","quoteQty":"15.63802","realizedPnl":"-0.91539999","side":"SELL",
              "positionSide":"SHORT","symbol":"BTCUSDT","time":1569514978020}]""";

    /**
     * USDⓈ-M, "Position Information V3 (USER_DATA)": the one-way mode example, the hedge-mode example's
     * short position, and a flat position with an open order (written here in the same shape; the
     * endpoint lists symbols with open orders too).
     */
    static final String FUTURES_POSITIONS = """
            [{"symbol":"ADAUSDT","positionSide":"BOTH","positionAmt":"30","entryPrice":"0.385","breakEvenPrice":"0.385077",
              "markPrice":"0.41047590","unRealizedProfit":"0.76427700","liquidationPrice":"0","isolatedMargin":"0",
              "notional":"12.31427700","marginAsset":"USDT","isolatedWallet":"0","initialMargin":"0.61571385",
              "maintMargin":"0.08004280","positionInitialMargin":"0.61571385","openOrderInitialMargin":"0","adl":2,
              "bidNotional":"0","askNotional":"0","updateTime":1720736417660},
             {"symbol":"COMPUSDT","positionSide":"SHORT","positionAmt":"-1.000","entryPrice":"70.92841",
              "breakEvenPrice":"70.900038636","markPrice":"49.72023376","unRealizedProfit":"21.20817624",
              "liquidationPrice":"2260.56757210","isolatedMargin":"0","notional":"-49.72023376","marginAsset":"USDT",
              "isolatedWallet":"0","initialMargin":"2.48601168","maintMargin":"0.49720233","positionInitialMargin":"2.48601168",
              "openOrderInitialMargin":"0","adl":2,"bidNotional":"0","askNotional":"0","updateTime":1708943511656},
             {"symbol":"BTCUSDT","positionSide":"BOTH","positionAmt":"0.000","entryPrice":"0.0","breakEvenPrice":"0.0",
              "markPrice":"0","unRealizedProfit":"0","liquidationPrice":"0","isolatedMargin":"0","notional":"0",
              "marginAsset":"USDT","isolatedWallet":"0","initialMargin":"0","maintMargin":"0","positionInitialMargin":"0",
              "openOrderInitialMargin":"0.5","adl":0,"bidNotional":"10","askNotional":"0","updateTime":1720736417660}]""";

    /** USDⓈ-M, "Futures Account Balance V3 (USER_DATA)", Response Example. */
    static final String FUTURES_BALANCE = """
            [{"accountAlias":"SgsR","asset":"USDT","balance":"122607.35137903","crossWalletBalance":"23.72469206",
              "crossUnPnl":"0.00000000","availableBalance":"23.72469206","maxWithdrawAmount":"23.72469206",
              "marginAvailable":true,"updateTime":1617939110373}]""";

    /** USDⓈ-M, "Start User Data Stream (USER_STREAM)", Response. */
    static final String FUTURES_LISTEN_KEY = """
            {"listenKey":"pqia91ma19a5s61cv6a81va65sdf19v8a65a1a5s61cv6a81va65sdf19v8a65a1"}""";

    /** USDⓈ-M, "STP FAQ": the ORDER_TRADE_UPDATE of an order expired by self-trade prevention. */
    static final String ORDER_TRADE_UPDATE_EXPIRED_IN_MATCH = """
            {"e":"ORDER_TRADE_UPDATE","E":1568879465651,"T":1568879465650,"o":{"s":"BTCUSDT","c":"TEST","S":"SELL",
             "o":"TRAILING_STOP_MARKET","f":"GTC","q":"0.001","p":"0","ap":"0","sp":"7103.04","x":"EXPIRED",
             "X":"EXPIRED_IN_MATCH","i":8886774,"l":"0","z":"0","L":"0","N":"USDT","n":"0","T":1568879465650,"t":0,
             "b":"0","a":"9.91","m":false,"R":false,"wt":"CONTRACT_PRICE","ot":"TRAILING_STOP_MARKET","ps":"LONG",
             "cp":false,"AP":"7476.89","cr":"5.0","pP":false,"si":0,"ss":0,"rp":"0","V":"EXPIRE_MAKER","pm":"QUEUE",
             "gtd":1768879465650}}""";

    /** USDⓈ-M, "Error Codes": -2019 MARGIN_NOT_SUFFICIEN. */
    static final String FUTURES_MARGIN_INSUFFICIENT = """
            {"code":-2019,"msg":"Margin is insufficient."}""";

    /** "Error Codes": -2013 NO_SUCH_ORDER, the same on spot and USDⓈ-M. */
    static final String ORDER_DOES_NOT_EXIST = """
            {"code":-2013,"msg":"Order does not exist."}""";

    /** "Error Codes": -2011 CANCEL_REJECTED, "Unknown order sent.". */
    static final String UNKNOWN_ORDER_SENT = """
            {"code":-2011,"msg":"Unknown order sent."}""";
}
