package dev.wsinspector.arch;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The layer rules of DESIGN.md, kept true by the build. */
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
    static final ArchRule coreIsPureJava = noClasses().that().resideInAPackage("dev.wsinspector.core..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.java_websocket..", "org.fxmisc..")
            .because("core is plain Java, unit-testable without a toolkit or a socket library");

    @ArchTest
    static final ArchRule coreDependsOnNoOuterLayer = noClasses().that().resideInAPackage("dev.wsinspector.core..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.wsinspector.transport..", "dev.wsinspector.ui..",
                    "dev.wsinspector.cli..", "dev.wsinspector.app..");

    @ArchTest
    static final ArchRule transportNeverTouchesUi = noClasses().that().resideInAPackage("dev.wsinspector.transport..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.wsinspector.ui..", "javafx..", "dev.wsinspector.cli..");

    @ArchTest
    static final ArchRule cliIsHeadless = noClasses().that().resideInAPackage("dev.wsinspector.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "dev.wsinspector.ui..", "org.fxmisc..")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule uiNeverTouchesSockets = noClasses().that().resideInAPackage("dev.wsinspector.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("org.java_websocket..", "dev.wsinspector.transport..")
            .allowEmptyShould(true)
            .because("the UI talks to connections through core's ConnectionService only");
}
