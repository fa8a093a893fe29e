package dev.wsinspector.app;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.ContextInitializer;
import ch.qos.logback.core.joran.spi.JoranException;
import org.slf4j.LoggerFactory;

import java.net.URL;
import java.nio.file.Path;

/**
 * Logging of the two kinds of launch. The command line keeps {@code logback.xml} (stderr only, quiet: stdout
 * carries its JSON lines). The GUI switches to {@code logback-gui.xml}: a rotated file under the data
 * directory, warnings still echoed on stderr for people who start it from a terminal.
 */
public final class LogSetup {

    /** Context property the GUI configuration reads. */
    static final String LOG_DIR_PROPERTY = "WSI_LOG_DIR";
    static final String GUI_CONFIG = "logback-gui.xml";

    private LogSetup() {
    }

    /** Sends the log to {@code logDir/ws-inspector.log}, rotated (see logback-gui.xml). */
    public static void toDirectory(Path logDir) throws JoranException {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        context.putProperty(LOG_DIR_PROPERTY, logDir.toAbsolutePath().toString());
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        URL config = LogSetup.class.getResource(GUI_CONFIG);
        configurator.doConfigure(config);
    }

    /** Back to the default configuration (logback.xml); tests use it to leave the JVM as they found it. */
    public static void reset() throws JoranException {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        new ContextInitializer(context).autoConfig();
    }
}
