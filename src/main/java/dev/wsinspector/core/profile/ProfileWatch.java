package dev.wsinspector.core.profile;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.concurrent.TimeUnit;

/**
 * Watches the profiles directory for changes made by other programs (or by us) and calls back once per burst
 * of events. Temp files of atomic writes are ignored; everything else just means "reload". Some platforms
 * poll (macOS checks every few seconds), so the UI should also reload when its window gains focus.
 */
public final class ProfileWatch implements AutoCloseable {

    private static final long SETTLE_MILLIS = 200;

    private final WatchService service;
    private final Thread thread;

    private ProfileWatch(WatchService service, Runnable onChange) {
        this.service = service;
        this.thread = new Thread(() -> loop(onChange), "wsi-profile-watch");
        thread.setDaemon(true);
    }

    static ProfileWatch start(Path dir, Runnable onChange) throws IOException {
        WatchService service = dir.getFileSystem().newWatchService();
        dir.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_DELETE,
                StandardWatchEventKinds.ENTRY_MODIFY);
        ProfileWatch watch = new ProfileWatch(service, onChange);
        watch.thread.start();
        return watch;
    }

    private void loop(Runnable onChange) {
        try {
            while (true) {
                WatchKey key = service.take();
                boolean relevant = drain(key);
                // Collect the rest of the burst (an atomic write is create + modify + move) before calling.
                WatchKey more;
                while ((more = service.poll(SETTLE_MILLIS, TimeUnit.MILLISECONDS)) != null) {
                    relevant |= drain(more);
                }
                if (relevant) {
                    try {
                        onChange.run();
                    } catch (RuntimeException e) {
                        org.slf4j.LoggerFactory.getLogger(ProfileWatch.class).warn("Profile change listener failed", e);
                    }
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException stop) {
            // closed
        }
    }

    private static boolean drain(WatchKey key) {
        boolean relevant = false;
        for (WatchEvent<?> event : key.pollEvents()) {
            Object context = event.context();
            if (event.kind() == StandardWatchEventKinds.OVERFLOW || context == null
                    || !context.toString().endsWith(AtomicFiles.TEMP_SUFFIX)) {
                relevant = true;
            }
        }
        key.reset();
        return relevant;
    }

    @Override
    public void close() throws IOException {
        service.close();
        thread.interrupt();
    }
}
