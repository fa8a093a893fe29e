package dev.wsinspector.ui.charts;

import dev.wsinspector.core.charts.ChartSnapshot;
import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.plugins.DataPointTooltip;
import io.fair_acc.chartfx.renderer.ErrorStyle;
import io.fair_acc.chartfx.renderer.LineStyle;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import io.fair_acc.chartfx.ui.geometry.Side;
import io.fair_acc.chartfx.utils.WriteFxImage;
import io.fair_acc.dataset.spi.DoubleDataSet;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.util.StringConverter;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleConsumer;

/**
 * The one ChartFX chart of a Charts panel (drawn on a canvas, so a redraw costs the same for 600 points however
 * many frames they count): shows the series of a {@link ChartKind} for a {@link ChartSnapshot}, values on hover
 * (ChartFX's {@link DataPointTooltip}), and reports a primary click on a chart over time as its x value.
 * FX thread only.
 */
final class TrafficChart {

    private final DefaultNumericAxis xAxis = new DefaultNumericAxis("time", "s");
    private final DefaultNumericAxis yAxis = new DefaultNumericAxis("messages/s");
    private final XYChart chart = new XYChart(xAxis, yAxis);
    private final ErrorDataSetRenderer renderer = new ErrorDataSetRenderer();
    private final List<DoubleDataSet> sets = new ArrayList<>();
    private ChartKind kind = ChartKind.MESSAGES;

    /** @param onTimeClick gets the seconds since the first frame where a chart over time was clicked */
    TrafficChart(DoubleConsumer onTimeClick) {
        chart.setId("trafficChart");
        chart.setLegendVisible(true);
        chart.setToolBarPinned(false);
        xAxis.setSide(Side.BOTTOM);
        yAxis.setSide(Side.LEFT);
        for (DefaultNumericAxis axis : List.of(xAxis, yAxis)) {
            axis.setAnimated(false);
            axis.setAutoRanging(true);
            axis.setAutoUnitScaling(false);
        }
        xAxis.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number x) {
                return kind.xLabel(x.doubleValue());
            }

            @Override
            public Number fromString(String text) {
                return 0;
            }
        });
        renderer.setErrorStyle(ErrorStyle.NONE);
        chart.getRenderers().setAll(renderer);
        chart.getPlugins().add(new DataPointTooltip());
        chart.addEventFilter(MouseEvent.MOUSE_CLICKED, e -> { // before the plugins, which may consume it
            if (e.getButton() == MouseButton.PRIMARY && kind.overTime() && inPlot(e)) {
                onTimeClick.accept(xAt(e.getSceneX(), e.getSceneY()));
            }
        });
    }

    XYChart node() {
        return chart;
    }

    /** Shows {@code kind}'s series of {@code snapshot}, reusing the data sets (no node per point). */
    void show(ChartKind shown, ChartSnapshot snapshot) {
        if (shown != kind) {
            kind = shown;
            xAxis.setName(shown.xName());
            xAxis.setUnit(shown.xUnit().isEmpty() ? null : shown.xUnit());
            yAxis.setName(shown.yName());
            renderer.setPolyLineStyle(shown.histogram() ? LineStyle.HISTOGRAM_FILLED : LineStyle.NORMAL);
            renderer.setDrawMarker(shown == ChartKind.PING_RTT || shown == ChartKind.LATENCY);
        }
        List<ChartKind.Series> series = shown.series(snapshot);
        while (sets.size() < series.size()) {
            sets.add(new DoubleDataSet("series " + sets.size()));
        }
        List<DoubleDataSet> used = sets.subList(0, series.size());
        for (int i = 0; i < series.size(); i++) {
            ChartKind.Series s = series.get(i);
            DoubleDataSet set = used.get(i);
            set.setName(s.name());
            set.set(s.x(), s.y(), s.size(), true);
        }
        if (!renderer.getDatasets().equals(used)) {
            renderer.getDatasets().setAll(used);
        }
    }

    /** The data value at a scene point, on the x axis. */
    double xAt(double sceneX, double sceneY) {
        Point2D local = xAxis.sceneToLocal(sceneX, sceneY);
        return xAxis.getValueForDisplay(local.getX());
    }

    /** Scene coordinates of the data point (x, y) of {@code chart} (for tests that click one). */
    static Point2D scenePoint(XYChart chart, double x, double y) {
        var xAxis = (DefaultNumericAxis) chart.getXAxis();
        var yAxis = (DefaultNumericAxis) chart.getYAxis();
        double xLocal = xAxis.getDisplayPosition(x);
        double yLocal = yAxis.getDisplayPosition(y);
        return new Point2D(xAxis.localToScene(xLocal, 0).getX(), yAxis.localToScene(0, yLocal).getY());
    }

    private boolean inPlot(MouseEvent e) {
        return chart.getCanvas().localToScene(chart.getCanvas().getLayoutBounds()).contains(e.getSceneX(), e.getSceneY());
    }

    /** {@code node} (the chart) as PNG bytes, from a snapshot of it. */
    static byte[] png(Node node) {
        ByteBuffer encoded = WriteFxImage.encode(node.snapshot(null, null));
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);
        return bytes;
    }
}
