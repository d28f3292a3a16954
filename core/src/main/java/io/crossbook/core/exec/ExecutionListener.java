package io.crossbook.core.exec;

/**
 * Hears every transition of an execution, on the engine thread: each order as it is sent (before
 * the venue sees it), each of its events, and the result once the execution is over.
 */
public interface ExecutionListener {
    void orderSubmitted(String executionId, OrderRequest order, long ts);

    void orderEvent(String executionId, OrderRequest order, OrderEvent event);

    void finished(ExecutionResult result);
}
