package io.crossbook.core.exec;

/** Receives an order's events, on the engine thread. */
@FunctionalInterface
public interface OrderListener {
    void on(OrderEvent event);
}
