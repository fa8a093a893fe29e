package dev.wsinspector.ui.conformance;

import dev.wsinspector.ui.conformance.ConformanceViewModel.CaseRow;
import dev.wsinspector.ui.conformance.ConformanceViewModel.Status;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;

import java.util.List;
import java.util.function.Consumer;

/**
 * One case in the list: its verdict (colour and icon, so it reads without colour too), id and RFC section, what a
 * server must do and what this one did, and Frames once it ran. Texts wrap rather than widen the narrow pane.
 * Built in code, not FXML: a list makes and reuses its cells.
 */
final class CaseCell extends ListCell<CaseRow> {

    private static final List<String> STATES = List.of("case-not-run", "case-running", "case-pass", "case-fail",
            "case-skip");

    private final FontIcon icon = new FontIcon(MaterialDesignC.CIRCLE_OUTLINE);
    private final Label id = new Label();
    private final Label verdict = new Label();
    private final Label reference = new Label();
    private final Label expected = new Label();
    private final Label observed = new Label();
    private final Button frames = new Button("Frames");
    private final VBox graphic;

    /** @param show opens a case's frames (the Frames button, a double-click) */
    CaseCell(Consumer<CaseRow> show) {
        icon.getStyleClass().add("case-icon");
        id.getStyleClass().add("case-id");
        verdict.getStyleClass().add("case-verdict");
        reference.getStyleClass().add("case-reference");
        expected.getStyleClass().add("case-detail");
        observed.getStyleClass().add("case-detail");
        for (Label l : List.of(id, expected, observed)) {
            l.setWrapText(true);
            l.setMinWidth(0);
            l.setMinHeight(Region.USE_PREF_SIZE);
        }
        verdict.setMinWidth(Region.USE_PREF_SIZE);
        reference.setMinWidth(Region.USE_PREF_SIZE);
        frames.getStyleClass().add("case-frames");
        frames.setMinWidth(Region.USE_PREF_SIZE);
        frames.setTooltip(new Tooltip("Show this case's frames (both ways, as on the wire) in a new tab"));
        frames.setOnAction(e -> show.accept(getItem()));
        HBox.setHgrow(id, Priority.ALWAYS);
        id.setMaxWidth(Double.MAX_VALUE);
        HBox top = new HBox(6, icon, id);
        top.setAlignment(Pos.CENTER_LEFT);
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox second = new HBox(6, verdict, reference, grow, frames);
        second.setAlignment(Pos.CENTER_LEFT);
        graphic = new VBox(2, top, second, expected, observed);
        graphic.getStyleClass().add("conformance-case");
        // The cell takes the list's width, never more: long texts wrap instead of scrolling sideways.
        setPrefWidth(0);
        setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !isEmpty()) {
                show.accept(getItem());
            }
        });
    }

    @Override
    protected void updateItem(CaseRow row, boolean empty) {
        super.updateItem(row, empty);
        if (empty || row == null) {
            setGraphic(null);
            setTooltip(null);
            return;
        }
        Status status = row.status();
        graphic.getStyleClass().removeAll(STATES);
        graphic.getStyleClass().add("case-" + status.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        icon.setIconCode(iconOf(status));
        id.setText(row.testCase().id());
        verdict.setText(status.text().toUpperCase(java.util.Locale.ROOT));
        reference.setText(row.testCase().reference());
        expected.setText("expected: " + row.testCase().expected());
        boolean ran = !row.observed().isEmpty();
        observed.setText(ran ? "observed: " + row.observed() : "");
        observed.setVisible(ran);
        observed.setManaged(ran);
        frames.setVisible(row.hasFrames());
        frames.setManaged(row.hasFrames());
        frames.setId("caseFrames-" + getIndex());
        setTooltip(new Tooltip(row.testCase().title()));
        setGraphic(graphic);
    }

    private static Ikon iconOf(Status status) {
        return switch (status) {
            case NOT_RUN -> MaterialDesignC.CIRCLE_OUTLINE;
            case RUNNING -> MaterialDesignP.PROGRESS_CLOCK;
            case PASS -> MaterialDesignC.CHECK_CIRCLE;
            case FAIL -> MaterialDesignC.CLOSE_CIRCLE;
            case SKIP -> MaterialDesignM.MINUS_CIRCLE;
        };
    }
}
