package dev.wsinspector.ui.mock;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wsinspector.core.compose.MessageMode;
import dev.wsinspector.core.mock.MockProfile;
import dev.wsinspector.core.mock.MockReply;
import dev.wsinspector.core.mock.MockRule;
import dev.wsinspector.core.mock.MockTemplates;
import dev.wsinspector.core.scenario.Matcher;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One row of the rules table, as the user edits it: what it matches ({@link WhenKind} and a value), its replies
 * (one text; several separated by a line {@value #SEPARATOR}), delay, target, close code and faults. Each field that
 * does not make a rule has its message ({@link #whenProblemProperty}, …) right away, shown next to it; a row that
 * has none builds its {@link MockRule}. What the form does not edit (a rule's filter expression, a format's
 * replies) is kept from the rule it was made from until its fields are changed. FX thread only.
 */
public final class RuleRow {

    /** A line between two replies in the reply field. */
    public static final String SEPARATOR = "---";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a rule's "when" says. */
    public enum WhenKind {
        ANY("any message"), TEXT("text is"), CONTAINS("text contains"), REGEX("regex"), JSON("JSON paths"),
        DECODED("decoded fields"), BINARY_PREFIX("binary starts with (hex)");

        private final String label;

        WhenKind(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** The reply modes the form offers (a protocol format's replies are kept as they are in the file). */
    public static final List<MessageMode> REPLY_MODES = List.of(MessageMode.TEXT, MessageMode.JSON, MessageMode.HEX,
            MessageMode.BASE64);

    private final ObjectProperty<WhenKind> whenKind = new SimpleObjectProperty<>(WhenKind.ANY);
    private final StringProperty when = new SimpleStringProperty("");
    private final ObjectProperty<MessageMode> replyMode = new SimpleObjectProperty<>(MessageMode.TEXT);
    private final StringProperty reply = new SimpleStringProperty("");
    private final StringProperty delay = new SimpleStringProperty("0");
    private final ObjectProperty<MockReply.Target> target = new SimpleObjectProperty<>(MockReply.Target.SENDER);
    private final BooleanProperty echo = new SimpleBooleanProperty(false);
    private final StringProperty closeCode = new SimpleStringProperty("");
    private final StringProperty faults = new SimpleStringProperty("");
    private final IntegerProperty number = new SimpleIntegerProperty();
    private final ReadOnlyStringWrapper whenProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper replyProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper otherProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper whenText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper replyText = new ReadOnlyStringWrapper("");
    /** The rule as loaded, kept while the fields say the same; null once edited (or for a new row). */
    private MockRule original;
    private MockRule built;
    private boolean loading;

    public RuleRow() {
        Observable[] fields = {whenKind, when, replyMode, reply, delay, target, echo, closeCode, faults};
        for (Observable f : fields) {
            f.addListener(o -> {
                if (!loading) {
                    original = null;
                    validate();
                }
            });
        }
        validate();
    }

    /** A row showing {@code rule}; saved back unchanged until edited. */
    public static RuleRow of(MockRule rule) {
        RuleRow row = new RuleRow();
        row.loading = true;
        try {
            Matcher m = rule.when();
            if (rule.binaryPrefix() != null) {
                row.whenKind.set(WhenKind.BINARY_PREFIX);
                row.when.set(HexFormat.of().formatHex(rule.binaryPrefix()));
            } else if (m.regex() != null) {
                row.whenKind.set(WhenKind.REGEX);
                row.when.set(m.regex().pattern());
            } else if (!m.json().isEmpty()) {
                row.whenKind.set(WhenKind.JSON);
                row.when.set(PathConditions.format(m.json()));
            } else if (!m.decoded().isEmpty()) {
                row.whenKind.set(WhenKind.DECODED);
                row.when.set(PathConditions.format(m.decoded()));
            } else if (m.text() != null) {
                row.whenKind.set(WhenKind.TEXT);
                row.when.set(m.text());
            } else if (m.contains() != null) {
                row.whenKind.set(WhenKind.CONTAINS);
                row.when.set(m.contains());
            } else if (m.filterExpression() != null) {
                row.whenKind.set(WhenKind.ANY);
                row.when.set("");
            }
            List<MockReply> replies = rule.replies();
            if (!replies.isEmpty()) {
                MockReply first = replies.get(0);
                row.replyMode.set(REPLY_MODES.contains(first.mode()) ? first.mode() : MessageMode.TEXT);
                row.delay.set(Long.toString(first.delayMs()));
                row.target.set(first.to());
            }
            row.reply.set(String.join("\n" + SEPARATOR + "\n", replies.stream().map(MockReply::body).toList()));
            row.echo.set(rule.echo());
            row.closeCode.set(rule.close() == null ? "" : Integer.toString(rule.close().code()));
            row.faults.set(FaultText.format(rule.faults()));
        } finally {
            row.loading = false;
        }
        row.validate();
        row.original = rule;
        row.built = rule;
        return row;
    }

    /** The rule this row makes, or null while a field has a problem. */
    public MockRule rule() {
        return built;
    }

    /** The first problem of the row, or empty. */
    public String problem() {
        for (String p : List.of(whenProblem.get(), replyProblem.get(), otherProblem.get())) {
            if (!p.isEmpty()) {
                return p;
            }
        }
        return "";
    }

    private void validate() {
        Matcher matcher = null;
        byte[] prefix = null;
        String whenError = "";
        String value = when.get() == null ? "" : when.get();
        try {
            switch (whenKind.get()) {
                case ANY -> matcher = MockRule.any();
                case TEXT -> matcher = new Matcher(value, null, null, null, null, null, null, null, null);
                case CONTAINS -> matcher = new Matcher(null, value, null, null, null, null, null, null, null);
                case REGEX -> matcher = new Matcher(null, null, regex(value), null, null, null, null, null, null);
                case JSON -> matcher = new Matcher(null, null, null, PathConditions.parse(value), null, null, null,
                        null, null);
                case DECODED -> matcher = new Matcher(null, null, null, null, null, PathConditions.parse(value), null,
                        null, null);
                case BINARY_PREFIX -> {
                    prefix = hex(value);
                    matcher = new Matcher(null, null, null, null, null, null, null, null, true);
                }
            }
        } catch (IllegalArgumentException e) {
            whenError = e.getMessage();
        }
        whenProblem.set(whenError);
        whenText.set(whenKind.get() == WhenKind.ANY ? "any message" : whenKind.get() + " " + value);

        List<MockReply> replies = new ArrayList<>();
        String replyError = "";
        String otherError = "";
        long delayMs = 0;
        try {
            delayMs = Long.parseLong(delay.get().strip());
            if (delayMs < 0) {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            otherError = "Delay is a number of milliseconds (0 or more)";
        }
        List<String> bodies = bodies(reply.get());
        for (String body : bodies) {
            String p = replyProblem(replyMode.get(), body);
            if (p != null) {
                replyError = bodies.size() > 1 ? "Reply " + (replies.size() + 1) + ": " + p : p;
                break;
            }
            replies.add(new MockReply(replyMode.get(), body, null, null, Math.max(0, delayMs), target.get()));
        }
        replyProblem.set(replyError);
        replyText.set(bodies.isEmpty() ? (echo.get() ? "(echo)" : "(nothing)")
                : oneLine(bodies.get(0)) + (bodies.size() > 1 ? "  (+" + (bodies.size() - 1) + " more)" : ""));

        MockProfile.Close close = null;
        if (!closeCode.get().isBlank()) {
            try {
                int code = Integer.parseInt(closeCode.get().strip());
                if (code < 1000 || code > 4999) {
                    throw new NumberFormatException();
                }
                close = new MockProfile.Close(code, "");
            } catch (NumberFormatException e) {
                otherError = otherError.isEmpty() ? "A close code is 1000..4999" : otherError;
            }
        }
        List<dev.wsinspector.core.mock.Fault> faultList = List.of();
        try {
            faultList = FaultText.parse(faults.get());
        } catch (IllegalArgumentException e) {
            otherError = otherError.isEmpty() ? e.getMessage() : otherError;
        }
        otherProblem.set(otherError);
        built = whenError.isEmpty() && replyError.isEmpty() && otherError.isEmpty()
                ? new MockRule("", matcher, prefix, replies, echo.get(), close, faultList) : null;
    }

    private static Pattern regex(String value) {
        try {
            return Pattern.compile(value);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("Not a regex: " + e.getDescription()
                    + (e.getIndex() >= 0 ? " at " + (e.getIndex() + 1) : ""));
        }
    }

    private static byte[] hex(String value) {
        String h = value.replaceAll("\\s", "");
        if (h.isEmpty()) {
            throw new IllegalArgumentException("Write the bytes the message starts with in hex, e.g. 0a ff");
        }
        try {
            return HexFormat.of().parseHex(h);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Not hex: two digits 0-9 a-f a byte, e.g. 0a ff");
        }
    }

    /** Why {@code body} cannot be sent as {@code mode}, or null. */
    static String replyProblem(MessageMode mode, String body) {
        try {
            MockTemplates.check(body);
            if (MockTemplates.hasReferences(body)) {
                return null; // JSON and hex are checked once the variables are in
            }
        } catch (IllegalArgumentException e) {
            return "Template: " + e.getMessage();
        }
        switch (mode) {
            case JSON -> {
                try {
                    JSON.readTree(body);
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    return "Not JSON: " + e.getOriginalMessage();
                }
            }
            case HEX -> {
                try {
                    HexFormat.of().parseHex(body.replaceAll("\\s", ""));
                } catch (IllegalArgumentException e) {
                    return "Not hex: two digits 0-9 a-f a byte";
                }
            }
            case BASE64 -> {
                try {
                    java.util.Base64.getDecoder().decode(body.strip());
                } catch (IllegalArgumentException e) {
                    return "Not base64";
                }
            }
            default -> {
            }
        }
        return null;
    }

    private static List<String> bodies(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        return List.of(text.split("\\R" + SEPARATOR + "\\R", -1));
    }

    private static String oneLine(String s) {
        String flat = s.replaceAll("\\s*\\R\\s*", " ");
        return flat.length() > 120 ? flat.substring(0, 119) + "…" : flat;
    }

    /** The rule as it was loaded while unedited (keeps what the form cannot show), else the one built. */
    MockRule toSave() {
        return original != null ? original : built;
    }

    public ObjectProperty<WhenKind> whenKindProperty() {
        return whenKind;
    }

    public StringProperty whenProperty() {
        return when;
    }

    public ObjectProperty<MessageMode> replyModeProperty() {
        return replyMode;
    }

    public StringProperty replyProperty() {
        return reply;
    }

    public StringProperty delayProperty() {
        return delay;
    }

    public ObjectProperty<MockReply.Target> targetProperty() {
        return target;
    }

    public BooleanProperty echoProperty() {
        return echo;
    }

    public StringProperty closeCodeProperty() {
        return closeCode;
    }

    public StringProperty faultsProperty() {
        return faults;
    }

    /** The rule's number as users see it (1 = first); set by the table's model. */
    public IntegerProperty numberProperty() {
        return number;
    }

    public ReadOnlyStringProperty whenProblemProperty() {
        return whenProblem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty replyProblemProperty() {
        return replyProblem.getReadOnlyProperty();
    }

    /** Delay, close code or faults. */
    public ReadOnlyStringProperty otherProblemProperty() {
        return otherProblem.getReadOnlyProperty();
    }

    /** The When column. */
    public ReadOnlyStringProperty whenTextProperty() {
        return whenText.getReadOnlyProperty();
    }

    /** The Reply column: the first reply on one line. */
    public ReadOnlyStringProperty replyTextProperty() {
        return replyText.getReadOnlyProperty();
    }
}
