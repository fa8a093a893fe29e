package dev.wsinspector.ui.connection;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

import java.util.List;
import java.util.function.Function;

/** The Latency statistics window (LatencyStatsView.fxml): per method, requests, replies and latency percentiles. */
public final class LatencyStatsController {

    private final List<LatencyStatsRows.Row> rows;

    @FXML private TableView<LatencyStatsRows.Row> latencyStats;
    @FXML private Label latencyStatsEmpty;

    public LatencyStatsController(List<LatencyStatsRows.Row> rows) {
        this.rows = rows;
    }

    @FXML
    private void initialize() {
        List<Function<LatencyStatsRows.Row, String>> cells = List.of(LatencyStatsRows.Row::method,
                LatencyStatsRows.Row::requests, LatencyStatsRows.Row::replies, LatencyStatsRows.Row::unanswered,
                LatencyStatsRows.Row::duplicates, LatencyStatsRows.Row::p50, LatencyStatsRows.Row::p95,
                LatencyStatsRows.Row::p99, LatencyStatsRows.Row::max);
        for (int i = 0; i < cells.size() && i < latencyStats.getColumns().size(); i++) {
            Function<LatencyStatsRows.Row, String> cell = cells.get(i);
            @SuppressWarnings("unchecked")
            TableColumn<LatencyStatsRows.Row, String> column = (TableColumn<LatencyStatsRows.Row, String>) latencyStats.getColumns().get(i);
            column.setCellValueFactory(c -> new ReadOnlyStringWrapper(cell.apply(c.getValue())));
        }
        latencyStats.setItems(FXCollections.observableArrayList(rows));
    }
}
