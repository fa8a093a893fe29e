/**
 * The detail pane for the selected timeline row: {@link dev.wsinspector.ui.detail.DetailPane} (the node a tab
 * places) over DetailPaneView.fxml and DetailViewsView.fxml, their controllers, and
 * {@link dev.wsinspector.ui.detail.DetailViewModel}. The six views (Text, JSON, Hex, Protocol, Frame,
 * Handshake) are small controls of this package that the FXML places. Formatting itself lives in
 * {@code core.payload}; slow work goes through {@link dev.wsinspector.ui.common.BackgroundTasks}. Timeline
 * selection and layout belong to the window and the tab.
 */
package dev.wsinspector.ui.detail;
