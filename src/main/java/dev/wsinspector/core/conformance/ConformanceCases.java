package dev.wsinspector.core.conformance;

import dev.wsinspector.core.conformance.ConformanceCase.Check;
import dev.wsinspector.core.conformance.ConformanceCase.Outcome;
import dev.wsinspector.core.conformance.Probe.Reply;
import dev.wsinspector.core.frame.FrameSpec;
import dev.wsinspector.core.frame.Opcode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The conformance run's cases, as data: what each sends, which RFC section says what a server must answer, and how
 * the answer is judged. Bounded on purpose (a few dozen cases, the largest message 16 MiB), so a run ends in
 * seconds on a healthy server and within the sum of the cases' timeouts on any other. The broken frames are
 * written with {@link FrameSpec}, the SPEC syntax of {@code connect --send-frame}, so each can be replayed by hand.
 */
public final class ConformanceCases {

    /** The sizes echoed: each 7-bit, 16-bit and 64-bit length field's edges, then large messages. */
    static final int[] ECHO_SIZES = {0, 125, 126, 65_535, 65_536, 1 << 20, 16 << 20};
    static final String NO_CONTEXT_OFFER = "permessage-deflate; server_no_context_takeover; client_no_context_takeover";
    private static final String FRAGMENTED = "fragmented message, three frames long";
    private static final String PING_PAYLOAD = "ws-inspector conformance ping 0123456789";
    /** Sent three times on a compressed connection: compresses well, so kept context shows in the sizes. */
    private static final String DEFLATE_TEXT = "{\"type\":\"conformance\",\"text\":\"" + "the same words again ".repeat(40)
            + "\"}";

    private ConformanceCases() {
    }

    /** Every case, in the order they run. */
    public static List<ConformanceCase> all() {
        List<ConformanceCase> cases = new ArrayList<>();
        for (Opcode opcode : new Opcode[]{Opcode.TEXT, Opcode.BINARY}) {
            for (int size : ECHO_SIZES) {
                String name = opcode.jsonName();
                cases.add(plain("echo-" + name + "-" + sizeName(size), "5.2",
                        "a " + name + " message of " + sizeLabel(size) + " (" + lengthField(size) + ") is echoed",
                        name + " message of " + size + " bytes, the same bytes", echo(opcode, size)));
            }
        }
        cases.add(plain("fragmented-text", "5.4", "a text message in 3 fragments with a ping between each two is "
                + "echoed whole, the pings answered", "2 pongs, text message of " + FRAGMENTED.length() + " bytes, the same bytes",
                fragmented(Opcode.TEXT)));
        cases.add(plain("fragmented-binary", "5.4", "a binary message in 3 fragments with a ping between each two is "
                + "echoed whole, the pings answered", "2 pongs, binary message of " + FRAGMENTED.length() + " bytes, the same bytes",
                fragmented(Opcode.BINARY)));
        cases.add(plain("ping-payload", "5.5.3", "a ping's payload comes back in the pong",
                "pong with the ping's " + PING_PAYLOAD.length() + " bytes", ConformanceCases::pingPayload));
        cases.add(fails("invalid-utf8-text", "8.1", "text that is not UTF-8 fails the connection", 1007,
                "op=text,hex=48c328"));
        cases.add(fails("unmasked-frame", "5.1", "an unmasked frame from the client fails the connection", 1002,
                "mask=off,text=unmasked"));
        cases.add(fails("reserved-opcode", "5.2", "a frame with reserved opcode 0x3 fails the connection", 1002,
                "op=3,text=reserved"));
        cases.add(fails("rsv-without-extension", "5.2", "RSV1 without a negotiated extension fails the connection",
                1002, "rsv1=1,text=no extension"));
        cases.add(plain("close-normal", "5.5.1", "a close with 1000 is answered with a close (1000)",
                "close 1000", ConformanceCases::closeNormal));
        cases.add(fails("close-invalid-code", "7.4", "a close with code 999 (not allowed on the wire) is answered "
                + "with 1002", 1002, "code=999"));
        cases.add(fails("close-one-byte", "5.5.1", "a close whose payload is 1 byte is answered with 1002", 1002,
                "op=close,hex=03"));
        cases.add(new ConformanceCase("deflate-context-takeover", "RFC 7692", "7.1.1",
                "permessage-deflate keeping the context: the same text 3 times, each echoed the same",
                "3 echoes, the same bytes (skipped when the server declines permessage-deflate)", true, "",
                probe -> deflate(probe, false)));
        cases.add(new ConformanceCase("deflate-no-context-takeover", "RFC 7692", "7.1.1.1",
                "permessage-deflate without context takeover: the same text 3 times, each echoed the same and "
                        + "compressed alike", "3 echoes, the same bytes and compressed sizes (skipped when the server "
                        + "declines no context takeover)", true, NO_CONTEXT_OFFER, probe -> deflate(probe, true)));
        return List.copyOf(cases);
    }

    /** The cases as lines for {@code conformance --help}: id and RFC section, then what is checked. */
    public static List<String> describe() {
        List<String> lines = new ArrayList<>();
        for (ConformanceCase c : all()) {
            lines.add("  " + c.id() + "  (" + c.reference() + ")");
            lines.add("      " + c.title());
        }
        return lines;
    }

    private static ConformanceCase plain(String id, String section, String title, String expected, Check check) {
        return new ConformanceCase(id, "RFC 6455", section, title, expected, false, "", check);
    }

