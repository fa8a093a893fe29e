package dev.wsinspector.ui.main;

import dev.wsinspector.core.session.CaptureStats;

/**
 * What the status bar shows, as numbers rather than text: the counts are gathered on another thread
 * ({@link StatusSampler}) and the texts formatted only when a figure changed ({@link MainWindowViewModel#show}).
 *
 * @param counts       the selected tab's totals; null when no tab is selected
 * @param rates        the selected tab's rates; null when no tab is selected
 * @param position     where the selected tab's screen is in its capture ("Rows X–Y of Z"), or empty
 * @param captureBytes memory held by the captures of every tab
 */
public record StatusFigures(Counts counts, Rates rates, String position, long captureBytes) {

    public record Counts(long framesIn, long bytesIn, long framesOut, long bytesOut) {
    }

    /** Per second, averaged over {@link CaptureStats}' window. */
    public record Rates(double framesIn, double bytesIn, double framesOut, double bytesOut) {

        /** A stored session or an idle connection has nothing flowing, so no rates to show. */
        public boolean flowing() {
            return framesIn > 0 || framesOut > 0;
        }
    }

    public static StatusFigures of(CaptureStats.Snapshot stats, String position, long captureBytes) {
        return new StatusFigures(
                new Counts(stats.framesIn(), stats.bytesIn(), stats.framesOut(), stats.bytesOut()),
                new Rates(stats.framesInPerSecond(), stats.bytesInPerSecond(), stats.framesOutPerSecond(),
                        stats.bytesOutPerSecond()),
                position == null ? "" : position, captureBytes);
    }

    public static StatusFigures noTab(long captureBytes) {
        return new StatusFigures(null, null, "", captureBytes);
    }
}
