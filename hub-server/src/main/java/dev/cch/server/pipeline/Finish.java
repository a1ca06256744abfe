package dev.cch.server.pipeline;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cch.protocol.usage.Usage;
import dev.cch.server.billing.Cost;
import dev.cch.server.billing.CostCalculator;
import dev.cch.server.providers.Provider;
import dev.cch.server.requestlog.RequestLogRow;
import dev.cch.server.requestlog.RequestLogWriter;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The end of every request, after the answer was delivered (or the client left): release what the request held,
 * price the usage, queue the request log row and notify the listeners (settle limits, breakers and the session
 * binding; live events), in that order. Never throws: a failing listener is logged and skipped.
 */
public final class Finish {
    private static final Logger LOG = Logger.getLogger(Finish.class.getName());

    private final CostCalculator costs;
    private final RequestLogWriter log;
    private final Clock clock;
    private final BiFunction<Provider, List<String>, BigDecimal> groupMultiplier;
    private final BooleanSupplier billRedirectedModel;
    private final List<FinishListener> listeners;

    public Finish(CostCalculator costs, RequestLogWriter log, Clock clock,
                  BiFunction<Provider, List<String>, BigDecimal> groupMultiplier, BooleanSupplier billRedirectedModel,
                  List<FinishListener> listeners) {
        this.costs = costs;
        this.log = log;
        this.clock = clock;
        this.groupMultiplier = groupMultiplier;
        this.billRedirectedModel = billRedirectedModel;
        this.listeners = List.copyOf(listeners);
    }

    public void finish(Exchange ex) {
        for (Runnable cleanup : ex.cleanups()) {
            try {
                cleanup.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "cleanup failed", e);
            }
        }
        Cost cost = price(ex);
        try {
            log.enqueue(row(ex, cost));
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "request " + ex.request().id() + " could not be logged", e);
        }
        for (FinishListener l : listeners) {
            try {
                l.finished(ex, cost);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "finish listener failed for request " + ex.request().id(), e);
            }
        }
    }

    /** Billed when there is usage to bill, whatever the outcome: tokens the upstream counted were spent. */
    private Cost price(Exchange ex) {
        Usage u = ex.usage();
        if (!ex.request().endpoint().billed() || u.isZero() || ex.provider() == null) {
            return Cost.none(false);
        }
        List<String> groups = ex.principal() == null ? List.of("default") : ex.principal().groups();
        return costs.cost(billingModel(ex), u, ex.provider().costMultiplier(), groupMultiplier.apply(ex.provider(), groups));
    }

    public String billingModel(Exchange ex) {
        return billRedirectedModel.getAsBoolean() && ex.upstreamModel() != null ? ex.upstreamModel() : ex.request().model();
    }

    private RequestLogRow row(Exchange ex, Cost cost) {
        ProxyRequest r = ex.request();
        Usage u = ex.usage();
        Provider p = ex.provider();
        int status = ex.status() == 0 ? 500 : ex.status();
        ex.chain().outcome(status, ex.errorKind(), Redactor.truncate(ex.errorMessage(), 500));
        long durationNanos = System.nanoTime() - r.startNanos();
        return new RequestLogRow(r.id(), r.receivedAt(), clock.instant(),
                ex.principal() == null ? null : ex.principal().user().id(),
                ex.principal() == null ? null : ex.principal().key().id(),
                p == null ? null : p.id(),
                r.protocol().wireName(), p == null ? null : p.type().wireName(), r.endpoint().name().toLowerCase(),
                r.model(), ex.upstreamModel(), ex.actualModel(), billingModel(ex),
                r.stream(), status, ex.errorKind() == null ? null : ex.errorKind().name(),
                Redactor.truncate(Redactor.redact(ex.errorMessage()), 2000), ex.blockedBy(),
                u.input(), u.output(), u.cacheRead(), u.cacheWrite5m(), u.cacheWrite1h(), u.reasoning(),
                cost.total(), breakdown(cost), cost.priceMissing(), cost.providerMultiplier(), cost.groupMultiplier(),
                ex.firstByteMs(), ex.firstTokenMs(), (int) (durationNanos / 1_000_000), ex.sessionId(), ex.attempts(),
                ex.chain().toJson(), ex.clientAddress(), Redactor.truncate(r.userAgent(), 512));
    }

    private static ObjectNode breakdown(Cost c) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("input", c.input());
        n.put("output", c.output());
        n.put("cacheWrite5m", c.cacheWrite5m());
        n.put("cacheWrite1h", c.cacheWrite1h());
        n.put("cacheRead", c.cacheRead());
        n.put("providerMultiplier", c.providerMultiplier());
        n.put("groupMultiplier", c.groupMultiplier());
        n.put("longContext", c.longContext());
        n.put("total", c.total());
        return n;
    }
}
