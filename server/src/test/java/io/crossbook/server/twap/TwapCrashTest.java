package io.crossbook.server.twap;

import static io.crossbook.server.replay.ReplayTestData.SPOT_EXCERPT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import io.crossbook.server.security.HttpAdmin;
import io.crossbook.store.db.Sqlite;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Crash safety of TWAP plans against the real server process: a server replaying the recorded
 * Binance spot market runs a plan and is killed with SIGKILL while a slice's order is in flight
 * (the paper venue holds each order 400 ms); a second server on the same SQLite file resumes the
 * plan by itself. No slice may be lost, none sent twice: the slice in flight is settled from its
 * journalled orders under its own number, and the plan goes on with the next numbers until it is
 * completed.
 */
class TwapCrashTest {
    private static final String PASSWORD = "admin-password-for-crash-tests";
    private static final String PLAN_ID = "twap_1";
    private static final String PLAN = """
            {"name":"crash","totalQty":0.006,"sliceQty":0.001,"intervalMs":300,
             "legs":[{"exchange":"binance","symbol":"BTCUSDT","side":"buy","type":"market"}]}""";
    private static final BigDecimal TOTAL = new BigDecimal("0.006");
    /** The client order ids of the plan's slices: {@code twap1s<slice>a<attempt>}. */
    private static final Pattern CLIENT_ORDER_ID = Pattern.compile("twap1s(\\d+)a(\\d+)");
    /** The exit status of a process ended by SIGKILL (128 + 9): nothing ran after it, no shutdown hook. */
    private static final int SIGKILLED = 137;
    /** A slice sent at most this long ago is still in flight for some 200 ms of the paper venue's latency. */
    private static final long FRESH_MS = 200;

    @TempDir
    Path dir;
    private final List<ServerProcess> servers = new ArrayList<>();

    @AfterEach
    void killServers() {
        servers.forEach(ServerProcess::close);
    }

