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

    @Test
    void whenHeaderBytesAreUtf8_thenTheCharactersTheyEncodeAreShownNotOneLatin1CharacterPerByte() {
        // "é" and "€" sent as UTF-8, as a container hands them over: one ISO-8859-1 character per byte.
        String received = new String("é €".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                java.nio.charset.StandardCharsets.ISO_8859_1);

        assertEquals("\"\\u00e9 \\u20ac\"", LogText.quote(List.of(received)));
    }

    @Test
    void whenHeaderBytesAreNotUtf8_thenTheyAreShownAsBytes() {
        assertEquals("\"caf\\xe9 \\xff\\x80\"", LogText.quote(List.of("caf\u00e9 \u00ff\u0080")));
    }

    @Test
    void whenOperatorTextIsShown_thenAsciiReadsAsWrittenQuotesAndBackslashesEscapedAndEveryOtherCharacterByCode() {
        assertEquals("\\\"127.0.0.1\\\" \\\\u0031", LogText.shown("\"127.0.0.1\" \\u0031", 100));
        assertEquals("a\\u000ab\\u202e \\uff11 \\u00e9", LogText.shown("a\nb\u202e \uff11 \u00e9", 100));
        assertEquals("1234...(6 chars)", LogText.shown("123456", 4));
    }
}
