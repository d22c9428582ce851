package io.niftyscanner.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Keeps the packages of design.md 3 honest. */
class LayeringTest {
    private static final String BASE = "io.niftyscanner";
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(BASE);
    }

    @Test
    void productionCodeWasImported() {
        org.assertj.core.api.Assertions.assertThat(classes.contain(BASE + ".market.Candle")).isTrue();
    }

    @Test
    void javafxOnlyInUi() {
        check(noClasses().that().resideOutsideOfPackages(BASE + ".ui..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..")
                .because("engine work stays off the FX thread and the domain stays testable without a toolkit"));
    }

    @Test
    void networkLibrariesOnlyInKiteAndSandbox() {
        check(noClasses().that().resideOutsideOfPackages(BASE + ".kite..", BASE + ".sandbox..")
                .should().dependOnClassesThat().resideInAnyPackage("okhttp3..", "okio..", "org.java_websocket..")
                .because("only the Kite adapter and the sandbox speak the wire protocols"));
    }

    @Test
    void marketIsPureJdk() {
        check(classes().that().resideInAPackage(BASE + ".market..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(BASE + ".market..", "java.."));
    }

    @Test
    void engineDependsOnMarketTa4jAndSlf4jOnly() {
        check(classes().that().resideInAPackage(BASE + ".engine..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(BASE + ".market..", BASE + ".engine..",
                        "org.ta4j..", "org.slf4j..", "java.."));
    }

    @Test
    void ta4jOnlyInEngine() {
        check(noClasses().that().resideOutsideOfPackages(BASE + ".engine..", BASE + ".bench..")
                .should().dependOnClassesThat().resideInAPackage("org.ta4j..")
                .because("indicators sit behind the engine's own interface"));
    }

    @Test
    void kiteDependsOnMarketAndConfigOnly() {
        check(noClasses().that().resideInAPackage(BASE + ".kite..")
                .should().dependOnClassesThat().resideInAnyPackage(BASE + ".engine..", BASE + ".feed..", BASE + ".orders..",
                        BASE + ".alerts..", BASE + ".journal..", BASE + ".sandbox..", BASE + ".app..", BASE + ".ui.."));
    }

    @Test
    void sandboxDoesNotReuseTheClient() {
        check(noClasses().that().resideInAPackage(BASE + ".sandbox..")
                .should().dependOnClassesThat().resideInAnyPackage(BASE + ".kite..", BASE + ".engine..", BASE + ".feed..",
                        BASE + ".app..", BASE + ".ui..")
                .because("the sandbox's wire code must check the client's, not share it"));
    }

    @Test
    void domainServicesDoNotReachUpwards() {
        check(noClasses().that().resideInAnyPackage(BASE + ".orders..", BASE + ".alerts..", BASE + ".journal..")
                .should().dependOnClassesThat().resideInAnyPackage(BASE + ".engine..", BASE + ".feed..", BASE + ".app..",
                        BASE + ".ui..", BASE + ".sandbox.."));
    }

    @Test
    void feedDoesNotReachUpwards() {
        check(noClasses().that().resideInAPackage(BASE + ".feed..")
                .should().dependOnClassesThat().resideInAnyPackage(BASE + ".app..", BASE + ".ui..", BASE + ".sandbox.."));
    }

    @Test
    void appDoesNotImportUi() {
        check(noClasses().that().resideInAPackage(BASE + ".app..")
                .should().dependOnClassesThat().resideInAPackage(BASE + ".ui.."));
    }

    @Test
    void configIsJdkJacksonAndMarketOnly() {
        check(classes().that().resideInAPackage(BASE + ".config..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(BASE + ".config..", BASE + ".market..",
                        "com.fasterxml.jackson..", "java.."));
    }

    @Test
    void loggingOnlyThroughSlf4j() {
        check(NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING);
        check(noClasses().should().dependOnClassesThat().resideInAnyPackage("org.apache.log4j..", "org.apache.logging.log4j..",
                "org.apache.commons.logging..").because("SLF4J is the one logging API"));
    }

    @Test
    void standardStreamsOnlyInTheCommandLine() {
        check(noClasses().that().resideOutsideOfPackages(BASE + ".app..")
                .and().doNotHaveFullyQualifiedName(BASE + ".CliStreams")
                .should().accessField(System.class, "out")
                .orShould().accessField(System.class, "err")
                .orShould().callMethod(Throwable.class, "printStackTrace")
                .because("output goes through the CLI's streams or SLF4J"));
    }

    private static void check(ArchRule rule) {
        rule.check(classes);
    }
}
