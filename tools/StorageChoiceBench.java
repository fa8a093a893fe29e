import dev.wsinspector.core.frame.Direction;
import dev.wsinspector.core.frame.WireHeader;
import dev.wsinspector.core.journal.Recording;
import dev.wsinspector.core.journal.SessionCatalog;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;

/**
 * One-off measurement behind the journal's storage choice (docs/JOURNAL.md): write N frames of 100 B with the
 * fields a frame record has, durably, through (1) the app's journal (SessionCatalog + Recording, the real path),
 * (2) SQLite via sqlite-jdbc (WAL, synchronous=NORMAL, 10,000 rows per transaction), (3) H2 MVStore (a map
 * seq -> encoded record, committed every 10,000). Not part of the build; run from a checkout after
 * `./mvnw -B -q package -DskipTests`, with the two database jars fetched by Maven into a folder:
 *
 *   java -cp target/ws-inspector.jar:LIB/sqlite-jdbc-3.54.1.0.jar:LIB/h2-2.5.252.jar tools/StorageChoiceBench.java 1000000
 */
public class StorageChoiceBench {
    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        byte[] payload = new byte[100];
        for (int round = 1; round <= 3; round++) {
            System.out.printf(Locale.ROOT, "round %d, %,d frames of 100 B%n", round, n);
            report("journal", n, journal(n, payload));
            report("sqlite", n, sqlite(n, payload));
            report("h2-mvstore", n, mvstore(n, payload));
        }
    }

    static void report(String name, int n, long nanos) {
        System.out.printf(Locale.ROOT, "  %-11s %6.2f s  %,10.0f frames/s%n", name, nanos / 1e9, n / (nanos / 1e9));
    }

    static long journal(int n, byte[] payload) throws Exception {
        Path dir = Files.createTempDirectory("sb-journal");
        try (SessionCatalog catalog = new SessionCatalog(dir, new SessionCatalog.Settings(Duration.ofSeconds(1), 64L << 20))) {
            long t0 = System.nanoTime();
            Recording rec = catalog.record("", "", "ws://x/", null);
            var store = rec.session().frames();
            WireHeader h = WireHeader.of(0x81, false, 0, payload.length);
            for (int i = 0; i < n; i++) {
                store.append(Direction.IN, h, false, System.nanoTime(), ByteBuffer.wrap(payload));
            }
            rec.close(); // everything written and forced to disk
            return System.nanoTime() - t0;
        }
    }

    static long sqlite(int n, byte[] payload) throws Exception {
        Path file = Files.createTempFile("sb", ".db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=NORMAL");
                s.execute("CREATE TABLE frames(seq INTEGER PRIMARY KEY, epoch INTEGER, mono INTEGER, flags INTEGER,"
                        + " mask INTEGER, wirelen INTEGER, payload BLOB)");
            }
            long t0 = System.nanoTime();
            c.setAutoCommit(false);
            try (PreparedStatement p = c.prepareStatement("INSERT INTO frames VALUES (?,?,?,?,?,?,?)")) {
                for (int i = 0; i < n; i++) {
                    p.setLong(1, i);
                    p.setLong(2, System.currentTimeMillis() * 1000);
                    p.setLong(3, System.nanoTime());
                    p.setInt(4, 0x281);
                    p.setInt(5, 0);
                    p.setLong(6, payload.length);
                    p.setBytes(7, payload);
                    p.addBatch();
                    if (i % 10_000 == 9_999) {
                        p.executeBatch();
                        c.commit();
                    }
                }
                p.executeBatch();
                c.commit();
            }
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA wal_checkpoint(FULL)");
            }
            return System.nanoTime() - t0;
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(Path.of(file + "-wal"));
            Files.deleteIfExists(Path.of(file + "-shm"));
        }
    }

    static long mvstore(int n, byte[] payload) throws Exception {
        Path file = Files.createTempFile("sb", ".mv");
        Files.delete(file);
        try {
            long t0 = System.nanoTime();
            MVStore store = new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().open();
            MVMap<Long, byte[]> map = store.openMap("frames");
            ByteBuffer b = ByteBuffer.allocate(42 + payload.length);
            for (int i = 0; i < n; i++) {
                b.clear();
                b.putLong(i).putLong(System.currentTimeMillis() * 1000).putLong(System.nanoTime()).putShort((short) 0x281)
                        .putInt(0).putLong(payload.length).putInt(payload.length).put(payload);
                map.put((long) i, b.array().clone());
                if (i % 10_000 == 9_999) {
                    store.commit();
                }
            }
            store.commit();
            store.sync();
            store.close();
            return System.nanoTime() - t0;
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
