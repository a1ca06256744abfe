package dev.cch.server.pipeline;

import java.util.List;

/**
 * Runs the ordered steps of the request pipeline. The order itself is declared in one place,
 * {@link ProxyPipeline#steps}, so the whole flow reads top to bottom.
 */
public final class Pipeline {
    private final List<Step> steps;

    public Pipeline(List<Step> steps) {
        this.steps = List.copyOf(steps);
    }

    public ProxyReply process(Exchange exchange) {
        return proceed(0, exchange);
    }

    private ProxyReply proceed(int index, Exchange exchange) {
        if (index >= steps.size()) {
            throw new IllegalStateException("the pipeline ended without an answer");
        }
        return steps.get(index).handle(exchange, ex -> proceed(index + 1, ex));
    }

    public List<Step> steps() {
        return steps;
    }
}
