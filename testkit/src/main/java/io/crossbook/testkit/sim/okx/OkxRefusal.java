package io.crossbook.testkit.sim.okx;

/**
 * OKX refusing a request: the HTTP status and the {@code code}/{@code msg} it answers with. A refused
 * order or cancel answers {@code code "1"} with the order's own {@code sCode}/{@code sMsg}
 * ({@link #order}).
 */
final class OkxRefusal extends RuntimeException {
    final int status;
    final String code;
    /** For a refused order or cancel: its {@code sCode}, else null. */
    final String orderCode;
    final String clOrdId;

    private OkxRefusal(int status, String code, String msg, String orderCode, String clOrdId) {
        super(msg, null, false, false);
        this.status = status;
        this.code = code;
        this.orderCode = orderCode;
        this.clOrdId = clOrdId;
    }

    OkxRefusal(int status, String code, String msg) {
        this(status, code, msg, null, null);
    }

    /** {@code code "1"}, "All operations failed", with the order's {@code sCode} and {@code sMsg}. */
    static OkxRefusal order(String sCode, String sMsg, String clOrdId) {
        return new OkxRefusal(200, "1", sMsg, sCode, clOrdId);
    }

    /** 51000, "Parameter {param0} error". */
    static OkxRefusal parameter(String name) {
        return new OkxRefusal(400, "51000", "Parameter " + name + " error");
    }
}
