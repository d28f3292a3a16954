package io.crossbook.testkit.sim;

import io.crossbook.core.model.Market;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.java_websocket.WebSocket;
import org.java_websocket.drafts.Draft;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.exceptions.WebsocketNotConnectedException;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.handshake.ServerHandshakeBuilder;
import org.java_websocket.server.WebSocketServer;

/**
 * The simulator's WebSocket side: every connection gets a {@link WsSession} from the protocol at the
 * handshake (a path the protocol does not serve is refused with HTTP 404 then), and the simulator
 * sends replayed public messages and private order events to the sessions that want them.
 */
final class SimWebSocketServer extends WebSocketServer {
    private final ExchangeSimulator simulator;
    private final CountDownLatch started = new CountDownLatch(1);
    private volatile Exception startFailure;

    SimWebSocketServer(InetSocketAddress address, ExchangeSimulator simulator) {
        super(address);
        this.simulator = simulator;
        setReuseAddr(true);
        setTcpNoDelay(true); // frames go out as they are replayed, not held back by Nagle's algorithm
        setDaemon(true);
    }

    void startAndWait() {
        start();
        try {
            if (!started.await(10, TimeUnit.SECONDS) || startFailure != null) {
                throw new IllegalStateException("the simulator's WebSocket server did not start", startFailure);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the WebSocket server", e);
        }
    }

    @Override
    public ServerHandshakeBuilder onWebsocketHandshakeReceivedAsServer(WebSocket conn, Draft draft, ClientHandshake request)
            throws InvalidDataException {
        if (simulator.faults().refusingConnections()) {
            throw new InvalidDataException(503, "the simulated exchange refuses connections");
        }
        WsSession session = simulator.openSession(request.getResourceDescriptor());
        if (session == null) {
            throw new InvalidDataException(404, "no such stream: " + request.getResourceDescriptor());
        }
        conn.setAttachment(session);
        return super.onWebsocketHandshakeReceivedAsServer(conn, draft, request);
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
    }

    @Override
    public void onMessage(WebSocket conn, String message) {
        WsSession session = conn.getAttachment();
        if (session != null) {
            simulator.onText(session, message, reply -> send(conn, reply));
        }
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {
    }

    @Override
    public void onError(WebSocket conn, Exception ex) {
        if (conn == null) {
            startFailure = ex;
            started.countDown();
        }
    }

    @Override
    public void onStart() {
        started.countDown();
    }

    /** Sends a replayed message to every public session subscribed to its stream. */
    void publish(Market market, String stream, String text) {
        for (WebSocket conn : getConnections()) {
            WsSession session = conn.getAttachment();
            if (session != null && session.wantsPublic(market, stream)) {
                send(conn, text);
            }
        }
    }

    /** Sends private messages to every private session of the account in that market. */
    void pushPrivate(String apiKey, Market market, List<String> messages) {
        for (WebSocket conn : getConnections()) {
            WsSession session = conn.getAttachment();
            if (session != null && session.wantsPrivate(apiKey, market)) {
                messages.forEach(m -> send(conn, m));
            }
        }
    }

    void closeAll(String reason) {
        getConnections().forEach(conn -> conn.close(CloseFrame.GOING_AWAY, reason));
    }

    /** Open connections, public and private. */
    int openConnections() {
        return (int) getConnections().stream().filter(WebSocket::isOpen).count();
    }

    private static void send(WebSocket conn, String text) {
        try {
            conn.send(text);
        } catch (WebsocketNotConnectedException e) {
            // closed under us: the client is gone, as it would be from the exchange
        }
    }
}
