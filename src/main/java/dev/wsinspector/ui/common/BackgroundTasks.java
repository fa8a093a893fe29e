package dev.wsinspector.ui.common;

import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The one place where the UI runs work off the FX thread. Work is submitted under a key (one per view that
 * shows a result); a newer submission under the same key supersedes the older one: the old task is cancelled
 * if it has not finished, and its result is dropped if it has. So clicking through a hundred rows formats at
 * most the last one or two payloads, and a slow old result never overwrites a newer one.
 *
 * <p>Call {@link #submitLatest} and {@link #cancel} from the FX thread; results and errors are delivered on
 * the FX thread. Threads are daemons so an open task never keeps the app from exiting.
 */
public final class BackgroundTasks implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BackgroundTasks.class);

    private final ExecutorService workers;
    private final Executor fxThread;
    /** Latest ticket per key; compared again on the FX thread right before a result is delivered. */
    private final Map<Object, Ticket> latest = new ConcurrentHashMap<>();

    private final AtomicLong ids = new AtomicLong();

    /** One submission; its future is set right after it is registered. */
    private static final class Ticket {
        final long id;
        volatile Future<?> future;

        Ticket(long id) {
            this.id = id;
        }

        void cancel() {
            Future<?> f = future;
            if (f != null) {
                f.cancel(true);
            }
        }
    }

    /** Two daemon workers: one long format job does not hold up the next selection's small one. */
    public BackgroundTasks() {
        this(newDaemonPool(2), Platform::runLater);
    }

    /**
     * @param workers  where the work runs
     * @param fxThread where results are delivered; {@code Platform::runLater} in the app, a direct or
     *                 queueing executor in view-model tests that run without the toolkit
     */
    public BackgroundTasks(ExecutorService workers, Executor fxThread) {
        this.workers = Objects.requireNonNull(workers, "workers");
        this.fxThread = Objects.requireNonNull(fxThread, "fxThread");
    }

    /** Runs {@code update} on the FX thread (progress reported by running work). */
    public void onFxThread(Runnable update) {
        fxThread.execute(update);
    }

    /** As {@link #submitLatest(Object, Callable, Consumer, Consumer)}, logging failures. */
    public <T> void submitLatest(Object key, Callable<T> work, Consumer<? super T> onFxThread) {
        submitLatest(key, work, onFxThread, e -> LOG.warn("Background task {} failed", key, e));
    }

    /**
     * Runs {@code work} on a worker and hands its result to {@code onFxThread} on the FX thread, unless
     * another submission or {@link #cancel} for the same key came after this one.
     */
    public <T> void submitLatest(Object key, Callable<T> work, Consumer<? super T> onFxThread,
                                 Consumer<? super Exception> onError) {
        Objects.requireNonNull(key, "key");
        long id = ids.incrementAndGet();
        Runnable task = () -> {
            if (!isLatest(key, id)) {
                return;
            }
            try {
                T result = work.call();
                deliver(key, id, () -> onFxThread.accept(result));
            } catch (Exception e) {
                deliver(key, id, () -> onError.accept(e));
            }
        };
        // Registered before the task can run, so the task never finds an older ticket there.
        Ticket ticket = new Ticket(id);
        Ticket previous = latest.put(key, ticket);
        if (previous != null) {
            previous.cancel();
        }
        try {
            ticket.future = workers.submit(task);
        } catch (RejectedExecutionException closed) {
            // After close() (the window is going away): nothing will show the result, so there is no work.
            latest.remove(key, ticket);
            LOG.debug("Background task {} dropped: the tasks are closed", key);
        }
    }

    /** Drops whatever is pending under {@code key} (the view was cleared or now shows something else). */
    public void cancel(Object key) {
        Ticket previous = latest.remove(key);
        if (previous != null) {
            previous.cancel();
        }
    }

    /** True while a submission under {@code key} has not been delivered or cancelled. */
    public boolean isPending(Object key) {
        return latest.containsKey(key);
    }

    @Override
    public void close() {
        latest.clear();
        workers.shutdownNow();
    }

    private boolean isLatest(Object key, long id) {
        Ticket t = latest.get(key);
        return t != null && t.id == id;
    }

    private void deliver(Object key, long id, Runnable action) {
        fxThread.execute(() -> {
            // Checked again here: a newer submission may have arrived while this result was queued.
            Ticket t = latest.get(key);
            if (t != null && t.id == id) {
                latest.remove(key, t);
                action.run();
            }
        });
    }

    /** A fixed pool of daemon threads named {@code wsi-background-N}. */
    static ExecutorService newDaemonPool(int threads) {
        AtomicInteger n = new AtomicInteger();
        return new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "wsi-background-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }
}
