package io.crossbook.venues.common;

import java.net.http.WebSocket;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * The WebSocket callbacks every connection needs: text frames joined into whole messages, each
 * handed to the connection's own thread in order with its local receive time, and a close or an
 * error reported there as a drop.
 */
public final class TextFrames implements WebSocket.Listener {

    /** What the connection does with its socket's news, on its own thread. */
    public interface Handler {
        void message(String text, long receivedEpochNanos);

        void dropped(String reason);
    }

    private final Executor thread;
    private final Handler handler;
    private final StringBuilder partial = new StringBuilder();

    public TextFrames(Executor thread, Handler handler) {
        this.thread = thread;
        this.handler = handler;
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            long received = EpochNanos.now();
            String text = partial.toString();
            partial.setLength(0);
            thread.execute(() -> handler.message(text, received));
        }
        ws.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int code, String reason) {
        thread.execute(() -> handler.dropped("closed by the exchange (" + code + (reason.isEmpty() ? "" : " " + reason) + ")"));
        return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
        thread.execute(() -> handler.dropped("WebSocket error: " + cause(error)));
    }

    /** A one-line cause of an asynchronous failure, unwrapped from its CompletionException. */
    public static String cause(Throwable error) {
        Throwable t = error;
        while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t instanceof ExchangeUnavailableException ? t.getMessage() : RestClient.describe(t);
    }
}
