package dev.cch.protocol;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import java.util.Set;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** STYLE habit 9: the protocol module is pure: no Helidon, no JDBC, no Lettuce, no networking, no files. */
@AnalyzeClasses(packages = "dev.cch.protocol", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    /** URIs and URL encoding are values, not I/O. */
    private static final Set<String> PURE_NET = Set.of("java.net.URI", "java.net.URISyntaxException",
            "java.net.URLEncoder", "java.net.URLDecoder");

    private static final DescribedPredicate<JavaClass> NETWORKING = resideInAnyPackage("java.net..")
            .and(DescribedPredicate.describe("not a pure value class", c -> !PURE_NET.contains(c.getName())));

    @ArchTest
    static final ArchRule noFrameworks = noClasses().that().resideInAPackage("dev.cch.protocol..")
            .should().dependOnClassesThat().resideInAnyPackage("io.helidon..", "java.sql..", "javax.sql..",
                    "io.lettuce..", "io.netty..", "org.postgresql..", "javafx..")
            .because("hub-protocol is pure conversion and wire shapes, shared with the desktop client");

    @ArchTest
    static final ArchRule noNetworking = noClasses().that().resideInAPackage("dev.cch.protocol..")
            .should().dependOnClassesThat(NETWORKING);

    @ArchTest
    static final ArchRule noFileOrChannelIo = noClasses().that().resideInAPackage("dev.cch.protocol..")
            .should().dependOnClassesThat().haveFullyQualifiedName("java.io.File")
            .orShould().dependOnClassesThat().resideInAnyPackage("java.nio.file..", "java.nio.channels..");
}
