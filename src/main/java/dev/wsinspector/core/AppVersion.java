package dev.wsinspector.core;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The app's version: the jar manifest's {@code Implementation-Version} (both the shaded jar and the packaged
 * jar set it), else the {@code pom.properties} Maven puts in every jar, else a development marker when running
 * from classes (IDE, tests).
 */
public final class AppVersion {

    private static final String POM_PROPERTIES = "/META-INF/maven/dev.wsinspector/ws-inspector/pom.properties";
    public static final String DEVELOPMENT = "development build";

    private AppVersion() {
    }

    public static String current() {
        String fromManifest = AppVersion.class.getPackage().getImplementationVersion();
        if (fromManifest != null && !fromManifest.isBlank()) {
            return fromManifest;
        }
        try (InputStream in = AppVersion.class.getResourceAsStream(POM_PROPERTIES)) {
            if (in != null) {
                Properties props = new Properties();
                props.load(in);
                String v = props.getProperty("version");
                if (v != null && !v.isBlank()) {
                    return v;
                }
            }
        } catch (IOException e) {
            // Fall through: a version string is not worth failing over.
        }
        return DEVELOPMENT;
    }
}
