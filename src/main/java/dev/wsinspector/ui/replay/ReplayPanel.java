package dev.wsinspector.ui.replay;

import dev.wsinspector.core.profile.SavedMessage;
import dev.wsinspector.core.replay.Pacing;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** The Replay panel: kind, its settings, loops, Start / Stop and progress. Everything is on the view model. */
public final class ReplayPanel extends VBox {

    private final ReplayViewModel model;
    private final ObservableList<SavedMessage> messages;
    private final VBox stepRows = new VBox(6);

    /** @param messages the tab's saved messages, to build steps from */
    public ReplayPanel(ReplayViewModel model, ObservableList<SavedMessage> messages) {
        super(8);
        this.model = model;
        this.messages = messages;
        setId("replayPanel");
        getStyleClass().add("replay-panel");
        setPadding(new Insets(6));

        ChoiceBox<ReplayViewModel.Kind> kind = new ChoiceBox<>(FXCollections.observableArrayList(ReplayViewModel.Kind.values()));
        kind.setId("replayKind");
        kind.valueProperty().bindBidirectional(model.kindProperty());

        Node sequence = shownFor(ReplayViewModel.Kind.SEQUENCE, sequenceSection());
        Node every = shownFor(ReplayViewModel.Kind.EVERY, everySection());
        Node recorded = shownFor(ReplayViewModel.Kind.RECORDED, recordedSection());

        TextField loops = small(model.loopsProperty(), "replayLoops");
        CheckBox forever = new CheckBox("until stopped");
        forever.setId("replayUntilStopped");
        forever.selectedProperty().bindBidirectional(model.untilStoppedProperty());
        loops.disableProperty().bind(forever.selectedProperty());
        forever.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox loopRow = row(new Label("Loops"), loops, forever);
        loopRow.visibleProperty().bind(model.kindProperty().isNotEqualTo(ReplayViewModel.Kind.EVERY));
        loopRow.managedProperty().bind(loopRow.visibleProperty());

        Button start = new Button("Start replay");
        start.setId("startReplay");
        start.getStyleClass().add("accent");
        start.disableProperty().bind(model.runningProperty());
        start.setOnAction(e -> model.start());
        Button stop = new Button("Stop");
        stop.setId("stopReplay");
        stop.disableProperty().bind(model.runningProperty().not());
        stop.setOnAction(e -> model.stop());
        ProgressBar bar = new ProgressBar();
        bar.setId("replayProgress");
        bar.progressProperty().bind(model.progressProperty());
        bar.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(bar, Priority.ALWAYS);
        Label progress = new Label();
        progress.setId("replayProgressText");
        progress.getStyleClass().add("composer-status");
        progress.setWrapText(true);
        progress.textProperty().bind(model.progressTextProperty());
        Label error = new Label();
        error.setId("replayError");
        error.getStyleClass().add("field-error");
        error.setWrapText(true);
        error.textProperty().bind(model.errorProperty());

        VBox settings = new VBox(8, kind, sequence, every, recorded, loopRow);
        ScrollPane scroll = new ScrollPane(settings);
        scroll.setFitToWidth(true);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        getChildren().addAll(scroll, row(start, stop, bar), progress, error);
    }

    private VBox sequenceSection() {
        model.steps().addListener((ListChangeListener<StepDraft>) c -> rebuildSteps());
        Button add = new Button("+ Step");
        add.setId("addReplayStep");
        add.setOnAction(e -> model.steps().add(new StepDraft(messages.isEmpty() ? null : messages.get(0))));
        Button all = new Button("Add all saved messages");
        all.setId("addAllReplaySteps");
        all.setOnAction(e -> model.addSteps(messages));
        CheckBox goOn = new CheckBox("Go on after a failed wait");
        goOn.selectedProperty().bindBidirectional(model.continueAfterFailedWaitProperty());
        rebuildSteps();
        return new VBox(6, stepRows, row(add, all), goOn);
    }

    private void rebuildSteps() {
        stepRows.getChildren().setAll(model.steps().stream().map(this::stepRow).toList());
    }

