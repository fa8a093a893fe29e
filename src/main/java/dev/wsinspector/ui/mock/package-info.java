/**
 * Mock server tabs (issue 16): the server's form and its rules table ({@link dev.wsinspector.ui.mock.MockServerController}
 * over {@link dev.wsinspector.ui.mock.MockServerViewModel}), the clients' frames in a connection tab's own views
 * ({@link dev.wsinspector.ui.mock.MockTab}), and opening, saving and seeding them
 * ({@link dev.wsinspector.ui.mock.MockTabs}). The servers run in {@code transport}, reached through
 * {@code core.mock.MockServers}; no sockets here.
 */
package dev.wsinspector.ui.mock;
