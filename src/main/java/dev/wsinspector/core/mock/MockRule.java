package dev.wsinspector.core.mock;

import dev.wsinspector.core.scenario.Matcher;
import java.util.List;

/**
 * One rule: <em>when</em> a received message matches ({@code when}, the conditions of a test's {@code expect}:
 * text, contains, regex, JSON paths, decoded fields, a filter expression, binary; plus {@code binaryPrefix}, the
 * bytes a message starts with), the server sends {@code replies} (and echoes the message back when {@code echo}),
 * then closes with {@code close} if given. {@code faults} apply to this rule's replies, on top of the server's.
 * Rules are tried in order and the first that matches answers; users see them numbered from 1.
 */
public record MockRule(String name, Matcher when, byte[] binaryPrefix, List<MockReply> replies, boolean echo,
                       MockProfile.Close close, List<Fault> faults) {

    public MockRule {
        name = name == null ? "" : name;
        when = when == null ? MockRule.any() : when;
        binaryPrefix = binaryPrefix == null || binaryPrefix.length == 0 ? null : binaryPrefix.clone();
        replies = replies == null ? List.of() : List.copyOf(replies);
        faults = faults == null ? List.of() : List.copyOf(faults);
    }

    /** A matcher that any message matches. */
    public static Matcher any() {
        return new Matcher(null, null, null, null, null, null, null, null, null);
    }

    public static MockRule replying(Matcher when, MockReply... replies) {
        return new MockRule("", when, null, List.of(replies), false, null, List.of());
    }

    @Override
    public byte[] binaryPrefix() {
        return binaryPrefix == null ? null : binaryPrefix.clone();
    }

    /** The prefix without copying, for matching. */
    byte[] prefixBytes() {
        return binaryPrefix;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MockRule r && name.equals(r.name) && when.equals(r.when)
                && java.util.Arrays.equals(binaryPrefix, r.binaryPrefix) && replies.equals(r.replies) && echo == r.echo
                && java.util.Objects.equals(close, r.close) && faults.equals(r.faults);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(name, replies, echo, close, faults, java.util.Arrays.hashCode(binaryPrefix));
    }
}
