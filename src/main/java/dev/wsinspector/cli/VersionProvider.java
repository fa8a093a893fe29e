package dev.wsinspector.cli;

import dev.wsinspector.core.AppVersion;
import picocli.CommandLine.IVersionProvider;

/** {@code --version}: "ws-inspector VERSION", the version as {@link AppVersion} finds it (jar manifest first). */
final class VersionProvider implements IVersionProvider {

    static String version() {
        return AppVersion.current();
    }

    @Override
    public String[] getVersion() {
        return new String[] {"ws-inspector " + version()};
    }
}
