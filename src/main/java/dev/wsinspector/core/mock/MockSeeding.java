package dev.wsinspector.core.mock;

import dev.wsinspector.core.frame.Direction;
import dev.wsinspector.core.frame.Frame;
import dev.wsinspector.core.frame.FrameStore;
import dev.wsinspector.core.frame.Opcode;
import dev.wsinspector.core.replay.Templates;
import dev.wsinspector.core.scenario.Matcher;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A server profile seeded from a client's recorded session: every message the client sent becomes a rule that
 * matches it exactly (text: {@code "text"}; binary: its bytes as {@code binaryPrefix}) and replies with what the
 * server sent after it, up to the client's next message; what the server sent before the client's first message
 * becomes {@code onConnect}. A message sent again later keeps the first replies (the first rule wins anyway). Replies
 * are escaped so a {@code {{} in them is sent as it was, not read as a template. Control frames are left out.
 */
public final class MockSeeding {

    private MockSeeding() {
    }

    /** The profile for {@code frames}, a client's capture ({@code out}: the client's messages). */
    public static MockProfile fromSession(String name, FrameStore frames) {
        List<Message> messages = messages(frames);
        List<MockReply> onConnect = new ArrayList<>();
        Map<String, MockRule> rules = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        String current = null;
        Message request = null;
        List<MockReply> replies = new ArrayList<>();
        for (Message m : messages) {
            if (m.dir == Direction.OUT) {
                if (request != null) {
                    rules.putIfAbsent(current, rule(request, replies));
                }
                request = m;
                current = (m.binary ? "b:" : "t:") + Base64.getEncoder().encodeToString(m.bytes);
                replies = seen.add(current) ? new ArrayList<>() : null;
            } else if (request == null) {
                onConnect.add(reply(m));
            } else if (replies != null) {
                replies.add(reply(m));
            }
        }
        if (request != null && replies != null) {
            rules.putIfAbsent(current, rule(request, replies));
        }
        rules.values().removeIf(java.util.Objects::isNull);
        return new MockProfile(name, 0, List.of(), null, onConnect, List.of(), null, false, List.of(),
                List.copyOf(rules.values()), Map.of());
    }

    private static MockRule rule(Message request, List<MockReply> replies) {
        if (replies == null) {
            return null;
        }
        if (request.binary) {
            Matcher binary = new Matcher(null, null, null, null, null, null, null, null, Boolean.TRUE);
            return new MockRule("", binary, request.bytes.length == 0 ? null : request.bytes, replies, false, null,
                    List.of());
        }
        String text = new String(request.bytes, StandardCharsets.UTF_8);
        Matcher exact = new Matcher(Templates.escape(text), null, null, null, null, null, null, null, null);
        return new MockRule("", exact, null, replies, false, null, List.of());
    }

    private static MockReply reply(Message m) {
        if (m.binary) {
            return new MockReply(dev.wsinspector.core.compose.MessageMode.BASE64,
                    Base64.getEncoder().encodeToString(m.bytes), null, null, 0, MockReply.Target.SENDER);
        }
        return MockReply.text(Templates.escape(new String(m.bytes, StandardCharsets.UTF_8)));
    }

    private record Message(Direction dir, boolean binary, byte[] bytes) {
    }

    /** Whole data messages in capture order (fragments joined per direction). */
    private static List<Message> messages(FrameStore frames) {
        List<Message> out = new ArrayList<>();
        Map<Direction, ByteArrayOutputStream> partial = new LinkedHashMap<>();
        Map<Direction, Boolean> partialBinary = new LinkedHashMap<>();
        for (long seq = 0; seq < frames.size(); seq++) {
            Opcode op = frames.opcode(seq);
            if (op.isControl()) {
                continue;
            }
            Frame f = frames.get(seq);
            Direction dir = f.direction();
            if (op.isDataStart()) {
                partial.put(dir, new ByteArrayOutputStream());
                partialBinary.put(dir, op == Opcode.BINARY);
            }
            ByteArrayOutputStream buf = partial.get(dir);
            if (buf == null) {
                continue; // a continuation without its start (the capture began mid-message)
            }
            buf.writeBytes(f.payloadBytes());
            if (f.fin()) {
                out.add(new Message(dir, partialBinary.get(dir), buf.toByteArray()));
                partial.remove(dir);
            }
        }
        return out;
    }
}
