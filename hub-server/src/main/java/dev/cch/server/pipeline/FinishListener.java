package dev.cch.server.pipeline;

import dev.cch.server.billing.Cost;

/** Something that happens once a request is over (bill, settle limits, bind a session, publish an event). */
@FunctionalInterface
public interface FinishListener {
    void finished(Exchange exchange, Cost cost);
}
