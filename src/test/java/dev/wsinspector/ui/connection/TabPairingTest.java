package dev.wsinspector.ui.connection;

import dev.wsinspector.core.frame.ColumnarFrameStore;
import dev.wsinspector.core.frame.Direction;
import dev.wsinspector.core.frame.WireHeader;
import dev.wsinspector.core.pairing.PairingSettings;
import dev.wsinspector.core.profile.ProfileRepository;
import dev.wsinspector.core.profile.StoredProfile;
import dev.wsinspector.core.session.Session;
import dev.wsinspector.testutil.FixedCaptureClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** A tab pairs by its profile's {@code "pairing"} JSON paths, and by the protocol's ids without them. */
class TabPairingTest {

    private static void text(ColumnarFrameStore store, Direction dir, long millis, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        store.append(dir, WireHeader.of(0x81, dir == Direction.OUT, 0x01020304, bytes.length), false, millis * 1_000_000L,
                ByteBuffer.wrap(bytes));
    }

    private static StoredProfile profile(Path data, String name, String pairing) throws Exception {
        Path dir = data.resolve(ProfileRepository.DIRECTORY);
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(name + ".json"), "{\"name\":\"" + name + "\",\"url\":\"ws://127.0.0.1/\""
                + (pairing == null ? "" : ",\"pairing\":" + pairing) + "}");
        ProfileRepository repository = new ProfileRepository(data);
        repository.reload();
        return repository.find(name);
    }

    @Test
    void theProfilesPathsPairWhatTheProtocolsIdsCannot(@TempDir Path data) throws Exception {
        ColumnarFrameStore store = new ColumnarFrameStore(new FixedCaptureClock(1_000_000_000_000L));
        text(store, Direction.OUT, 0, "{\"op\":\"quote\",\"ref\":\"a1\"}");
        text(store, Direction.IN, 25, "{\"answer\":\"a1\",\"price\":7}");
        Session session = new Session(store);

        TabPairing byIds = new TabPairing();
        byIds.use(TabPairing.settingsOf(profile(data, "Plain", null)));
        byIds.show(session);
        byIds.sample();
        assertThat(byIds.partner(0)).as("no protocol id in these messages").isEqualTo(-1);

        StoredProfile paths = profile(data, "Quotes",
                "{\"request\":\"$.ref\",\"reply\":\"$.answer\",\"method\":\"$.op\",\"timeoutSeconds\":5}");
        PairingSettings settings = TabPairing.settingsOf(paths);
        assertThat(settings.byPath()).isTrue();
        assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(5));
        byIds.use(settings);
        byIds.sample();
        assertThat(byIds.partner(0)).isEqualTo(1);
        assertThat(byIds.partner(1)).isEqualTo(0);
        assertThat(byIds.latencyText(1)).isEqualTo("25.0 ms");
        assertThat(byIds.methods()).singleElement().satisfies(m -> assertThat(m.method()).isEqualTo("quote"));
    }

    @Test
    void aSamplePairsUntilItsDeadlineAndTheRestWaitsForTheNext(@TempDir Path data) throws Exception {
        ColumnarFrameStore store = new ColumnarFrameStore(new FixedCaptureClock(1_000_000_000_000L));
        text(store, Direction.OUT, 0, "{\"op\":\"quote\",\"ref\":\"a1\"}");
        text(store, Direction.IN, 25, "{\"answer\":\"a1\",\"price\":7}");
        TabPairing pairing = new TabPairing();
        pairing.use(TabPairing.settingsOf(profile(data, "Quotes", "{\"request\":\"$.ref\",\"reply\":\"$.answer\"}")));
        pairing.show(new Session(store));

        assertThat(pairing.sample(System.nanoTime() - 1)).as("a deadline already past: frames left").isTrue();
        assertThat(pairing.partner(0)).as("nothing paired yet").isEqualTo(-1);
        assertThat(pairing.sample(System.nanoTime() + 60_000_000_000L)).as("every frame paired").isFalse();
        assertThat(pairing.partner(0)).isEqualTo(1);
    }

    @Test
    void aBrokenPairingSettingPairsByTheProtocolsIds(@TempDir Path data) throws Exception {
        assertThat(TabPairing.settingsOf(profile(data, "Broken", "\"$.id\""))).isEqualTo(PairingSettings.DEFAULTS);
        assertThat(TabPairing.settingsOf(null)).isEqualTo(PairingSettings.DEFAULTS);
    }
}
