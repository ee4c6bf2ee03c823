package org.openhaven.desktop;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The desktop's layering rules, enforced on the compiled main classes. */
class ArchitectureTest {

    /** The engine's public API: contracts and value types. Provider, render and remote internals are not in it. */
    private static final String[] ENGINE_PUBLIC_API = {
        "org.openhaven.engine", "org.openhaven.engine.spec", "org.openhaven.engine.error",
        "org.openhaven.engine.secrets", "org.openhaven.engine.plan", "org.openhaven.engine.cloud",
        "org.openhaven.engine.dns", "org.openhaven.engine.catalog", "org.openhaven.engine.cli",
        // The facade (engine, provider registry), the providers' vault key names, backup credential names.
        "org.openhaven.engine.haven", "org.openhaven.engine.providers", "org.openhaven.engine.backup",
        // Where havens live on disk (store, directories, atomic writes): the facade hands these out.
        "org.openhaven.engine.state",
        // The cost outlook the facade's estimateCost returns.
        "org.openhaven.engine.cost",
        // The server's own view (containers, certificate, backup status file) the facade's serverReport returns.
        "org.openhaven.engine.status",
    };

    private static final JavaClasses DESKTOP = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.openhaven.desktop");

    @Test
    void desktopUsesOnlyTheEnginesPublicApi() {
        noClasses().that().resideInAPackage("org.openhaven.desktop..")
                .should().dependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.describe(
                        "engine internals", c -> c.getPackageName().startsWith("org.openhaven.engine")
                                && !java.util.Arrays.asList(ENGINE_PUBLIC_API).contains(c.getPackageName())))
                .check(DESKTOP);
    }

    @Test
    void viewModelsNeverTouchControls() {
        classes().that().haveSimpleNameEndingWith("ViewModel")
                .should().onlyDependOnClassesThat().resideOutsideOfPackages("javafx.scene..", "java.awt..")
                .check(DESKTOP);
    }

    @Test
    void onlyTheTrayAdapterAndItsImagesTouchAwt() {
        noClasses().that().resideInAPackage("org.openhaven.desktop..")
                .and().doNotHaveSimpleName("AwtTray").and().doNotHaveSimpleName("TrayIconImages")
                .and().doNotHaveSimpleName("ScreenshotTool")
                .should().dependOnClassesThat().resideInAPackage("java.awt..")
                .check(DESKTOP);
    }

    /**
     * The tray process must stay small: nothing it runs may reach JavaFX, not even through a helper
     * (docs/decisions/0012). TrayProcessClassLoadingIT proves the same on a running tray.
     */
    @Test
    void theTrayProcessNeverReachesJavaFx() {
        noClasses().that().resideInAnyPackage("org.openhaven.desktop.companion..", "org.openhaven.desktop.tray..")
                .should().transitivelyDependOnClassesThat().resideInAPackage("javafx..")
                .check(DESKTOP);
    }
}