    private VBox stepRow(StepDraft step) {
        ChoiceBox<SavedMessage> message = messageChoice();
        message.valueProperty().bindBidirectional(step.messageProperty());
        TextField delay = small(step.delayMillisProperty(), null);
        delay.setTooltip(new Tooltip("Delay before sending, ms"));
        Button remove = new Button("✕");
        remove.setOnAction(e -> model.steps().remove(step));
        ChoiceBox<StepDraft.Wait> wait = new ChoiceBox<>(FXCollections.observableArrayList(StepDraft.Wait.values()));
        wait.valueProperty().bindBidirectional(step.waitProperty());
        TextField pattern = field(step.patternProperty(), "regex, e.g. \"ok\":true");
        TextField path = field(step.jsonPathProperty(), "field, e.g. status");
        TextField value = field(step.jsonValueProperty(), "value");
        TextField timeout = small(step.timeoutSecondsProperty(), null);
        timeout.setTooltip(new Tooltip("Give up waiting after this many seconds"));
        shownWhen(pattern, step.waitProperty().isEqualTo(StepDraft.Wait.REGEX));
        shownWhen(path, step.waitProperty().isEqualTo(StepDraft.Wait.JSON));
        shownWhen(value, step.waitProperty().isEqualTo(StepDraft.Wait.JSON));
        Label seconds = new Label("s");
        shownWhen(timeout, step.waitProperty().isNotEqualTo(StepDraft.Wait.NONE));
        shownWhen(seconds, step.waitProperty().isNotEqualTo(StepDraft.Wait.NONE));
        int number = model.steps().indexOf(step) + 1;
        VBox box = new VBox(4, row(new Label(number + "."), message, new Label("after"), delay, new Label("ms"), remove),
                row(wait, pattern, path, value, timeout, seconds));
        box.getStyleClass().add("replay-step");
        return box;
    }

    private VBox everySection() {
        ChoiceBox<SavedMessage> message = messageChoice();
        message.setId("everyMessage");
        message.valueProperty().bindBidirectional(model.everyMessageProperty());
        TextField interval = small(model.intervalMillisProperty(), "everyInterval");
        TextField count = small(model.countProperty(), "everyCount");
        CheckBox forever = new CheckBox("until stopped");
        forever.selectedProperty().bindBidirectional(model.untilStoppedProperty());
        count.disableProperty().bind(forever.selectedProperty());
        return new VBox(6, row(new Label("Send"), message), row(new Label("every"), interval, new Label("ms,"), count,
                new Label("times"), forever));
    }

    private VBox recordedSection() {
        Label range = new Label();
        range.setId("replayRange");
        range.setWrapText(true);
        range.textProperty().bind(Bindings.createStringBinding(model::rangeText, model.fromSeqProperty(),
                model.toSeqProperty()));
        ChoiceBox<Pacing> pacing = new ChoiceBox<>(FXCollections.observableArrayList(ReplayViewModel.PACINGS));
        pacing.setId("replayPacing");
        pacing.valueProperty().bindBidirectional(model.pacingProperty());
        Label hint = new Label("Only frames we sent are replayed; received and control frames are skipped.");
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        return new VBox(6, range, row(new Label("Speed"), pacing), hint);
    }

    private ChoiceBox<SavedMessage> messageChoice() {
        ChoiceBox<SavedMessage> box = new ChoiceBox<>(messages);
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(SavedMessage m) {
                return m == null ? "(choose)" : m.name();
            }

            @Override
            public SavedMessage fromString(String s) {
                throw new UnsupportedOperationException();
            }
        });
        box.setMaxWidth(160);
        return box;
    }

    private Node shownFor(ReplayViewModel.Kind kind, Node section) {
        shownWhen(section, model.kindProperty().isEqualTo(kind));
        return section;
    }

    private static void shownWhen(Node node, javafx.beans.value.ObservableBooleanValue shown) {
        node.visibleProperty().bind(shown);
        node.managedProperty().bind(shown);
    }

    private static HBox row(Node... nodes) {
        HBox row = new HBox(6, nodes);
        // Short labels ("after", "ms") stay readable; the fields give way instead.
        row.getChildren().stream().filter(n -> n instanceof Label)
                .forEach(n -> ((Label) n).setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE));
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private static TextField small(javafx.beans.property.StringProperty p, String id) {
        TextField t = new TextField();
        t.textProperty().bindBidirectional(p);
        t.setPrefColumnCount(4);
        if (id != null) {
            t.setId(id);
        }
        return t;
    }

    private static TextField field(javafx.beans.property.StringProperty p, String prompt) {
        TextField t = new TextField();
        t.textProperty().bindBidirectional(p);
        t.setPromptText(prompt);
        t.setPrefColumnCount(8);
        return t;
    }
}
