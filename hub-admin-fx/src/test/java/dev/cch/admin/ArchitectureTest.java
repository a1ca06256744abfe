package dev.cch.admin;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** STYLE habit 9 for the desktop client: view-models use javafx.beans and javafx.collections, never javafx.scene. */
@AnalyzeClasses(packages = "dev.cch.admin", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule viewModelsHaveNoNodes = noClasses().that().haveSimpleNameEndingWith("ViewModel")
            .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..")
            .because("view-models are tested without a UI; views hold the nodes");

    @ArchTest
    static final ArchRule clientSpeaksOnlyTheSharedProtocol = noClasses().that().resideInAPackage("dev.cch.admin..")
            .should().dependOnClassesThat().resideInAPackage("dev.cch.server..");
}
