package dev.cch.server.admin;

import dev.cch.protocol.admin.ErrorRuleRequest;
import dev.cch.protocol.admin.ErrorRuleTest;
import dev.cch.protocol.admin.ErrorRuleVerdict;
import dev.cch.protocol.admin.ErrorRuleView;
import dev.cch.protocol.admin.FieldError;
import dev.cch.protocol.admin.Page;
import dev.cch.server.pipeline.ErrorKind;
import dev.cch.server.rules.ErrorRuleRepository;
import dev.cch.server.rules.ErrorRules;
import dev.cch.server.routing.ErrorClassifier;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.util.List;

/** {@code /api/v1/error-rules}: which upstream errors go straight back to the client, and a tester. */
public final class ErrorRulesApi implements AdminRoute.Service {
    private final ErrorRuleRepository repo;
    private final ErrorRules rules;
    private final AdminIo io;
    private final Crud<ErrorRuleRequest, ErrorRuleView> crud;

    public ErrorRulesApi(ErrorRuleRepository repo, ErrorRules rules, AdminIo io, AuditLog audit, AdminChanges changes) {
        this.repo = repo;
        this.rules = rules;
        this.io = io;
        this.crud = new Crud<>(new Crud.Resource<>("error-rule", ErrorRuleRequest.class, (id, r) -> r.validate(),
                r -> Crud.Created.<ErrorRuleView>plain().apply(repo.create(r)), repo::update, repo::get, repo::delete,
                ErrorRuleView::pattern, ErrorRuleView::id, changes::errorRulesChanged), io, audit);
    }

    @Override
    public String root() {
        return "/api/v1/error-rules";
    }

    @Override
    public List<AdminRoute> routes() {
        return List.of(
                AdminRoute.get("/", (req, res) -> io.ok(res, new Page<>(repo.all(), null))),
                AdminRoute.post("/", crud::create),
                AdminRoute.post("/test", this::test),
                AdminRoute.get("/{id}", crud::get),
                AdminRoute.put("/{id}", crud::replace),
                AdminRoute.delete("/{id}", crud::delete));
    }

    private void test(ServerRequest req, ServerResponse res) {
        io.read(req, res, ErrorRuleTest.class).ifPresent(t -> {
            if (t.text() == null) {
                io.invalid(res, List.of(new FieldError("text", "is required")));
                return;
            }
            int status = t.status() == null ? 400 : t.status();
            ErrorClassifier.Verdict v = rules.classify(status, t.text());
            ErrorRuleView rule = rules.match(t.text()).orElse(null);
            io.ok(res, new ErrorRuleVerdict(rule != null, rule, v.kind().next() == ErrorKind.Next.MOVE_ON ? "failover" : "return",
                    v.kind().name(), v.overrideStatus() != null ? v.overrideStatus() : status));
        });
    }
}
