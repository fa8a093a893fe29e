package dev.wsinspector.ui.connection;

import dev.wsinspector.core.io.CaptureFormat;
import dev.wsinspector.ui.timeline.TimeMode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The timeline toolbar's state and logic, without a toolkit: a fake timeline and a clock the test turns. */
class TimelineToolbarViewModelTest {

    /** Frames #0..frames-1 exist; records what the toolbar asked for. */
    private static final class FakeTimeline implements TimelineToolbarViewModel.Timeline {
        long frames;
        final List<String> calls = new ArrayList<>();

        @Override
        public boolean goToFrame(long seq) {
            calls.add("goTo " + seq);
            return seq >= 0 && seq < frames;
        }

        @Override
        public long frameCount() {
            return frames;
        }

        @Override
        public void follow() {
            calls.add("follow");
        }

        @Override
        public void clearView() {
            calls.add("clear");
        }

        @Override
        public void openFind() {
            calls.add("find");
        }

        @Override
        public void saveCapture(CaptureFormat format, boolean includeSecrets) {
            calls.add("save " + format + (includeSecrets ? " with secrets" : ""));
        }
    }

    private final FakeTimeline timeline = new FakeTimeline();
    private long now = -5_000_000_000L; // System.nanoTime() may be negative: so may the clock here
    private final TimelineToolbarViewModel model = new TimelineToolbarViewModel(timeline, () -> now);

    @Test
    void pendingRowsAreCountedUntilANoticeTakesTheirPlaceForSixSeconds() {
        model.refresh(0, 0, 10, 10, true);
        assertThat(model.pendingTextProperty().get()).isEmpty();
        model.refresh(12_345, 0, 10, 10, true);
        assertThat(model.pendingTextProperty().get()).isEqualTo("12,345 new");

        model.notice("Copied the first 1,000 rows");
        model.refresh(12_345, 0, 10, 10, true);
        assertThat(model.pendingTextProperty().get()).isEqualTo("Copied the first 1,000 rows");
        now += TimelineToolbarViewModel.NOTICE_NANOS - 1;
        model.refresh(12_345, 0, 10, 10, true);
        assertThat(model.pendingTextProperty().get()).isEqualTo("Copied the first 1,000 rows");
        now += 1;
        model.refresh(12_345, 0, 10, 10, true);
        assertThat(model.pendingTextProperty().get()).isEqualTo("12,345 new");
    }

    @Test
    void goToAcceptsTheWaysPeopleWriteANumberAndMarksOneThatIsNoFrame() {
        timeline.frames = 5_000;
        model.goToTextProperty().set(" #1,234 ");
        assertThat(model.goTo()).isTrue();
        model.goToTextProperty().set("1_235");
        assertThat(model.goTo()).isTrue();
        assertThat(timeline.calls).containsExactly("goTo 1234", "goTo 1235");
        assertThat(model.goToInvalidProperty().get()).isFalse();

        model.goToTextProperty().set("5000");
        assertThat(model.goTo()).isFalse();
        assertThat(model.goToInvalidProperty().get()).isTrue();
        model.refresh(0, 0, 10, 10, true);
        assertThat(model.pendingTextProperty().get()).isEqualTo("No frame #5000: frames are #0–#4,999");

        model.goToTextProperty().set("50");
        assertThat(model.goToInvalidProperty().get()).as("typing clears the mark").isFalse();
    }

    @Test
    void goToWithoutANumberOrFramesSaysSo() {
        model.goToTextProperty().set("abc");
        assertThat(model.goTo()).isFalse();
        model.goToTextProperty().set("");
        assertThat(model.goTo()).isFalse();
        assertThat(timeline.calls).isEmpty();
        model.refresh(0, 0, 0, 0, true);
        assertThat(model.pendingTextProperty().get()).isEqualTo("No frames yet");
        assertThat(model.goToInvalidProperty().get()).isTrue();
    }

    @Test
    void thePositionAndLatestShowOnlyWhenTheCaptureIsLongerThanTheScreen() {
        model.refresh(0, 0, 40, 40, false);
        assertThat(model.positionProperty().get()).isEmpty();
        assertThat(model.latestShownProperty().get()).isFalse();

        model.refresh(0, 1_000, 40, 250_000, false);
        assertThat(model.positionProperty().get()).isEqualTo("Rows 1,001–1,040 of 250,000");
        assertThat(model.latestShownProperty().get()).isTrue();

        model.refresh(0, 249_960, 40, 250_000, true);
        assertThat(model.positionProperty().get()).isEqualTo("Rows 249,961–250,000 of 250,000");
        assertThat(model.latestShownProperty().get()).as("following already").isFalse();
    }

    @Test
    void pauseSaysWhatItWouldDoAndTheTimeColumnStartsAbsolute() {
        assertThat(model.pauseTextProperty().get()).isEqualTo("Pause view");
        model.pausedProperty().set(true);
        assertThat(model.pauseTextProperty().get()).isEqualTo("Resume view");
        model.pausedProperty().set(false);
        assertThat(model.pauseTextProperty().get()).isEqualTo("Pause view");
        assertThat(model.timeModeProperty().get()).isEqualTo(TimeMode.ABSOLUTE);
    }

    @Test
    void actionsReachTheTimelineAndSavingTakesTheSecretsChoice() {
        model.follow();
        model.clearView();
        model.openFind();
        model.saveCapture(CaptureFormat.HAR);
        model.includeSecretsProperty().set(true);
        model.saveCapture(CaptureFormat.PCAPNG);
        assertThat(timeline.calls).containsExactly("follow", "clear", "find", "save HAR", "save PCAPNG with secrets");
    }
}
