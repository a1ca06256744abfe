package dev.cch.server.pipeline;

import dev.cch.protocol.usage.Usage;
import dev.cch.server.providers.Provider;
import dev.cch.server.state.Admission;

import java.util.ArrayList;
import java.util.List;

/**
 * The state of one request as it moves through the pipeline and, later, the finish. Steps write the facts they
 * establish here; the finish reads them to bill, settle and log. Used by one thread at a time.
 */
public final class Exchange {
    private final ProxyRequest request;
    private final DecisionChain chain;
    private final List<Runnable> cleanups = new ArrayList<>(2);

    private Principal principal;
    private String clientAddress;
    private String sessionId;
    private Session session;
    private Admission admission;
    private List<Provider> plan = List.of();

    // outcome
    private Provider provider;
    private String upstreamModel;
    private int status;
    private ErrorKind errorKind;
    private String errorMessage;
    private String blockedBy;
    private Usage usage = Usage.ZERO;
    private String actualModel;
    private String stopReason;
    private long firstByteNanos;
    private long firstTokenNanos;
    private int attempts;
    private boolean clientGone;

    public Exchange(ProxyRequest request) {
        this.request = request;
        this.chain = new DecisionChain(request.startNanos());
    }

    public ProxyRequest request() {
        return request;
    }

    public DecisionChain chain() {
        return chain;
    }

    public Principal principal() {
        return principal;
    }

    public void principal(Principal p) {
        this.principal = p;
    }

    /** The caller's address as authentication judged it (behind a trusted proxy, the forwarded client's). */
    public String clientAddress() {
        return clientAddress != null ? clientAddress : request.clientIp();
    }

    public void clientAddress(String address) {
        this.clientAddress = address;
    }

    /**
     * The request's coding session.
     *
     * @param scopedId    {@code keyId/sessionId}, the form the state store keys it by
     * @param altScopedId a fresh session for a short-context request on a busy session
     * @param source      where the id came from (for the decision chain)
     */
    public record Session(String scopedId, String altScopedId, String source, boolean shortContext) {
    }

    public Session session() {
        return session;
    }

    public void session(Session s) {
        this.session = s;
    }

    /** What the state store said at admission (limits, binding, provider states); null before the limits step. */
    public Admission admission() {
        return admission;
    }

    public void admission(Admission a) {
        this.admission = a;
    }

    public String sessionId() {
        return sessionId;
    }

    public void sessionId(String id) {
        this.sessionId = id;
    }

    /** Providers to try, in order (the first is the selection; the rest are failover candidates). */
    public List<Provider> plan() {
        return plan;
    }

    public void plan(List<Provider> providers) {
        this.plan = List.copyOf(providers);
    }

    /** Runs when the request is finished, whatever happened (release slots, counters). */
    public void onFinish(Runnable cleanup) {
        cleanups.add(cleanup);
    }

    public List<Runnable> cleanups() {
        return cleanups;
    }

    public Provider provider() {
        return provider;
    }

    public String upstreamModel() {
        return upstreamModel;
    }

    public void servedBy(Provider p, String model) {
        this.provider = p;
        this.upstreamModel = model;
    }

    public int status() {
        return status;
    }

    public ErrorKind errorKind() {
        return errorKind;
    }

    public String errorMessage() {
        return errorMessage;
    }

    public void succeeded(int httpStatus) {
        this.status = httpStatus;
        this.errorKind = null;
        this.errorMessage = null;
    }

    public void failed(int httpStatus, ErrorKind kind, String message) {
        this.status = httpStatus;
        this.errorKind = kind;
        this.errorMessage = message;
    }

    public String blockedBy() {
        return blockedBy;
    }

    /** The request was refused by a guard (auth, limits, content rules): no upstream was called. */
    public void blocked(String by, int httpStatus, ErrorKind kind, String message) {
        this.blockedBy = by;
        failed(httpStatus, kind, message);
    }

    public Usage usage() {
        return usage;
    }

    public void usage(Usage u) {
        this.usage = u == null ? Usage.ZERO : u;
    }

    public String actualModel() {
        return actualModel;
    }

    public void actualModel(String m) {
        this.actualModel = m;
    }

    public String stopReason() {
        return stopReason;
    }

    public void stopReason(String r) {
        this.stopReason = r;
    }

    public void markFirstByte() {
        if (firstByteNanos == 0) {
            firstByteNanos = System.nanoTime();
        }
    }

    public void markFirstToken() {
        if (firstTokenNanos == 0) {
            firstTokenNanos = System.nanoTime();
        }
    }

    public Integer firstByteMs() {
        return firstByteNanos == 0 ? null : (int) ((firstByteNanos - request.startNanos()) / 1_000_000);
    }

    public Integer firstTokenMs() {
        return firstTokenNanos == 0 ? null : (int) ((firstTokenNanos - request.startNanos()) / 1_000_000);
    }

    public int attempts() {
        return attempts;
    }

    public int nextAttempt() {
        return ++attempts;
    }

    public boolean clientGone() {
        return clientGone;
    }

    public void clientGone(boolean gone) {
        this.clientGone = gone;
    }
}
