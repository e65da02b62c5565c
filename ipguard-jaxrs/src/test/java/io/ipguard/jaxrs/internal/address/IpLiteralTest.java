package io.ipguard.jaxrs.internal.address;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipguard.jaxrs.ClientAddress;
import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IpLiteralTest {

    private static ClientAddress parse(String text, boolean allowZone) {
        return Addresses.parse(text, 0, text.length(), allowZone);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "0.0.0.0                       | 0.0.0.0",
        "10.1.2.3                      | 10.1.2.3",
        "255.255.255.255               | 255.255.255.255",
        "::                            | ::",
        "::1                           | ::1",
        "2001:db8::1                   | 2001:db8::1",
        "2001:DB8:0:0:0:0:0:1          | 2001:db8::1",
        "2001:0db8:0000:0000:0000:0000:0000:0001 | 2001:db8::1",
        "1:2:3:4:5:6:7:8               | 1:2:3:4:5:6:7:8",
        "1::                           | 1::",
        "1:2:3:4:5:6:7::               | 1:2:3:4:5:6:7:0",
        "::2:3:4:5:6:7:8               | 0:2:3:4:5:6:7:8",
        "2001:db8:0:0:1:0:0:1          | 2001:db8::1:0:0:1",
        "2001:0:0:1:0:0:0:1            | 2001:0:0:1::1",
        "fe80::1:2.3.4.5               | fe80::1:203:405",
        "1:2:3:4:5:6:1.2.3.4           | 1:2:3:4:5:6:102:304",
        "::ffff:10.1.2.3               | 10.1.2.3",
        "::FFFF:10.1.2.3               | 10.1.2.3",
        "0:0:0:0:0:ffff:a01:203        | 10.1.2.3",
        "::ffff:0a01:0203              | 10.1.2.3",
        "::10.1.2.3                    | ::a01:203",
        "64:ff9b::10.1.2.3             | 64:ff9b::a01:203",
    })
    void whenLiteralIsValid_thenItParsesToItsCanonicalForm(String text, String canonical) {
        assertEquals(canonical, parse(text, false).toString());
    }

    @ParameterizedTest(name = "\"{0}\" is rejected")
    @ValueSource(strings = {
        "", " ", "010.0.0.1", "10.0.0.01", "00.0.0.0", "1.1", "127.1", "1.2.3", "0x7f.0.0.1", "1.2.3.4.5",
        "256.0.0.1", "1.2.3.4 ", " 1.2.3.4", "1.2.3.", ".1.2.3", "1..2.3", "1.2.3.-1", "+1.2.3.4",
        "１.２.３.４", "1.2.3.٤", "1.2.3.1000", "4294967295", "localhost", "example.com",
        ":", ":::", "1:::2", "1::2::3", ":1::", "::1:", "1:2:3:4:5:6:7", "1:2:3:4:5:6:7:8:9",
        "1:2:3:4:5:6:7:8::", "::1:2:3:4:5:6:7:8", "12345::", "g::1", "::ffff:1.2.3", "::ffff:01.2.3.4",
        "::1.2.3.4:5", "1.2.3.4::", "[::1]", "1:2:3:4:5:6:7:1.2.3.4", "::１", "1.2.3.4%eth0",
    })
    void whenTextIsNotStrictLiteral_thenItIsRejected(String text) {
        assertNull(parse(text, true));
    }

    @ParameterizedTest
    @CsvSource({"fe80::1%eth0, fe80::1", "fe80::1%1, fe80::1", "::ffff:1.2.3.4%en0, 1.2.3.4",
        "fe80::1%A-Z.a_z~09, fe80::1", "fe80::1%Z, fe80::1", "fe80::1%z, fe80::1", "fe80::1%0, fe80::1", "fe80::1%9, fe80::1"})
    void whenZoneIsAllowed_thenItIsDropped(String text, String address) {
        assertEquals(address, parse(text, true).toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"fe80::1%eth0"})
    void whenZoneIsNotAllowed_thenItIsRejected(String text) {
        assertNull(parse(text, false));
    }

    @ParameterizedTest
    @ValueSource(strings = {"fe80::1%", "fe80::1%a b", "fe80::1%%", "fe80::1%a/b", "fe80::1%a:b", "fe80::1%@", "fe80::1%[",
        "fe80::1%`", "fe80::1%{", "fe80::1%\u00e9", "fe80::1%a,b"})
    void whenZoneIsMalformed_thenItIsRejectedEvenWhereZonesAreAllowed(String text) {
        assertNull(parse(text, true));
    }

    @org.junit.jupiter.api.Test
    void whenAddressesAreEqual_thenTheirHashesAreToo() {
        ClientAddress mapped = ClientAddress.parse("::ffff:10.1.2.3");
        ClientAddress plain = ClientAddress.parse("10.1.2.3");

        org.junit.jupiter.api.Assertions.assertEquals(plain, mapped);
        org.junit.jupiter.api.Assertions.assertEquals(plain.hashCode(), mapped.hashCode());
        org.junit.jupiter.api.Assertions.assertNotEquals(plain, ClientAddress.parse("::10.1.2.3"));
        org.junit.jupiter.api.Assertions.assertNotEquals(plain.hashCode(), ClientAddress.parse("::a01:203").hashCode());
        org.junit.jupiter.api.Assertions.assertNotEquals(ClientAddress.unknown(), ClientAddress.parse("0.0.0.0"));
        org.junit.jupiter.api.Assertions.assertNotEquals(plain, "10.1.2.3");
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.1.2.3", "2001:db8::1", "::1", "255.255.255.255", "fe80::abcd:1"})
    void whenAddressConvertsToInetAddress_thenBytesAgree(String text) throws Exception {
        ClientAddress address = ClientAddress.parse(text);

        InetAddress inet = address.toInetAddress().orElseThrow();

        assertEquals(address, ClientAddress.of(inet));
    }

    @org.junit.jupiter.api.Test
    void whenPublicParseGetsGarbage_thenItSaysWhat() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ClientAddress.parse("host"));

        assertEquals("not an IP address literal: \"host\"", e.getMessage());
        assertTrue(ClientAddress.parse("::ffff:1.2.3.4").isIpv4());
    }
}
