package io.crossbook.testkit.sim;

import java.util.List;

/**
 * The outcome of an accepted order: the order as acknowledged (NEW, nothing filled), as it stands
 * after matching, and the fills matching made. Protocols answer with whichever their exchange does.
 */
public record Placed(SimOrder acknowledged, SimOrder result, List<SimFill> fills) {
    public Placed {
        fills = List.copyOf(fills);
    }
}