    private static ConformanceCase fails(String id, String section, String title, int code, String spec) {
        return plain(id, section, title + " (sends " + spec + ")", "close " + code, probe -> {
            probe.sendCrafted(FrameSpec.parse(spec));
            return expectClose(probe.next(), code);
        });
    }

    private static Check echo(Opcode opcode, int size) {
        return probe -> {
            byte[] payload = pattern(size);
            if (opcode == Opcode.TEXT) {
                probe.connection().sendText(new String(payload, StandardCharsets.US_ASCII));
            } else {
                probe.connection().sendBinary(payload);
            }
            return sameEcho(probe.next(), opcode, payload);
        };
    }

    private static Check fragmented(Opcode opcode) {
        return probe -> {
            byte[] payload = FRAGMENTED.getBytes(StandardCharsets.US_ASCII);
            probe.sendCrafted(FrameSpec.of(opcode, payload).withFragments(3, Opcode.PING.code()));
            Reply reply = probe.next();
            Outcome echo = sameEcho(reply, opcode, payload);
            int pongs = probe.pongs().size();
            while (pongs < 2 && probe.nextPong() != null) {
                pongs++;
            }
            String observed = pongs + " pong" + (pongs == 1 ? "" : "s") + ", " + echo.observed();
            return echo.verdict() == ConformanceCase.Verdict.PASS && pongs >= 2 ? Outcome.pass(observed)
                    : Outcome.fail(observed);
        };
    }

    private static Outcome pingPayload(Probe probe) throws InterruptedException {
        byte[] payload = PING_PAYLOAD.getBytes(StandardCharsets.US_ASCII);
        probe.connection().sendPing(payload);
        byte[] pong = probe.nextPong();
        if (pong == null) {
            return Outcome.fail("no pong; then " + probe.next().describe());
        }
        String observed = "pong with " + pong.length + " bytes";
        return Arrays.equals(pong, payload) ? Outcome.pass(observed + ", the ping's")
                : Outcome.fail(observed + (pong.length == payload.length ? ", not the ping's" : ""));
    }

    private static Outcome closeNormal(Probe probe) throws InterruptedException {
        probe.connection().close(1000, "conformance");
        return expectClose(probe.next(), 1000);
    }

    private static Outcome deflate(Probe probe, boolean noContext) throws InterruptedException {
        String answer = probe.responseHeader("Sec-WebSocket-Extensions");
        if (!answer.contains("permessage-deflate")) {
            return Outcome.skip("the server declined permessage-deflate" + (answer.isEmpty() ? "" : ": " + answer));
        }
        if (noContext && !answer.contains("server_no_context_takeover")) {
            return Outcome.skip("the server declined no context takeover: " + answer);
        }
        byte[] payload = DEFLATE_TEXT.getBytes(StandardCharsets.US_ASCII);
        List<Long> sizes = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            probe.connection().sendText(DEFLATE_TEXT);
            Reply reply = probe.next();
            Outcome echo = sameEcho(reply, Opcode.TEXT, payload);
            if (echo.verdict() != ConformanceCase.Verdict.PASS) {
                return Outcome.fail("echo " + (i + 1) + ": " + echo.observed());
            }
            sizes.add(reply.compressed() ? reply.wireBytes() : -1);
        }
        String observed = "3 echoes, the same bytes; on the wire " + sizesText(sizes);
        if (noContext && sizes.get(0) >= 0 && !(sizes.get(0).equals(sizes.get(1)) && sizes.get(1).equals(sizes.get(2)))) {
            return Outcome.fail(observed + " (smaller after the first: the server kept its context)");
        }
        return Outcome.pass(observed);
    }

    private static String sizesText(List<Long> sizes) {
        List<String> parts = new ArrayList<>();
        for (long s : sizes) {
            parts.add(s < 0 ? "uncompressed" : s + " B");
        }
        return String.join(", ", parts);
    }

    private static Outcome expectClose(Reply reply, int code) {
        if (reply.kind() == Reply.Kind.CLOSE && reply.closeCode() == code) {
            return Outcome.pass(reply.describe());
        }
        String observed = reply.describe();
        if (reply.kind() == Reply.Kind.MESSAGE) {
            observed += ": answered instead of failing the connection";
        }
        return Outcome.fail(observed);
    }

    private static Outcome sameEcho(Reply reply, Opcode opcode, byte[] payload) {
        String observed = reply.describe();
        if (reply.kind() != Reply.Kind.MESSAGE || reply.opcode() != opcode) {
            return Outcome.fail(observed);
        }
        int mismatch = Arrays.mismatch(reply.payload(), payload);
        if (mismatch < 0) {
            return Outcome.pass(observed + ", the same bytes");
        }
        return Outcome.fail(observed + (reply.payload().length == payload.length ? ", differs at byte " + mismatch
                : ", not the " + payload.length + " sent"));
    }

    /** Printable ASCII (valid as text and as binary), so a mismatch points at a byte. */
    static byte[] pattern(int size) {
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) ('a' + i % 26);
        }
        return bytes;
    }

    static String sizeName(int size) {
        if (size >= 1 << 20 && size % (1 << 20) == 0) {
            return (size >> 20) + "MiB";
        }
        return String.valueOf(size);
    }

    private static String sizeLabel(int size) {
        return size >= 1 << 20 ? (size >> 20) + " MiB" : size + " bytes";
    }

    private static String lengthField(int size) {
        return size <= 125 ? "7-bit length" : size <= 0xFFFF ? "16-bit length" : "64-bit length";
    }
}
