package io.ipguard.jaxrs.internal.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class LogTextTest {

    @Test
    void whenHeaderHasControlQuoteOrNonAsciiCharacters_thenTheyAreEscaped() {
        assertEquals("\"a\\u000d\\u000aWARNING: forged\\u0022 \\u005c \\u0663\"",
                LogText.quote(List.of("a\r\nWARNING: forged\" \\ \u0663")));
    }

    @Test
    void whenHeaderIsLong_thenAtMostTheBudgetIsShownWithItsLength() {
        String quoted = LogText.quote(List.of("1".repeat(200), "2".repeat(100), "3"));

        assertEquals("\"" + "1".repeat(200) + "\" \"" + "2".repeat(56) + "\"...(100 chars) \"\"...(1 chars)", quoted);
    }
}