    @Test
    void aPlanKilledWithASliceInFlightResumesAfterARestartWithNoSliceLostAndNoneSentTwice() throws Exception {
        Path db = dir.resolve("crossbook.db");
        try {
            ServerProcess first = new ServerProcess("first", db);
            HttpAdmin admin = first.awaitReady();
            assertThat(admin.send("POST", "/api/twap/plans", PLAN).get("planId").asString()).isEqualTo(PLAN_ID);
            admin.send("POST", "/api/twap/" + PLAN_ID + "/control", "{\"action\":\"start\"}");

            awaitSliceInFlight(admin, 2);
            assertThat(first.kill()).as("the first server's exit status: killed by SIGKILL").isEqualTo(SIGKILLED);
            long killedAt = System.currentTimeMillis();

            Journal atKill = Journal.read(db);
            List<Slice> sending = atKill.slices().values().stream().filter(s -> s.state().equals("sending")).toList();
            if (sending.isEmpty()) {
                fail("the kill landed when no slice was in flight (a race the test must not lose): " + atKill);
            }
            assertThat(sending).as("one slice in flight at the kill: %s", atKill).hasSize(1);
            Slice inFlight = sending.getFirst();
            assertThat(inFlight.no()).as("the slice in flight is the last stored, 2nd or later").isGreaterThanOrEqualTo(2)
                    .isEqualTo(atKill.slices().size());
            assertThat(atKill.plan().state()).isEqualTo("running");
            assertThat(atKill.plan().nextSlice()).as("the number the next slice gets").isEqualTo(inFlight.no() + 1);

            long restartedAt = System.currentTimeMillis();
            ServerProcess second = new ServerProcess("second", db);
            HttpAdmin restarted = second.awaitReady();
            // no control call: the plan must go on by itself
            await("plan " + PLAN_ID + " completed after the restart").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(200))
                    .failFast("the plan ended otherwise", () -> Set.of("failed", "cancelled", "paused")
                            .contains(restarted.send("GET", "/api/twap/" + PLAN_ID + "/status", null).get("state").asString()))
                    .untilAsserted(() -> {
                        assertThat(restarted.send("GET", "/api/twap/" + PLAN_ID + "/status", null).get("state").asString())
                                .isEqualTo("completed");
                        Journal stored = Journal.read(db);
                        assertThat(stored.plan().state()).isEqualTo("completed");
                        assertThat(stored.slices().values()).extracting(Slice::state).containsOnly("done");
                    });

            JsonNode status = restarted.send("GET", "/api/twap/" + PLAN_ID + "/status", null);
            JsonNode slices = restarted.send("GET", "/api/twap/" + PLAN_ID + "/slices", null);
            Journal after = Journal.read(db);
            assertPlanCompleted(status, after);
            assertSlices(slices, after, atKill, inFlight, restartedAt);
            assertOrders(after, atKill, inFlight, killedAt, restartedAt);
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError(e.getMessage() + logs(), e);
        }
    }

    /** The status: all of the plan executed, nothing remaining, completed; the stored plan says the same. */
    private static void assertPlanCompleted(JsonNode status, Journal after) {
        assertThat(status.get("state").asString()).isEqualTo("completed");
        assertThat(decimal(status.at("/progress/executed"))).as("executed").isEqualByComparingTo(TOTAL);
        assertThat(decimal(status.at("/progress/remaining"))).as("remaining").isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(status.at("/progress/slicesDone").asInt()).as("slicesDone: one per stored slice (a number sent twice is stored once)")
                .isEqualTo(after.slices().size());
        assertThat(after.plan().executed()).as("the stored plan's executed").isEqualByComparingTo(TOTAL);
        assertThat(after.plan().slicesDone()).as("the stored plan's slicesDone").isEqualTo(after.slices().size());
    }

    /**
     * Slices 1..M, each once and done; those over before the kill unchanged; the one in flight
     * settled under its own number; those after the restart numbered after it.
     */
    private static void assertSlices(JsonNode api, Journal after, Journal atKill, Slice inFlight, long restartedAt) {
        int m = after.slices().size();
        assertThat(m).as("slices of 0.001 for 0.006").isGreaterThanOrEqualTo(6);
        assertThat(api.valueStream().map(s -> s.get("slice").asInt()).toList()).as("the API's slice numbers")
                .containsExactlyElementsOf(IntStream.rangeClosed(1, m).boxed().toList());
        assertThat(after.slices().keySet()).as("the stored slice numbers: no gap, none twice")
                .containsExactlyElementsOf(IntStream.rangeClosed(1, m).boxed().toList());
        for (Slice s : after.slices().values()) {
            assertThat(s.state()).as("slice %s", s.no()).isEqualTo("done");
            assertThat(s.executionId()).as("slice %s", s.no()).isEqualTo("twap1s" + s.no());
        }
        for (Slice before : atKill.slices().values()) {
            if (before != inFlight) {
                assertThat(after.slices().get(before.no())).as("slice %s was over at the kill", before.no()).isEqualTo(before);
            }
        }
        Slice settled = after.slices().get(inFlight.no());
        assertThat(settled.startedTs()).as("the slice in flight keeps its start").isEqualTo(inFlight.startedTs());
        assertThat(settled.detail()).as("the slice in flight is settled, not sent again")
                .startsWith("settled after a restart from the journalled orders:");
        for (Slice s : after.slices().values()) {
            if (s.no() > inFlight.no()) {
                assertThat(s.startedTs()).as("slice %s started after the restart", s.no()).isGreaterThanOrEqualTo(restartedAt);
                assertThat(s.detail()).as("slice %s", s.no()).doesNotStartWith("settled after a restart");
            }
        }
        BigDecimal executed = after.slices().values().stream().map(Slice::executed).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(executed).as("the slices' executed, summed").isEqualByComparingTo(TOTAL);
    }

    /**
     * One entry order per slice under its derived id; what was journalled before the kill is
     * unchanged after it (nothing sent again), but for the in-flight slice's open order, closed as
     * cancelled with its fills kept; the journal's fills match the slices'.
     */
    private static void assertOrders(Journal after, Journal atKill, Slice inFlight, long killedAt, long restartedAt) {
        Map<Integer, List<Order>> bySlice = new TreeMap<>();
        for (Order o : after.orders().values()) {
            Matcher id = CLIENT_ORDER_ID.matcher(o.clientOrderId());
            assertThat(id.matches()).as("client order id %s", o.clientOrderId()).isTrue();
            int slice = Integer.parseInt(id.group(1));
            assertThat(after.slices()).as("the slice of order %s", o.clientOrderId()).containsKey(slice);
            assertThat(o.executionId()).as("order %s", o.clientOrderId()).isEqualTo("twap1s" + slice);
            bySlice.computeIfAbsent(slice, n -> new ArrayList<>()).add(o);
        }
        for (Slice s : after.slices().values()) {
            List<String> ids = bySlice.getOrDefault(s.no(), List.of()).stream().map(Order::clientOrderId).toList();
            if (s.no() == inFlight.no() && ids.isEmpty()) {
                // it was killed before its order reached the journal: settled as sent nothing
                assertThat(s.detail()).as("slice %s", s.no()).contains("none was sent");
            } else {
                assertThat(ids).as("slice %s: one entry order, no retry", s.no()).containsExactly("twap1s" + s.no() + "a1");
            }
        }
        for (Order before : atKill.orders().values()) {
            assertThat(before.createdTs()).as("order %s", before.clientOrderId()).isLessThan(killedAt);
            Order now = after.orders().get(before.clientOrderId());
            if (slice(before) == inFlight.no() && !List.of("filled", "cancelled", "rejected").contains(before.state())) {
                // open in the journal at the kill: it died with the paper venue, and the restart closes it, fills unchanged
                assertThat(now.state()).as("order %s, open at the kill", before.clientOrderId()).isEqualTo("cancelled");
                assertThat(now.filled()).isEqualByComparingTo(before.filled());
                assertThat(now.createdTs()).isEqualTo(before.createdTs());
                assertThat(now.updatedTs()).isGreaterThanOrEqualTo(restartedAt);
            } else {
                assertThat(now).as("order %s, journalled before the kill, is not sent again", before.clientOrderId())
                        .isEqualTo(before);
            }
        }
        for (Order o : after.orders().values()) {
            if (!atKill.orders().containsKey(o.clientOrderId())) {
                int slice = slice(o);
                assertThat(slice).as("order %s is new after the restart: its slice must be too", o.clientOrderId())
                        .isGreaterThan(inFlight.no());
                assertThat(o.createdTs()).as("order %s", o.clientOrderId()).isGreaterThanOrEqualTo(restartedAt);
            }
        }
        for (Slice s : after.slices().values()) {
            BigDecimal filled = bySlice.getOrDefault(s.no(), List.of()).stream().map(Order::filled)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(filled).as("slice %s: its orders' fills are what it executed", s.no()).isEqualByComparingTo(s.executed());
        }
        BigDecimal filledSlices = after.orders().values().stream()
                .filter(o -> "filled".equals(after.slices().get(slice(o)).outcome()))
                .map(Order::filled).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(filledSlices).as("the fills of the orders of the slices filled").isEqualByComparingTo(TOTAL);
    }

    private static int slice(Order o) {
        Matcher id = CLIENT_ORDER_ID.matcher(o.clientOrderId());
        assertThat(id.matches()).as(o.clientOrderId()).isTrue();
        return Integer.parseInt(id.group(1));
    }

    /**
     * Polls the plan's slices until one numbered {@code from} or later is sending (stored, sent, not
     * over) and started less than {@link #FRESH_MS} ago, so that most of the paper venue's 400 ms is
     * still ahead of it, and returns at once; fails if the plan ends first.
     */
    private static void awaitSliceInFlight(HttpAdmin admin, int from) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            JsonNode slices = admin.send("GET", "/api/twap/" + PLAN_ID + "/slices", null);
            long now = System.currentTimeMillis(); // the server's clock: the same machine's
            for (JsonNode s : slices) {
                if (s.get("slice").asInt() >= from && s.get("state").asString().equals("sending")
                        && now - s.get("startedTs").asLong() < FRESH_MS) {
                    return;
                }
            }
            JsonNode status = admin.send("GET", "/api/twap/" + PLAN_ID + "/status", null);
            String state = status.get("state").asString();
            if (!state.equals("running") && !state.equals("pending")) {
                fail("the plan was " + state + " before slice " + from + " or a later one was seen just sent: " + status
                        + "; slices " + slices);
            }
            if (System.nanoTime() > deadline) {
                fail("no slice " + from + " or later seen just sent within 30 s: " + status + "; slices " + slices);
            }
            Thread.sleep(10);
        }
    }

    /** The tail of each server's output. */
    private String logs() {
        StringBuilder out = new StringBuilder();
        for (ServerProcess s : servers) {
            out.append("\n---- ").append(s.name).append(" server, the end of ").append(s.log).append(" ----\n").append(s.tail(60));
        }
        return out.toString();
    }

    private static BigDecimal decimal(JsonNode node) {
        return node.isNumber() ? node.decimalValue() : new BigDecimal(node.asString());
    }

    /**
     * {@code crossbook serve} as its own process, replaying the recorded Binance spot BTCUSDT in a
     * loop at its pace, on the given database file, with the admin's password from the environment.
     */
    private final class ServerProcess implements AutoCloseable {
        final String name;
        final Path log;
        final String base;
        final Process process;

        ServerProcess(String name, Path db) throws IOException {
            this.name = name;
            this.log = dir.resolve(name + ".log");
            int port = freePort();
            this.base = "http://localhost:" + port;
            List<String> command = List.of(ProcessHandle.current().info().command().orElseThrow(),
                    "--enable-native-access=ALL-UNNAMED", // as bin/crossbook: SQLite's driver loads its native library
                    "-XX:TieredStopAtLevel=1", // starts faster on a small machine; the test is short
                    // DevTools is on the test classpath: it must not restart the server in its own class loader
                    "-Dspring.devtools.restart.enabled=false",
                    "-cp", System.getProperty("java.class.path"),
                    "io.crossbook.server.Crossbook", "serve",
                    "--source", "binance:spot:" + SPOT_EXCERPT,
                    "--instruments", "binance:spot:" + SPOT_EXCERPT.resolveSibling("exchange_info_spot.json"),
                    "--speed", "1x", "--loop",
                    "--server.port=" + port,
                    "--crossbook.db.sqlite-file=" + db,
                    "--crossbook.market-data.feeds=binance:spot:BTCUSDT",
                    "--crossbook.twap.min-interval=100ms",
                    "--crossbook.paper.latency=400ms",
                    "--crossbook.security.bcrypt-cost=4",
                    "--crossbook.security.jwt-secret=a signing key for crash tests, 32+ bytes",
                    "--spring.devtools.livereload.enabled=false");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().keySet().removeIf(k -> k.startsWith("CROSSBOOK_") || k.startsWith("SPRING_"));
            builder.environment().put("CROSSBOOK_ADMIN_PASSWORD", PASSWORD);
            this.process = builder.start();
            servers.add(this);
        }

        /** Waits until the server answers and shows a book of the replayed BTCUSDT; the admin, signed in. */
        HttpAdmin awaitReady() {
            await(name + " server answers GET /health").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .failFast(name + " server exited", () -> !process.isAlive())
                    .ignoreException(UncheckedIOException.class)
                    .until(() -> HttpAdmin.call(base, "GET", "/health", null, null).statusCode() == 200);
            HttpAdmin admin = new HttpAdmin(base, PASSWORD);
            await(name + " server shows a book of binance spot BTCUSDT").atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(200))
                    .untilAsserted(() -> assertThat(admin.send("GET", "/api/prices/binance/BTCUSDT?type=spot", null).get("asks"))
                            .isNotEmpty());
            return admin;
        }

        /** SIGKILL, no graceful shutdown first; its exit status. */
        int kill() throws InterruptedException {
            process.destroyForcibly();
            return process.waitFor();
        }

        String tail(int lines) {
            try {
                List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
                return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
            } catch (IOException e) {
                return "(cannot read " + log + ": " + e + ")";
            }
        }

        @Override
        public void close() {
            if (process.isAlive()) {
                process.destroyForcibly();
                try {
                    process.waitFor(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private record Plan(String state, BigDecimal executed, int slicesDone, int nextSlice) {
    }

    private record Slice(int no, String executionId, String state, String outcome, BigDecimal executed, String detail,
                         long startedTs, Long finishedTs) {
    }

    private record Order(String clientOrderId, String executionId, String state, BigDecimal filled, long createdTs,
                         long updatedTs) {
    }

    /** What the database file holds of the plan: its row, its slices by number, the orders by client order id. */
    private record Journal(Plan plan, Map<Integer, Slice> slices, Map<String, Order> orders) {

        static Journal read(Path db) throws SQLException {
            try (Connection c = DriverManager.getConnection(Sqlite.url(db), Sqlite.connectionProperties());
                 Statement st = c.createStatement()) {
                Plan plan;
                try (ResultSet rs = st.executeQuery("SELECT state, executed_qty, slices_done, next_slice FROM twap_plans WHERE id = '"
                        + PLAN_ID + "'")) {
                    assertThat(rs.next()).as("plan %s is stored", PLAN_ID).isTrue();
                    plan = new Plan(rs.getString(1), new BigDecimal(rs.getString(2)), rs.getInt(3), rs.getInt(4));
                }
                Map<Integer, Slice> slices = new TreeMap<>();
                try (ResultSet rs = st.executeQuery("""
                        SELECT slice_no, execution_id, state, outcome, executed_qty, detail, started_ts, finished_ts
                        FROM twap_slices WHERE plan_id = '%s' ORDER BY slice_no""".formatted(PLAN_ID))) {
                    while (rs.next()) {
                        Slice s = new Slice(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                new BigDecimal(rs.getString(5)), rs.getString(6), rs.getLong(7), nullableLong(rs, 8));
                        assertThat(slices.put(s.no(), s)).as("slice %s stored once", s.no()).isNull();
                    }
                }
                Map<String, Order> orders = new LinkedHashMap<>();
                try (ResultSet rs = st.executeQuery("""
                        SELECT client_order_id, execution_id, state, filled_qty, created_ts, updated_ts
                        FROM orders ORDER BY created_ts, client_order_id""")) {
                    while (rs.next()) {
                        Order o = new Order(rs.getString(1), rs.getString(2), rs.getString(3), new BigDecimal(rs.getString(4)),
                                rs.getLong(5), rs.getLong(6));
                        assertThat(orders.put(o.clientOrderId(), o)).as("order %s stored once", o.clientOrderId()).isNull();
                    }
                }
                return new Journal(plan, slices, orders);
            }
        }

        private static Long nullableLong(ResultSet rs, int column) throws SQLException {
            long v = rs.getLong(column);
            return rs.wasNull() ? null : v;
        }
    }
}
