package dev.wsinspector.transport;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link Utf8Validator} agrees with the JDK's strict UTF-8 decoder (what Java-WebSocket uses for onMessage). */
class Utf8ValidatorTest {

    private static boolean jdkAccepts(byte[] b, int from, int to) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b, from, to - from));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static void agree(byte[] b, int from, int to) {
        assertThat(Utf8Validator.isValid(b, from, to)).as("bytes %s", hex(b, from, to)).isEqualTo(jdkAccepts(b, from, to));
    }

    private static String hex(byte[] b, int from, int to) {
        StringBuilder s = new StringBuilder();
        for (int i = from; i < to; i++) {
            s.append(String.format("%02x ", b[i] & 0xFF));
        }
        return s.toString();
    }

    @Test
    void everySequenceOfUpToThreeBytesAtEveryWordPosition() {
        // Each candidate sits after 0..8 ASCII bytes and before 0..1 more, so it is seen by the byte loop and
        // after the word loop, and at the end of the payload (cut-off sequences).
        byte[] b = new byte[16];
        for (int pad : new int[] {0, 3, 8}) {
            for (int tail : new int[] {0, 1}) {
                for (int b0 = 0x80; b0 < 0x100; b0++) {
                    for (int b1 = 0; b1 < 0x100; b1++) {
                        int n = 0;
                        for (int i = 0; i < pad; i++) {
                            b[n++] = 'a';
                        }
                        b[n++] = (byte) b0;
                        b[n++] = (byte) b1;
                        int end2 = n;
                        if (tail == 1) {
                            b[n++] = 'z';
                        }
                        agree(b, 0, n);
                        if (b0 >= 0xE0 && b0 < 0xF0 && (b1 & 0xC0) == 0x80) {
                            for (int b2 = 0; b2 < 0x100; b2 += 7) {
                                b[end2] = (byte) b2;
                                agree(b, 0, end2 + 1);
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void fourByteSequencesAroundEveryBoundary() {
        int[] leads = {0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xF7, 0xF8, 0xFF};
        int[] seconds = {0x00, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xFF};
        int[] rest = {0x41, 0x80, 0xBF, 0xC0};
        for (int b0 : leads) {
            for (int b1 : seconds) {
                for (int b2 : rest) {
                    for (int b3 : rest) {
                        byte[] b = {'x', (byte) b0, (byte) b1, (byte) b2, (byte) b3};
                        for (int to = 1; to <= b.length; to++) {
                            agree(b, 0, to);
                        }
                    }
                }
            }
        }
    }

    @Test
    void randomTextMostlyAsciiAgrees() {
        Random random = new Random(7);
        for (int run = 0; run < 20_000; run++) {
            byte[] b = new byte[random.nextInt(70)];
            for (int i = 0; i < b.length; i++) {
                b[i] = random.nextInt(12) == 0 ? (byte) random.nextInt(256) : (byte) (0x20 + random.nextInt(95));
            }
            int from = b.length == 0 ? 0 : random.nextInt(Math.min(5, b.length));
            agree(b, from, b.length);
        }
        for (int run = 0; run < 5_000; run++) {
            StringBuilder s = new StringBuilder();
            for (int i = random.nextInt(40); i > 0; i--) {
                int cp = random.nextInt(4) == 0 ? random.nextInt(0x110000) : 0x20 + random.nextInt(95);
                if (cp < 0xD800 || cp > 0xDFFF) {
                    s.appendCodePoint(cp);
                }
            }
            byte[] b = s.toString().getBytes(StandardCharsets.UTF_8);
            assertThat(Utf8Validator.isValid(b, 0, b.length)).isTrue();
            for (int cut = 0; cut < b.length; cut++) {
                agree(b, 0, cut);
            }
        }
    }

    @Test
    void endsCompleteOnlyRefusesASequenceCutOffAtTheEnd() {
        assertThat(Utf8Validator.endsComplete(ByteBuffer.wrap(new byte[0]))).isTrue();
        for (String s : new String[] {"a", "é", "€", "\uD83D\uDE00", "abc€", "x\uD83D\uDE00"}) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            assertThat(Utf8Validator.endsComplete(ByteBuffer.wrap(b))).as(s).isTrue();
            for (int cut = 1; cut < b.length; cut++) {
                boolean complete = jdkAccepts(b, 0, cut);
                assertThat(Utf8Validator.endsComplete(ByteBuffer.wrap(b, 0, cut).slice())).as("%s cut at %d", s, cut)
                        .isEqualTo(complete);
            }
        }
        byte[] b = "xx€".getBytes(StandardCharsets.UTF_8);
        ByteBuffer cut = ByteBuffer.wrap(b);
        cut.limit(b.length - 1);
        assertThat(Utf8Validator.endsComplete(cut)).isFalse();
        assertThat(cut.position()).isZero();
    }
}
