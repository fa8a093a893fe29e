package dev.wsinspector.app;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import ch.qos.logback.classic.spi.ILoggingEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LogSetupTest {

    @AfterEach
    void restoreDefaultLogging() throws Exception {
        LogSetup.reset();
    }

    private static List<Appender<ILoggingEvent>> rootAppenders() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        List<Appender<ILoggingEvent>> out = new ArrayList<>();
        Iterator<Appender<ILoggingEvent>> it = context.getLogger(Logger.ROOT_LOGGER_NAME).iteratorForAppenders();
        it.forEachRemaining(out::add);
        return out;
    }

    @Test
    void theGuiLogsToARotatedFileInTheDataDirectory(@TempDir Path dataDir) throws Exception {
        Path logs = dataDir.resolve("logs");
        LogSetup.toDirectory(logs);
        LoggerFactory.getLogger("dev.wsinspector.test").info("hello from the log test");

        Path file = logs.resolve("ws-inspector.log");
        assertThat(file).exists();
        assertThat(Files.readString(file)).contains("INFO").contains("hello from the log test");

        RollingFileAppender<?> rolling = rootAppenders().stream()
                .filter(RollingFileAppender.class::isInstance).map(RollingFileAppender.class::cast)
                .findFirst().orElseThrow();
        assertThat(Path.of(rolling.getFile())).isEqualTo(file.toAbsolutePath());
        FixedWindowRollingPolicy policy = (FixedWindowRollingPolicy) rolling.getRollingPolicy();
        assertThat(policy.getFileNamePattern()).endsWith("ws-inspector.%i.log");
        assertThat(policy.getMaxIndex()).isEqualTo(5);
        assertThat(rolling.getTriggeringPolicy()).isInstanceOf(SizeBasedTriggeringPolicy.class);
    }

    @Test
    void noConfigurationEverWritesToStandardOutput(@TempDir Path dataDir) throws Exception {
        assertNoStdout();
        LogSetup.toDirectory(dataDir.resolve("logs"));
        assertNoStdout();
    }

    private static void assertNoStdout() {
        assertThat(rootAppenders()).isNotEmpty().allSatisfy(a -> {
            if (a instanceof ConsoleAppender<?> console) {
                assertThat(console.getTarget()).isEqualTo("System.err");
            }
        });
    }
}
