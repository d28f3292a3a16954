package io.crossbook.store.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordingReaderTest {
    /** Binance USDⓈ-M lines as hftbacktest records them (usdm/btcusdt_20240808.gz, MIT). */
    static final String BOOK_TICKER = "{\"stream\":\"btcusdt@bookTicker\",\"data\":{\"e\":\"bookTicker\","
            + "\"u\":5123108824060,\"s\":\"BTCUSDT\",\"b\":\"61802.20\",\"B\":\"4.366\",\"a\":\"61802.30\","
            + "\"A\":\"0.145\",\"T\":1723161268501,\"E\":1723161268501}}";
    static final String TRADE = "{\"stream\":\"btcusdt@trade\",\"data\":{\"e\":\"trade\",\"E\":1723161256322,"
            + "\"T\":1723161256322,\"s\":\"BTCUSDT\",\"t\":5266583935,\"p\":\"61800.30\",\"q\":\"0.006\","
            + "\"X\":\"MARKET\",\"m\":false}}";
    static final List<String> HFTBACKTEST_LINES = List.of(
            "1723161255088176367 " + TRADE,
            "1723161267233362759 " + BOOK_TICKER);

    @TempDir
    Path dir;

    static List<RecordedMessage> read(Path file) throws IOException {
        List<RecordedMessage> out = new ArrayList<>();
        try (RecordingReader reader = new RecordingReader(file)) {
            reader.forEachRemaining(out::add);
        }
        return out;
    }

    Path plain(String name, List<String> lines) throws IOException {
        return Files.write(dir.resolve(name), lines, StandardCharsets.UTF_8);
    }

    Path gzip(String name, List<String> lines) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }

    static Path resource(String name) {
        try {
            return Path.of(RecordingReaderTest.class.getResource("/recording/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void hftbacktestLinesCarryTheReceiveTimeInEpochNanoseconds() throws IOException {
        assertThat(read(plain("btcusdt_20240808", HFTBACKTEST_LINES))).containsExactly(
                new RecordedMessage(1723161255088176367L, TRADE),
                new RecordedMessage(1723161267233362759L, BOOK_TICKER));
    }

    @Test
    void gzipAndPlainTextAreDetectedFromTheContent() throws IOException {
        Path gz = gzip("recording.txt", HFTBACKTEST_LINES);
        Path text = plain("recording.gz", HFTBACKTEST_LINES);
        assertThat(Files.readAllBytes(gz)).startsWith(0x1f, 0x8b);
        assertThat(read(gz)).hasSize(2).isEqualTo(read(text));
    }

    @Test
    void cryptofeedFramesTakeExactNanosecondsFromTheFractionalSeconds() throws IOException {
        List<RecordedMessage> messages = read(resource("BINANCE_FUTURES.ws.1.0.head8"));

        assertThat(messages).as("the connection line is not a message").hasSize(7)
                .allSatisfy(m -> assertThat(m.text()).startsWith("{\"stream\":").endsWith("}}"));
        assertThat(messages).extracting(RecordedMessage::receiveNanos).containsExactly(
                1626992741_062170000L, // 1626992741.06217
                1626992741_081672000L, // 1626992741.081672
                1626992741_310512800L, // 1626992741.3105128
                1626992741_481688000L,
                1626992741_481712000L,
                1626992742_115394000L,
                1626992742_115438000L);
        assertThat(messages.get(2).text()).isEqualTo("{\"stream\":\"akrousdt@depth@100ms\",\"data\":{\"e\":\"depthUpdate\","
                + "\"E\":1626992741077,\"T\":1626992740974,\"s\":\"AKROUSDT\",\"U\":600859599831,\"u\":600859599831,"
                + "\"pu\":600859598737,\"b\":[],\"a\":[[\"0.01737\",\"437848\"]]}}");
    }

    @Test
    void cryptofeedRestResponsesAreKeptWithTheirReceiveTime() throws IOException {
        Path file = resource("BINANCE_FUTURES.http.0.0.keepusdt");
        String line = Files.readString(file).strip();

        List<RecordedMessage> messages = read(file);

        assertThat(messages).hasSize(1);
        assertThat(messages.get(0).receiveNanos()).isEqualTo(1626992742_110451000L);
        assertThat(messages.get(0).text()).startsWith("{\"lastUpdateId\":600859619434,")
                .isEqualTo(line.substring(line.indexOf(": {") + 2));
    }

    @Test
    void framesSentConnectionLinesAndConfigurationAreSkipped() throws IOException {
        List<RecordedMessage> messages = read(plain("OKX.ws.1.0", List.of(
                "wss://ws.okx.com:8443/ws/v5/public <-> 1652459224.5300605",
                // the shape cryptofeed gives frames it sends; the sample data has none
                "wss://ws.okx.com:8443/ws/v5/public <- 1652459225.5: "
                        + "{\"op\":\"subscribe\",\"args\":[{\"channel\":\"books\",\"instId\":\"BTC-USDT\"}]}",
                "configuration: {\"trades\":[\"SUSHI-USDT-PERP\"]}",
                "1652459225.5044708: {\"event\":\"subscribe\",\"arg\":{\"channel\":\"books\",\"instId\":\"BTC-USDT\"}}")));

        assertThat(messages).containsExactly(new RecordedMessage(1652459225_504470800L,
                "{\"event\":\"subscribe\",\"arg\":{\"channel\":\"books\",\"instId\":\"BTC-USDT\"}}"));
    }

    @Test
    void bareJsonTakesItsOwnTsInMillisecondsElseThePreviousLinesTime() throws IOException {
        // Bybit's public order-book dump (numeric ts before cts) and OKX frames without cryptofeed's prefix
        String bybit = "{\"topic\":\"orderbook.500.XRPUSDT\",\"type\":\"delta\",\"ts\":1733011204990,\"data\":{\"s\":"
                + "\"XRPUSDT\",\"b\":[[\"1.9147\",\"90\"],[\"1.9108\",\"43\"]],\"a\":[[\"1.9538\",\"3615\"],[\"1.9542\","
                + "\"15435\"]],\"u\":20254913,\"seq\":130020250880},\"cts\":1733011204981}";
        String okxAck = "{\"event\":\"subscribe\",\"arg\":{\"channel\":\"books\",\"instId\":\"BTC-USDT\"}}";
        String okxTrade = "{\"arg\":{\"channel\":\"trades\",\"instId\":\"BTC-USDT\"},\"data\":[{\"instId\":\"BTC-USDT\","
                + "\"tradeId\":\"338476307\",\"px\":\"30236\",\"sz\":\"0.0002\",\"side\":\"buy\",\"ts\":\"1652459224818\"}]}";

        assertThat(read(plain("bare.jsonl", List.of(okxAck, bybit, okxAck, okxTrade, okxAck)))).containsExactly(
                new RecordedMessage(0, okxAck),
                new RecordedMessage(1733011204990_000000L, bybit),
                new RecordedMessage(1733011204990_000000L, okxAck),
                new RecordedMessage(1652459224818_000000L, okxTrade),
                new RecordedMessage(1652459224818_000000L, okxAck));
    }

    @Test
    void emptyLinesAreSkipped() throws IOException {
        assertThat(read(plain("gaps", List.of("", HFTBACKTEST_LINES.get(0), "", "", HFTBACKTEST_LINES.get(1), ""))))
                .extracting(RecordedMessage::text).containsExactly(TRADE, BOOK_TICKER);
    }

    @Test
    void aTimestampWithoutAMessageNamesTheFileAndLine() throws IOException {
        Path file = plain("truncated", List.of(HFTBACKTEST_LINES.get(0), "1723161267233362759"));
        try (RecordingReader reader = new RecordingReader(file)) {
            assertThat(reader.next().text()).isEqualTo(TRADE);
            assertThatThrownBy(reader::next).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(file.toString()).hasMessageContaining("line 2");
        }
    }

    @Test
    void nextAfterTheLastMessageThrows() throws IOException {
        try (RecordingReader reader = new RecordingReader(plain("one", HFTBACKTEST_LINES.subList(0, 1)))) {
            assertThat(reader.file().getFileName()).hasToString("one");
            reader.next();
            assertThat(reader.hasNext()).isFalse();
            assertThatThrownBy(reader::next).isInstanceOf(NoSuchElementException.class);
        }
    }
}
