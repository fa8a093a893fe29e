package dev.wsinspector.cli;

import picocli.CommandLine.IVersionProvider;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The version printed by {@code --version}: the jar manifest's {@code Implementation-Version} (the shaded jar
 * sets it), else the {@code pom.properties} Maven puts in every jar, else a development marker when running
 * from classes (IDE, tests).
 */
final class VersionProvider implements IVersionProvider {

    private static final String POM_PROPERTIES = "/META-INF/maven/dev.wsinspector/ws-inspector/pom.properties";

    static String version() {
        String fromManifest = VersionProvider.class.getPackage().getImplementationVersion();
        if (fromManifest != null && !fromManifest.isBlank()) {
            return fromManifest;
        }
        try (InputStream in = VersionProvider.class.getResourceAsStream(POM_PROPERTIES)) {
            if (in != null) {
                Properties props = new Properties();
                props.load(in);
                String v = props.getProperty("version");
                if (v != null && !v.isBlank()) {
                    return v;
                }
            }
        } catch (IOException e) {
            // Fall through to the development marker: a version string is not worth failing over.
        }
        return "development build";
    }

    @Override
    public String[] getVersion() {
        return new String[] {"ws-inspector " + version()};
    }
}
