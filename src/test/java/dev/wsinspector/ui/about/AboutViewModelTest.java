package dev.wsinspector.ui.about;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The About window's Copy, without a toolkit: the clipboard is a list. */
class AboutViewModelTest {

    @Test
    void copyPutsTheFactsOnTheClipboardAndTheButtonSaysSo() {
        AboutInfo info = new AboutInfo("1.2.3", "17.0.15", "21.0.11", "Linux", Path.of("/data"), null);
        List<String> clipboard = new ArrayList<>();
        AboutViewModel model = new AboutViewModel(info, clipboard::add);
        assertThat(model.copyTextProperty().get()).isEqualTo("Copy");

        model.copy();

        assertThat(clipboard).containsExactly(info.text());
        assertThat(clipboard.get(0)).contains("WS Inspector 1.2.3", "Data directory: /data",
                "Log file: standard error only");
        assertThat(model.copyTextProperty().get()).isEqualTo("Copied");
    }
}
