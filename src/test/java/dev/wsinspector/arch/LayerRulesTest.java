package dev.wsinspector.arch;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The layer rules of DESIGN.md, kept true by the build. The package patterns end in {@code ..}, so a package
 * added under a layer (core.journal, core.session, ui.sessions, ...) is held to its layer's rules from its first
 * class on; a package outside the known layers fails {@link #everyClassIsInALayer} until it is given a place here.
 */
@AnalyzeClasses(packages = "dev.wsinspector", importOptions = LayerRulesTest.MainClassesOnly.class)
class LayerRulesTest {

    /** Main code only, whatever the build directory is called (ArchUnit's own option expects target/). */
    static final class MainClassesOnly implements ImportOption {
        @Override
        public boolean includes(Location location) {
            return !location.contains("/test-classes/");
        }
    }

    @ArchTest
    static final ArchRule everyClassIsInALayer = classes().should().resideInAnyPackage("dev.wsinspector.app..",
                    "dev.wsinspector.cli..", "dev.wsinspector.core..", "dev.wsinspector.transport..",
                    "dev.wsinspector.ui..")
            .because("each layer below has rules; a new top-level package needs its own (and the benchmarks, package"
                    + " bench, live in src/bench/java, outside the app)");

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("dev.wsinspector.(**)").should().beFreeOfCycles()
            .because("DESIGN.md: no package cycles; a thing two packages share lives in the lower one");

    @ArchTest
    static final ArchRule coreIsPureJava = noClasses().that().resideInAPackage("dev.wsinspector.core..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.java_websocket..", "org.fxmisc..",
                    "picocli..")
            .because("core is plain Java, unit-testable without a toolkit or a socket library");

    @ArchTest
    static final ArchRule coreDependsOnNoOuterLayer = noClasses().that().resideInAPackage("dev.wsinspector.core..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.wsinspector.transport..", "dev.wsinspector.ui..",
                    "dev.wsinspector.cli..", "dev.wsinspector.app..");

    @ArchTest
    static final ArchRule framesAreTheBottom = noClasses().that().resideInAPackage("dev.wsinspector.core.frame..")
            .should().dependOnClassesThat().resideOutsideOfPackages("dev.wsinspector.core.frame..", "java..",
                    // the JDK's own diagnostic API, read once for the G1 region size (optional at run time)
                    "com.sun.management..")
            .because("every other package reads captures; the capture itself knows no sessions, events or files");

    @ArchTest
    static final ArchRule transportNeverTouchesUi = noClasses().that().resideInAPackage("dev.wsinspector.transport..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.wsinspector.ui..", "javafx..", "org.fxmisc..",
                    "dev.wsinspector.cli..", "picocli..", "dev.wsinspector.app..");

    @ArchTest
    static final ArchRule cliIsHeadless = noClasses().that().resideInAPackage("dev.wsinspector.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "dev.wsinspector.ui..", "org.fxmisc..",
                    "dev.wsinspector.app..");

    @ArchTest
    static final ArchRule uiNeverTouchesSockets = noClasses().that().resideInAPackage("dev.wsinspector.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("org.java_websocket..", "dev.wsinspector.transport..")
            .because("the UI talks to connections through core's ConnectionService only");

    @ArchTest
    static final ArchRule uiIsNotTheCommandLine = noClasses().that().resideInAPackage("dev.wsinspector.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.wsinspector.cli..", "picocli..",
                    "dev.wsinspector.app..")
            .because("app wires the UI; what the GUI and the CLI share lives in core");
}
