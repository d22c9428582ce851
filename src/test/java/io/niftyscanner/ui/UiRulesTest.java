package io.niftyscanner.ui;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import javafx.application.Platform;
import org.junit.jupiter.api.Test;

/** House rules of the window's code. */
class UiRulesTest {
    private static final JavaClasses UI = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.niftyscanner.ui");

    @Test
    void everyHopOntoTheFxThreadGoesThroughFxThread() {
        noClasses().that().doNotHaveFullyQualifiedName(FxThread.class.getName())
                .should().callMethod(Platform.class, "runLater", Runnable.class)
                .because("one helper coalesces and runs in place when already on the FX thread")
                .check(UI);
    }

    @Test
    void panesDoNotReachIntoEachOther() {
        String[] panes = {"sidebar", "watchlist", "signals", "chart", "status", "orders", "trading", "export", "settings", "help", "login"};
        for (String pane : panes) {
            String[] others = java.util.Arrays.stream(panes).filter(p -> !p.equals(pane))
                    .map(p -> "io.niftyscanner.ui." + p + "..").toArray(String[]::new);
            noClasses().that().resideInAPackage("io.niftyscanner.ui." + pane + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(others)
                    .because("the main controller composes the panes; they talk through its handlers")
                    .allowEmptyShould(true)
                    .check(UI);
        }
    }
}
