/**
 * The detail pane for the selected timeline row ({@link dev.wsinspector.ui.detail.DetailPane}) and its view
 * model. Formatting itself lives in {@code core.payload}; slow work goes through
 * {@link dev.wsinspector.ui.common.BackgroundTasks}. Timeline selection and layout belong to the main window.
 */
package dev.wsinspector.ui.detail;
