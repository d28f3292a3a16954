package io.crossbook.venues.funding;

import java.net.URI;

/** One funding-rate GET: where to send it, its request weight and the per-minute budget of its host. */
record FundingRequest(URI uri, int weight, int weightPerMinute) {
}
