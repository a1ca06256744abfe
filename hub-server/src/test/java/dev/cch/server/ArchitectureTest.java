package dev.cch.server;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * STYLE habit 9 for the server: pipeline code (the steps and everything they call on the hot path) uses no Helidon
 * types; the edge ({@code proxy}), the admin API, the HTTP transport and repositories are the adapters that do.
 */
@AnalyzeClasses(packages = "dev.cch.server", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    static final String[] PIPELINE = {"dev.cch.server.pipeline..", "dev.cch.server.auth..", "dev.cch.server.guard..",
            "dev.cch.server.routing..", "dev.cch.server.upstream", "dev.cch.server.billing..",
            "dev.cch.server.limits..", "dev.cch.server.sessions..", "dev.cch.server.breakers..",
            "dev.cch.server.convert.."};

    @ArchTest
    static final ArchRule pipelineUsesNoHelidon = noClasses().that().resideInAnyPackage(PIPELINE)
            .and().haveSimpleNameNotEndingWith("Repository")
            .should().dependOnClassesThat().resideInAPackage("io.helidon..")
            .because("the edge converts Helidon requests once; pipeline steps stay framework-free");

    @ArchTest
    static final ArchRule pipelineDoesNotReachTheDatabaseDirectly = noClasses().that().resideInAnyPackage(PIPELINE)
            .should().dependOnClassesThat().haveSimpleNameEndingWith("Repository")
            .because("the hot path works from in-memory snapshots and the state store");

    @ArchTest
    static final ArchRule protocolIsTheOnlyWireModel = classes().that().resideInAPackage("dev.cch.server..")
            .should().onlyDependOnClassesThat().resideOutsideOfPackage("dev.cch.admin..");
}
