package io.crossbook.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The harness's WebSocket clients: plain RFC 6455 over non-blocking sockets, a few selector
 * threads for all of them, so that the clients, which share the machine with the server, cost as
 * little CPU as a client can. Every {@code price_update} carries its publication's
 * {@code System.nanoTime()} in {@code ts}; each client records receipt minus that for updates
 * published inside the measured window.
 */
final class FanoutClients implements AutoCloseable {
    private static final byte[] PRICE_UPDATE = "{\"event\":\"price_update\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TS = "\"ts\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SUBSCRIBED = "{\"event\":\"subscribed\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] AUTHENTICATED = "{\"event\":\"authenticated\"".getBytes(StandardCharsets.US_ASCII);

    /** One connection: its read buffer and what it measured. Touched only by its selector thread. */
    private static final class Connection {
        final ByteBuffer in = ByteBuffer.allocate(1 << 16);
        long[] latencies = new long[1024];
        int count;
        boolean closedByServer;

        void record(long latency) {
            if (count == latencies.length) {
                latencies = Arrays.copyOf(latencies, count * 2);
            }
            latencies[count++] = latency;
        }
    }

    private final List<Selector> selectors = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final List<Connection> connections = new ArrayList<>();
    private final CountDownLatch subscribed;
    private volatile long windowFrom = Long.MAX_VALUE;
    private volatile long windowUntil = Long.MAX_VALUE;
    private volatile boolean running = true;

    /** Connects {@code count} clients with {@code token}, each subscribing to {@code channels}. */
    FanoutClients(int port, String token, List<String> channels, int count, int selectorThreads) throws IOException {
        this.subscribed = new CountDownLatch(count);
        byte[] subscribe = maskedText("{\"op\":\"subscribe\",\"channels\":[\"" + String.join("\",\"", channels) + "\"]}");
        for (int i = 0; i < selectorThreads; i++) {
            selectors.add(Selector.open());
        }
        for (int i = 0; i < count; i++) {
            SocketChannel channel = SocketChannel.open(new InetSocketAddress("localhost", port));
            channel.socket().setTcpNoDelay(true);
            Connection connection = new Connection();
            handshake(channel, port, token, connection.in);
            writeFully(channel, ByteBuffer.wrap(subscribe));
            channel.configureBlocking(false);
            Selector selector = selectors.get(i % selectorThreads);
            selector.wakeup();
            channel.register(selector, SelectionKey.OP_READ, connection);
            connections.add(connection);
        }
        for (Selector selector : selectors) {
            Thread thread = Thread.ofPlatform().name("fanout-client-" + threads.size()).daemon().start(() -> readLoop(selector));
            threads.add(thread);
        }
    }

    void awaitSubscribed(long seconds) throws InterruptedException {
        if (!subscribed.await(seconds, TimeUnit.SECONDS)) {
            throw new IllegalStateException(subscribed.getCount() + " clients were not subscribed within " + seconds + " s");
        }
    }

    /** Updates published from {@code from} (inclusive) until {@code until} (exclusive) are measured. */
    void measure(long from, long until) {
        windowFrom = from;
        windowUntil = until;
    }

    /** Stops reading and returns every latency measured, sorted. */
    long[] stopAndCollect() throws InterruptedException {
        running = false;
        for (int i = 0; i < threads.size(); i++) {
            selectors.get(i).wakeup();
            threads.get(i).join();
        }
        return connections.stream().flatMapToLong(c -> Arrays.stream(c.latencies, 0, c.count)).sorted().toArray();
    }

    /** Clients whose connection the server closed (a drop, if the server did it). */
    long closedByServer() {
        return connections.stream().filter(c -> c.closedByServer).count();
    }

    int size() {
        return connections.size();
    }

    @Override
    public void close() throws IOException {
        for (Selector selector : selectors) {
            for (SelectionKey key : selector.keys()) {
                key.channel().close();
            }
            selector.close();
        }
    }

    private void readLoop(Selector selector) {
        try {
            while (running) {
                selector.select();
                long now = System.nanoTime();
                for (SelectionKey key : selector.selectedKeys()) {
                    read((SocketChannel) key.channel(), (Connection) key.attachment(), now);
                }
                selector.selectedKeys().clear();
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void read(SocketChannel channel, Connection c, long now) throws IOException {
        if (channel.read(c.in) < 0) {
            c.closedByServer = true;
            channel.close();
            return;
        }
        ByteBuffer in = c.in.flip();
        while (true) {
            int start = in.position();
            if (in.remaining() < 2) {
                break;
            }
            int opcode = in.get(start) & 0x0f;
            int length = in.get(start + 1) & 0x7f;
            int header = 2;
            if (length == 126) {
                if (in.remaining() < 4) {
                    break;
                }
                length = in.getShort(start + 2) & 0xffff;
                header = 4;
            } else if (length == 127) {
                throw new IllegalStateException("a frame over 64 KiB: not a price update");
            }
            if (in.remaining() < header + length) {
                break;
            }
            int payload = start + header;
            if (opcode == 1) {
                onText(c, in, payload, length, now);
            } else if (opcode == 8) {
                c.closedByServer = true;
            }
            in.position(payload + length);
        }
        in.compact();
    }

    private void onText(Connection c, ByteBuffer in, int at, int length, long now) {
        if (startsWith(in, at, length, PRICE_UPDATE)) {
            long published = publishedNanos(in, at, length);
            if (published - windowFrom >= 0 && published - windowUntil < 0) {
                c.record(now - published);
            }
        } else if (startsWith(in, at, length, SUBSCRIBED)) {
            subscribed.countDown();
        } else if (!startsWith(in, at, length, AUTHENTICATED)) {
            byte[] text = new byte[length];
            in.get(at, text);
            System.err.println("unexpected frame: " + new String(text, StandardCharsets.UTF_8));
        }
    }

    private static boolean startsWith(ByteBuffer in, int at, int length, byte[] prefix) {
        if (length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (in.get(at + i) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static long publishedNanos(ByteBuffer in, int at, int length) {
        int end = at + length;
        for (int i = at; i + TS.length < end; i++) {
            if (startsWith(in, i, end - i, TS)) {
                int j = i + TS.length;
                boolean negative = in.get(j) == '-';
                if (negative) {
                    j++;
                }
                long value = 0;
                for (byte b; j < end && (b = in.get(j)) >= '0' && b <= '9'; j++) {
                    value = value * 10 + (b - '0');
                }
                return negative ? -value : value;
            }
        }
        throw new IllegalStateException("a price_update without ts");
    }

    private static void handshake(SocketChannel channel, int port, String token, ByteBuffer in) throws IOException {
        byte[] nonce = new byte[16];
        ThreadLocalRandom.current().nextBytes(nonce);
        String request = "GET /ws?token=" + token + " HTTP/1.1\r\nHost: localhost:" + port + "\r\n"
                + "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: " + Base64.getEncoder().encodeToString(nonce) + "\r\n"
                + "Sec-WebSocket-Version: 13\r\n\r\n";
        writeFully(channel, ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII)));
        // Read up to the end of the response head; anything after it is already WebSocket frames.
        ByteBuffer one = ByteBuffer.allocate(1);
        StringBuilder head = new StringBuilder();
        while (head.length() < 4 || !head.substring(head.length() - 4).equals("\r\n\r\n")) {
            one.clear();
            if (channel.read(one) < 0) {
                throw new IOException("the server closed the connection during the handshake");
            }
            head.append((char) one.get(0));
        }
        if (!head.toString().startsWith("HTTP/1.1 101")) {
            throw new IOException("handshake refused: " + head.toString().lines().findFirst().orElse(""));
        }
        in.clear();
    }

    private static void writeFully(SocketChannel channel, ByteBuffer out) throws IOException {
        while (out.hasRemaining()) {
            channel.write(out);
        }
    }

    /** A client frame: text, final, masked as RFC 6455 requires of clients. */
    private static byte[] maskedText(String text) {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        if (payload.length > 0xffff) {
            throw new IllegalArgumentException("subscription frame too long");
        }
        int header = payload.length < 126 ? 2 : 4;
        byte[] frame = new byte[header + 4 + payload.length];
        frame[0] = (byte) 0x81;
        if (header == 2) {
            frame[1] = (byte) (0x80 | payload.length);
        } else {
            frame[1] = (byte) (0x80 | 126);
            frame[2] = (byte) (payload.length >>> 8);
            frame[3] = (byte) payload.length;
        }
        byte[] mask = new byte[4];
        ThreadLocalRandom.current().nextBytes(mask);
        System.arraycopy(mask, 0, frame, header, 4);
        for (int i = 0; i < payload.length; i++) {
            frame[header + 4 + i] = (byte) (payload[i] ^ mask[i % 4]);
        }
        return frame;
    }
}
