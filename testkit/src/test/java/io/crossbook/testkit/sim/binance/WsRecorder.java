package io.crossbook.testkit.sim.binance;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** A JDK WebSocket client that keeps every text message it receives and how it was closed. */
final class WsRecorder implements WebSocket.Listener, AutoCloseable {
    final List<String> texts = new CopyOnWriteArrayList<>();
    volatile Integer closeCode;
    private final StringBuilder partial = new StringBuilder();
    private final HttpClient http = HttpClient.newHttpClient();
    private WebSocket socket;

    static WsRecorder connect(URI uri) {
        WsRecorder recorder = new WsRecorder();
        try {
            recorder.socket = recorder.http.newWebSocketBuilder().buildAsync(uri, recorder).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("connecting to " + uri, e);
        }
        return recorder;
    }

    void send(String text) {
        socket.sendText(text, true).join();
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            texts.add(partial.toString());
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closeCode = statusCode;
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closeCode = -1;
    }

    @Override
    public void close() {
        if (socket != null && !socket.isOutputClosed()) {
            socket.abort();
        }
        http.close();
    }
}
