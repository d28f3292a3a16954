package io.crossbook.server.ws;

/** Why the gateway closed a client that could not keep up. */
enum DropReason {
    /** More frames waiting than {@code crossbook.ws.queue-capacity}. */
    QUEUE_OVERFLOW("queue_overflow"),
    /** One send took longer than {@code crossbook.ws.send-timeout}. */
    SEND_STALLED("send_stalled");

    private final String id;

    DropReason(String id) {
        this.id = id;
    }

    String id() {
        return id;
    }
}
