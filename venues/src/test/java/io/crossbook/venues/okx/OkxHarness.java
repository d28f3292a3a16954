package io.crossbook.venues.okx;

import io.crossbook.core.book.OrderBook;
import io.crossbook.core.clean.CleaningRules;
import io.crossbook.core.clean.FeedStats;
import io.crossbook.core.model.Market;
import io.crossbook.store.recording.RecordedMessage;
import io.crossbook.venues.common.CapturingListener;
import io.crossbook.venues.common.MessageKind;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** A spot OKX feed handler with everything it reports recorded, as the tests need it. */
final class OkxHarness extends CapturingListener {
    final List<String> resyncRequests = new ArrayList<>();
    final Map<MessageKind, Integer> kinds = new EnumMap<>(MessageKind.class);
    /** The checksum of the book, computed here, each time the book was handed to listeners. */
    final List<Integer> publishedChecksums = new ArrayList<>();
    private final OkxChecksum checksum = new OkxChecksum();
    final OkxFeedHandler handler =
            new OkxFeedHandler(Market.SPOT, OkxTestData.spotInstruments(), CleaningRules.DEFAULT, this,
                    resyncRequests::add);

    MessageKind feed(RecordedMessage message) {
        MessageKind kind = handler.onMessage(message.receiveNanos(), message.text());
        kinds.merge(kind, 1, Integer::sum);
        return kind;
    }

    MessageKind feed(String text) {
        return feed(new RecordedMessage(0, text));
    }

    void feedAll(List<RecordedMessage> messages) {
        messages.forEach(this::feed);
    }

    int count(MessageKind kind) {
        return kinds.getOrDefault(kind, 0);
    }

    OrderBook book() {
        return handler.book(OkxTestData.SYMBOL);
    }

    FeedStats stats() {
        return handler.stats().stream().filter(s -> s.instrument().symbol().equals(OkxTestData.SYMBOL))
                .findFirst().orElseThrow();
    }

    @Override
    public void onBook(OrderBook book) {
        super.onBook(book);
        publishedChecksums.add(checksum.of(book));
    }
}
