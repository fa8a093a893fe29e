package dev.wsinspector.core.journal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.time.Instant;

/**
 * What the Sessions list shows of one session, kept in its {@code session.json} (written atomically when the
 * session starts, about every second while it runs, and when it ends). The journal itself is the truth:
 * a session that never wrote its end is recounted from the journal and marked {@link #endedAbruptly}.
 *
 * @param startedMicros epoch µs
 * @param endedMicros   epoch µs, or 0 while running (or when it ended abruptly and was not recounted yet)
 * @param how           how it ended: {@code "closed 1000"}, {@code "failed: …"}, {@code "stopped"},
 *                      {@code "ended abruptly"}, {@code "journal incomplete (REASON): K of N frames kept; closed 1000"}
 *                      when the journal could not be written to the end, or {@code ""} while running
 * @param framesIn      frames the journal holds (after a failed write: those that reached the file), likewise the
 *                      other counts
 */
public record SessionMeta(String id, String name, String profile, String url, long startedMicros, long endedMicros,
                          boolean endedAbruptly, String how, long framesIn, long framesOut, long bytesIn,
                          long bytesOut, boolean pinned) {

    static final int SCHEMA_VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public SessionMeta {
        name = name == null ? "" : name;
        profile = profile == null ? "" : profile;
        url = url == null ? "" : url;
        how = how == null ? "" : how;
    }

    public boolean running() {
        return endedMicros == 0 && !endedAbruptly;
    }

    /** The name to show: the given name, else the profile's, else the URL. */
    public String title() {
        return !name.isEmpty() ? name : !profile.isEmpty() ? profile : url;
    }

    public SessionMeta withName(String newName) {
        return new SessionMeta(id, newName, profile, url, startedMicros, endedMicros, endedAbruptly, how, framesIn,
                framesOut, bytesIn, bytesOut, pinned);
    }

    public SessionMeta withPinned(boolean pin) {
        return new SessionMeta(id, name, profile, url, startedMicros, endedMicros, endedAbruptly, how, framesIn,
                framesOut, bytesIn, bytesOut, pin);
    }

    SessionMeta withCounts(long fIn, long fOut, long bIn, long bOut) {
        return new SessionMeta(id, name, profile, url, startedMicros, endedMicros, endedAbruptly, how, fIn, fOut,
                bIn, bOut, pinned);
    }

    SessionMeta ended(long endMicros, boolean abruptly, String howItEnded) {
        return new SessionMeta(id, name, profile, url, startedMicros, endMicros, abruptly, howItEnded, framesIn,
                framesOut, bytesIn, bytesOut, pinned);
    }

    /** The `sessions --json` line and the {@code session.json} body share these field names. */
    public ObjectNode toJson() {
        ObjectNode n = JSON.createObjectNode();
        n.put("id", id).put("name", title()).put("profile", profile.isEmpty() ? null : profile).put("url", url)
                .put("started", iso(startedMicros)).put("ended", endedMicros == 0 ? null : iso(endedMicros))
                .put("endedAbruptly", endedAbruptly).put("how", how).put("framesIn", framesIn)
                .put("framesOut", framesOut).put("bytesIn", bytesIn).put("bytesOut", bytesOut).put("pinned", pinned);
        return n;
    }

    byte[] toFile() throws IOException {
        ObjectNode n = toJson();
        n.put("name", name);
        ObjectNode file = JSON.createObjectNode();
        file.put("schemaVersion", SCHEMA_VERSION);
        file.setAll(n);
        return JSON.writeValueAsBytes(file);
    }

    static SessionMeta fromFile(byte[] bytes) throws IOException {
        JsonNode n = JSON.readTree(bytes);
        if (n == null || !n.isObject()) {
            throw new IOException("not a JSON object");
        }
        int version = n.path("schemaVersion").asInt(1);
        if (version > SCHEMA_VERSION) {
            throw new JournalException("written by a newer WS Inspector (session format " + version + ")");
        }
        return new SessionMeta(n.path("id").asText(), n.path("name").asText(""), n.path("profile").asText(""),
                n.path("url").asText(""), micros(n.path("started").asText(null)), micros(n.path("ended").asText(null)),
                n.path("endedAbruptly").asBoolean(), n.path("how").asText(""), n.path("framesIn").asLong(),
                n.path("framesOut").asLong(), n.path("bytesIn").asLong(), n.path("bytesOut").asLong(),
                n.path("pinned").asBoolean());
    }

    static String iso(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L)
                .toString();
    }

    private static long micros(String iso) {
        if (iso == null || iso.isEmpty() || iso.equals("null")) {
            return 0;
        }
        Instant t = Instant.parse(iso);
        return t.getEpochSecond() * 1_000_000L + t.getNano() / 1_000;
    }
}
