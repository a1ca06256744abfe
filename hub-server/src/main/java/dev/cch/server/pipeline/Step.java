package dev.cch.server.pipeline;

/** One job of the request pipeline. A step may answer early, or pass the exchange on with {@code chain.proceed}. */
@FunctionalInterface
public interface Step {
    ProxyReply handle(Exchange exchange, Chain chain);

    /** The rest of the pipeline after a step. */
    @FunctionalInterface
    interface Chain {
        ProxyReply proceed(Exchange exchange);
    }
}
