package io.crossbook.server.ws;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A client that subscribes and then stops reading, as a frozen browser tab or a dead link would:
 * a raw socket with a small receive buffer, so the server's sends stall once the buffers fill.
 */
final class StalledClient implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;

    private StalledClient(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
    }

    /** Connects with {@code token}, subscribes to {@code channel}, reads the acknowledgements, then reads nothing more. */
    static StalledClient subscribe(int port, String token, String channel) throws IOException {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(4096);
        socket.connect(new InetSocketAddress("localhost", port), 5_000);
        socket.setSoTimeout(5_000);
        StalledClient client = new StalledClient(socket);
        client.handshake(port, token);
        assertThat(client.readText()).contains("\"authenticated\"");
        client.sendText("{\"op\":\"subscribe\",\"channels\":[\"" + channel + "\"]}");
        assertThat(client.readText()).contains("\"subscribed\"");
        return client;
    }

    /**
     * Reads what the server had queued until it closes: a close frame, or the connection itself.
     * {@code false} when neither happens within {@code wait}.
     */
    boolean closedByServerWithin(Duration wait) throws IOException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                int opcode = in.read();
                if (opcode < 0 || (opcode & 0x0f) == 8) {
                    return true;
                }
                in.skipNBytes(payloadLength());
            } catch (SocketTimeoutException e) {
                // keep waiting until the deadline
            } catch (IOException e) {
                return true; // reset by the server
            }
        }
        return false;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    private void handshake(int port, String token) throws IOException {
        byte[] nonce = new byte[16];
        ThreadLocalRandom.current().nextBytes(nonce);
        String request = "GET /ws?token=" + token + " HTTP/1.1\r\n"
                + "Host: localhost:" + port + "\r\n"
                + "Upgrade: websocket\r\n"
                + "Connection: Upgrade\r\n"
                + "Sec-WebSocket-Key: " + Base64.getEncoder().encodeToString(nonce) + "\r\n"
                + "Sec-WebSocket-Version: 13\r\n\r\n";
        socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int b = in.read();
            assertThat(b).as("handshake response").isNotNegative();
            head.write(b);
        }
        assertThat(head.toString(StandardCharsets.US_ASCII)).startsWith("HTTP/1.1 101");
    }

    /** One client frame: text, final, masked as RFC 6455 requires of clients. */
    private void sendText(String text) throws IOException {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        assertThat(payload.length).isLessThan(126);
        byte[] mask = new byte[4];
        ThreadLocalRandom.current().nextBytes(mask);
        OutputStream out = socket.getOutputStream();
        out.write(0x81);
        out.write(0x80 | payload.length);
        out.write(mask);
        for (int i = 0; i < payload.length; i++) {
            out.write(payload[i] ^ mask[i % 4]);
        }
        out.flush();
    }

    /** One unfragmented server frame's text. */
    private String readText() throws IOException {
        int opcode = in.read() & 0x0f;
        assertThat(opcode).as("a text frame").isEqualTo(1);
        return new String(in.readNBytes((int) payloadLength()), StandardCharsets.UTF_8);
    }

    /** The payload length of a server frame (never masked), after its first byte. */
    private long payloadLength() throws IOException {
        long length = in.read() & 0x7f;
        int extendedBytes = length == 126 ? 2 : length == 127 ? 8 : 0;
        if (extendedBytes > 0) {
            length = 0;
            for (int i = 0; i < extendedBytes; i++) {
                length = (length << 8) | in.read();
            }
        }
        return length;
    }
}
