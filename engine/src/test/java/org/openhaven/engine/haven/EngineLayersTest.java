package org.openhaven.engine.haven;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The core layers point inward: state, plan and the vault know nothing of the haven flow or the CLI; the facade
 * (haven) knows nothing of the CLI, so the desktop can use it exactly as the CLI does.
 */
@AnalyzeClasses(packages = "org.openhaven.engine", importOptions = ImportOption.DoNotIncludeTests.class)
class EngineLayersTest {

    @ArchTest
    static final ArchRule coreKnowsNoFlowOrCli = noClasses()
            .that().resideInAnyPackage("org.openhaven.engine.state..", "org.openhaven.engine.plan..",
                    "org.openhaven.engine.secrets..")
            .should().dependOnClassesThat().resideInAnyPackage("org.openhaven.engine.haven..",
                    "org.openhaven.engine.cli..")
            .because("state, plan and secrets are the inner layer");

    @ArchTest
    static final ArchRule facadeKnowsNoCli = noClasses()
            .that().resideInAPackage("org.openhaven.engine.haven..")
            .should().dependOnClassesThat().resideInAPackage("org.openhaven.engine.cli..")
            .because("the desktop uses the facade exactly as the CLI does");
}
