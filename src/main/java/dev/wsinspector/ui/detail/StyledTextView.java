package dev.wsinspector.ui.detail;

import javafx.beans.NamedArg;
import javafx.scene.control.Label;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.util.UndoUtils;

/**
 * A read-only, virtualized RichTextFX area with a notice line above it; shows one {@link AreaContent}.
 * Used by the Text and JSON views.
 */
public final class StyledTextView extends VBox {

    static final String NOTICE_CLASS = "detail-notice";
    static final String ERROR_CLASS = "detail-error";

    private final CodeArea area = new CodeArea();
    private final Label notice = new Label();

    /**
     * @param areaStyleClass the area's CSS class ({@code text-area-view}, {@code json-area}, …)
     * @param wrapText       whether long lines wrap (pretty JSON keeps its indentation unwrapped)
     */
    public StyledTextView(@NamedArg("areaStyleClass") String areaStyleClass, @NamedArg("wrapText") boolean wrapText) {
        area.setEditable(false);
        area.setWrapText(wrapText);
        // No undo history: it would keep every document ever shown alive.
        area.setUndoManager(UndoUtils.noOpUndoManager());
        area.getStyleClass().add(areaStyleClass);
        notice.getStyleClass().add(NOTICE_CLASS);
        notice.setWrapText(true);
        notice.managedProperty().bind(notice.textProperty().isNotEmpty());
        notice.visibleProperty().bind(notice.managedProperty());
        VirtualizedScrollPane<CodeArea> scroll = new VirtualizedScrollPane<>(area);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        getChildren().addAll(notice, scroll);
    }

    void show(AreaContent content) {
        area.replace(0, area.getLength(), content.document());
        notice.setText(content.notice());
        notice.getStyleClass().remove(ERROR_CLASS);
        if (content.error()) {
            notice.getStyleClass().add(ERROR_CLASS);
        }
        // Exact unless an earlier line was broken for display (see StyledDocuments), then close to it.
        if (content.errorLine() > 0 && content.errorLine() <= area.getParagraphs().size()) {
            int paragraph = content.errorLine() - 1;
            int column = Math.min(content.errorColumn() - 1, area.getParagraphLength(paragraph));
            area.moveTo(paragraph, Math.max(0, column));
            area.requestFollowCaret();
        } else {
            area.moveTo(0);
            area.showParagraphAtTop(0);
        }
    }

    CodeArea area() {
        return area;
    }

    Label notice() {
        return notice;
    }
}
