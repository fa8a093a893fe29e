package dev.wsinspector.core.proxy;

import dev.wsinspector.core.session.HttpHeader;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HeaderRuleTest {

    private static final List<HttpHeader> HEADERS = List.of(new HttpHeader("Host", "a"),
            new HttpHeader("Cookie", "x=1"), new HttpHeader("X-Many", "1"), new HttpHeader("x-many", "2"));

    @Test
    void setReplacesEveryHeaderOfTheNameInPlaceOfTheFirstAndAddsWhenAbsent() {
        List<HttpHeader> out = HeaderRule.apply(List.of(HeaderRule.set(HeaderRule.Side.REQUEST, "X-MANY: 3"),
                HeaderRule.set(HeaderRule.Side.REQUEST, "Authorization: Bearer t")), HeaderRule.Side.REQUEST, HEADERS);
        assertThat(out).extracting(HttpHeader::toString).containsExactly("Host: a", "Cookie: x=1", "X-MANY: 3",
                "Authorization: Bearer t");
    }

    @Test
    void addAppendsRemoveTakesEveryOneAndTheOtherSidesRulesAreSkipped() {
        List<HttpHeader> out = HeaderRule.apply(List.of(HeaderRule.remove(HeaderRule.Side.REQUEST, "x-many"),
                HeaderRule.add(HeaderRule.Side.REQUEST, "Cookie: y=2"),
                HeaderRule.remove(HeaderRule.Side.RESPONSE, "Host")), HeaderRule.Side.REQUEST, HEADERS);
        assertThat(out).extracting(HttpHeader::toString).containsExactly("Host: a", "Cookie: x=1", "Cookie: y=2");
    }

    @Test
    void badRulesAreRefusedWithAReadableMessage() {
        assertThatThrownBy(() -> HeaderRule.set(HeaderRule.Side.REQUEST, "no colon"))
                .hasMessageContaining("Name: value");
        assertThatThrownBy(() -> new HeaderRule(HeaderRule.Side.REQUEST, HeaderRule.Action.ADD, "Bad Name", "v"))
                .hasMessageContaining("Invalid header name");
        assertThatThrownBy(() -> new HeaderRule(HeaderRule.Side.REQUEST, HeaderRule.Action.ADD, "X", "a\r\nEvil: 1"))
                .hasMessageContaining("line break");
    }
}
