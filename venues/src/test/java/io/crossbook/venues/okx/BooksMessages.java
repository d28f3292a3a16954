package io.crossbook.venues.okx;

import io.crossbook.core.book.OrderBook;
import io.crossbook.core.model.FixedPoint;
import io.crossbook.core.model.Side;
import io.crossbook.store.recording.RecordedMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Variants of recorded OKX {@code books} messages: corrupted copies, sequence ids as OKX sends
 * them today, and the snapshot OKX would send after a re-subscription. Every level and checksum
 * comes from the recording or from a book rebuilt from it.
 */
final class BooksMessages {
    private static final JsonMapper JSON = JsonMapper.shared();

    private BooksMessages() {
    }

    static boolean isBooks(RecordedMessage m) {
        JsonNode root = JSON.readTree(m.text());
        return "books".equals(root.path("arg").path("channel").asString()) && root.has("data");
    }

    static boolean isUpdate(RecordedMessage m) {
        return isBooks(m) && "update".equals(JSON.readTree(m.text()).path("action").asString());
    }

    /** Where the n-th update after the snapshot (n from 1) is in the message list. */
    static int indexOfUpdate(List<RecordedMessage> messages, int n) {
        int seen = 0;
        for (int i = 0; i < messages.size(); i++) {
            if (isUpdate(messages.get(i)) && ++seen == n) {
                return i;
            }
        }
        throw new IllegalArgumentException("fewer than " + n + " updates");
    }

    static long countBooks(List<RecordedMessage> messages) {
        return messages.stream().filter(BooksMessages::isBooks).count();
    }

    static int checksum(RecordedMessage m) {
        return entry(JSON.readTree(m.text())).path("checksum").asInt();
    }

    static long ts(RecordedMessage m) {
        return Long.parseLong(entry(JSON.readTree(m.text())).path("ts").asString());
    }

    static RecordedMessage withChecksum(RecordedMessage m, int checksum) {
        return edit(m, e -> e.put("checksum", checksum));
    }

    static RecordedMessage withSequence(RecordedMessage m, long prevSeqId, long seqId) {
        return edit(m, e -> e.put("prevSeqId", prevSeqId).put("seqId", seqId));
    }

    static RecordedMessage withFirstAskPrice(RecordedMessage m, String price) {
        return edit(m, e -> ((ArrayNode) e.get("asks").get(0)).set(0, JSON.getNodeFactory().stringNode(price)));
    }

    /** The keep-alive OKX sends when the book has not changed: no levels, seqId equal to prevSeqId. */
    static RecordedMessage keepAlive(RecordedMessage after, long seqId) {
        return edit(after, e -> {
            e.putArray("asks");
            e.putArray("bids");
            e.put("prevSeqId", seqId).put("seqId", seqId);
        });
    }

    /**
     * The recording as OKX sends it since it added sequence ids: the snapshot has prevSeqId -1 and
     * each update's prevSeqId is the seqId before it. Other messages are unchanged.
     */
    static List<RecordedMessage> withSequenceIds(List<RecordedMessage> messages, long firstSeqId, long step) {
        List<RecordedMessage> out = new ArrayList<>(messages.size());
        long seqId = firstSeqId;
        for (RecordedMessage m : messages) {
            if (!isBooks(m)) {
                out.add(m);
            } else if (isUpdate(m)) {
                out.add(withSequence(m, seqId, seqId + step));
                seqId += step;
            } else {
                out.add(withSequence(m, -1, seqId));
            }
        }
        return out;
    }

    /** A snapshot of the whole book as it stands, with the checksum and time OKX sent for that state. */
    static RecordedMessage snapshotOf(OrderBook book, long ts, int checksum, long receiveNanos) {
        ObjectNode root = JSON.createObjectNode();
        root.putObject("arg").put("channel", "books").put("instId", OkxTestData.SYMBOL);
        root.put("action", "snapshot");
        ObjectNode entry = root.putArray("data").addObject();
        levels(entry.putArray("asks"), book, Side.ASK);
        levels(entry.putArray("bids"), book, Side.BID);
        entry.put("ts", Long.toString(ts));
        entry.put("checksum", checksum);
        return new RecordedMessage(receiveNanos, JSON.writeValueAsString(root));
    }

    private static void levels(ArrayNode out, OrderBook book, Side side) {
        for (int i = 0; i < book.depth(side); i++) {
            out.addArray()
                    .add(FixedPoint.format(book.price(side, i), book.priceScale()))
                    .add(FixedPoint.format(book.qty(side, i), book.qtyScale()))
                    .add("0")
                    .add("1");
        }
    }

    private static RecordedMessage edit(RecordedMessage m, Consumer<ObjectNode> change) {
        JsonNode root = JSON.readTree(m.text());
        change.accept((ObjectNode) entry(root));
        return new RecordedMessage(m.receiveNanos(), JSON.writeValueAsString(root));
    }

    private static JsonNode entry(JsonNode root) {
        return root.path("data").get(0);
    }
}
