package dev.wsinspector.core.compose;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MessageParserTest {

    @Test
    void textIsSentAsUtf8() {
        ComposedMessage m = MessageParser.parse(MessageMode.TEXT, "héllo");
        assertThat(m.binary()).isFalse();
        assertThat(m.bytes()).hasSize(6);
        assertThat(m.text()).isEqualTo("héllo");
    }

    @Test
    void jsonErrorsSayWhere() {
        assertThat(MessageParser.problem(MessageMode.JSON, "{\"a\":1}")).isNull();
        assertThat(MessageParser.problem(MessageMode.JSON, "{\n  \"a\": tru\n}"))
                .startsWith("Invalid JSON at line 2, column");
        assertThat(MessageParser.problem(MessageMode.JSON, "  ")).isEqualTo("JSON is empty");
    }

    @ParameterizedTest
    @ValueSource(strings = {"00 01 fe FF", "0001feff", "0x00,0x01,0xfe,0xff", "00:01:fe:ff", "00 01\nfe ff"})
    void hexAcceptsCommonSpellings(String input) {
        ComposedMessage m = MessageParser.parse(MessageMode.HEX, input);
        assertThat(m.binary()).isTrue();
        assertThat(m.bytes()).containsExactly(0x00, 0x01, 0xfe, 0xff);
    }

    @Test
    void badHexIsExplained() {
        assertThatThrownBy(() -> MessageParser.parse(MessageMode.HEX, "00 0g"))
                .hasMessage("Hex: 'g' at position 5 is not a hex digit");
        assertThatThrownBy(() -> MessageParser.parse(MessageMode.HEX, "00 1 ff"))
                .hasMessageContaining("odd digit at position 4");
        assertThatThrownBy(() -> MessageParser.parse(MessageMode.HEX, "abc"))
                .hasMessageContaining("odd digit at position 3");
    }

    @Test
    void base64StandardAndUrlSafe() {
        assertThat(MessageParser.parse(MessageMode.BASE64, "AAH+/w==").bytes()).containsExactly(0, 1, 0xfe, 0xff);
        assertThat(MessageParser.parse(MessageMode.BASE64, "AAH-_w").bytes()).containsExactly(0, 1, 0xfe, 0xff);
        assertThat(MessageParser.problem(MessageMode.BASE64, "A*B")).startsWith("Base64: ");
    }

    @Test
    void formatJsonPrettyPrints() {
        assertThat(MessageParser.formatJson("{\"a\":[1,2]}")).contains("\n").contains("\"a\" : [ 1, 2 ]");
        assertThatThrownBy(() -> MessageParser.formatJson("{")).isInstanceOf(MessageParser.InvalidInputException.class);
    }

    @Test
    void contentAfterTheFirstJsonValueIsAnErrorThatSaysWhere() {
        String message = "Invalid JSON at line 1, column 9: content after the JSON value ('this is not json')";
        assertThat(MessageParser.problem(MessageMode.JSON, "{\"a\":1} this is not json")).isEqualTo(message);
        assertThatThrownBy(() -> MessageParser.formatJson("{\"a\":1} this is not json")).hasMessage(message);
        assertThat(MessageParser.problem(MessageMode.JSON, "{\"a\":1}\n  {\"b\":2}"))
                .isEqualTo("Invalid JSON at line 2, column 3: content after the JSON value ('{\"b\":2}')");
        assertThat(MessageParser.problem(MessageMode.JSON, "[1] 2")).startsWith("Invalid JSON at line 1, column 5: ");
        assertThat(MessageParser.problem(MessageMode.JSON, " {\"a\":1} \n\t ")).isNull();
        assertThat(MessageParser.formatJson("{\"a\":1}\n")).contains("\"a\" : 1");
    }
}
