package dev.wsinspector.ui.common;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The error window's texts without a toolkit: the first report, a burst after it, Copy and the buttons. */
class ErrorViewModelTest {

    private final List<String> clipboard = new ArrayList<>();

    @Test
    void theFirstReportSetsTheHeadlineAndLaterOnesCountAndAppendTheirDetails() {
        ErrorViewModel model = new ErrorViewModel("The log is /tmp/x.log.", false, clipboard::add);
        assertThat(model.reports()).isZero();

        model.report("Something went wrong", "ArithmeticException: boom", "trace 1");
        assertThat(model.headlineProperty().get()).isEqualTo("Something went wrong");
        assertThat(model.messageProperty().get()).isEqualTo("ArithmeticException: boom");
        assertThat(model.detailsProperty().get()).isEqualTo("trace 1");

        model.report("Something went wrong", "IllegalStateException: again", "trace 2");
        model.report("Something went wrong", "IllegalStateException: and again", "trace 3");
        assertThat(model.reports()).isEqualTo(3);
        assertThat(model.headlineProperty().get()).isEqualTo("Something went wrong (3 errors)");
        assertThat(model.messageProperty().get()).as("the first failure's sentence stays")
                .isEqualTo("ArithmeticException: boom");
        assertThat(model.detailsProperty().get())
                .isEqualTo("trace 1\n\n---- error 2 ----\ntrace 2\n\n---- error 3 ----\ntrace 3");
    }

    @Test
    void copyTakesHeadlineSentenceAndDetailsAndTheButtonSaysSo() {
        ErrorViewModel model = new ErrorViewModel("hint", false, clipboard::add);
        model.report("Something went wrong", "boom", "trace");
        assertThat(model.copyTextProperty().get()).isEqualTo("Copy details");

        model.copy();

        assertThat(clipboard).containsExactly("Something went wrong\nboom\n\ntrace");
        assertThat(model.copyTextProperty().get()).isEqualTo("Copied");
    }

    @Test
    void aFailedStartQuitsAndAnErrorWhileRunningCloses() {
        assertThat(new ErrorViewModel("hint", true, clipboard::add).closeText()).isEqualTo("Quit");
        assertThat(new ErrorViewModel("hint", false, clipboard::add).closeText()).isEqualTo("Close");
    }
}
