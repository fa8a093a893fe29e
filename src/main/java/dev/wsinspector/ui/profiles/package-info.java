/**
 * The profiles sidebar and the profile editor: saved connections grouped by folder, created, edited, renamed,
 * duplicated and deleted through {@link dev.wsinspector.core.profile.ProfileRepository}, whose file I/O always
 * runs off the FX thread. Views are FXML in {@code src/main/resources/dev/wsinspector/ui/profiles/}: the sidebar
 * ({@code ProfilesPanelView.fxml}, {@link dev.wsinspector.ui.profiles.ProfilesPanelController}) and the editor
 * ({@code ProfileEditorView.fxml}, {@link dev.wsinspector.ui.profiles.ProfileEditorController}, one view per tab).
 * Their state and logic are in view models tested without a toolkit:
 * {@link dev.wsinspector.ui.profiles.ProfilesViewModel} (the profiles on disk, the one app-wide service),
 * {@link dev.wsinspector.ui.profiles.ProfilesPanelModel} (tree, selection, and why an action is disabled),
 * {@link dev.wsinspector.ui.profiles.ProfileEditorModel} (fields and validation),
 * {@link dev.wsinspector.ui.profiles.ProfileSaving} (the save flow and conflicts) and
 * {@link dev.wsinspector.ui.profiles.EnvironmentChoice} (the Variables tab). Opening a profile (a connection
 * tab) belongs to {@code ui.main}, handed in as a {@link dev.wsinspector.ui.profiles.ProfileOpener}; sockets
 * never appear here.
 */
package dev.wsinspector.ui.profiles;
