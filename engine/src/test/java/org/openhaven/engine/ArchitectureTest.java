package org.openhaven.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The engine is a library that runs headless (CLI, CI, servers): it must never reach for a display toolkit or
 * for the desktop module that sits on top of it. The desktop talks to the engine, never the other way round.
 */
@AnalyzeClasses(packages = "org.openhaven.engine", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule engineNeverDependsOnJavaFx = noClasses()
            .that().resideInAPackage("org.openhaven.engine..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "com.sun.javafx..")
            .because("the engine runs headless; JavaFX belongs to the desktop module");

    @ArchTest
    static final ArchRule engineNeverDependsOnAwtOrSwing = noClasses()
            .that().resideInAPackage("org.openhaven.engine..")
            .should().dependOnClassesThat().resideInAnyPackage("java.awt..", "javax.swing..", "sun.awt..")
            .because("AWT and Swing need a display; the tray bridge lives in the desktop module");

    @ArchTest
    static final ArchRule engineNeverDependsOnTheDesktop = noClasses()
            .that().resideInAPackage("org.openhaven.engine..")
            .should().dependOnClassesThat().resideInAPackage("org.openhaven.desktop..")
            .because("the desktop depends on the engine, never the other way round");
}
