package io.ipguard.jaxrs.internal.address;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ListEntryTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "10.0.0.1/8          | \"10.0.0.1/8\" has host bits set; did you mean 10.0.0.0/8?",
        "192.168.1.77/24     | \"192.168.1.77/24\" has host bits set; did you mean 192.168.1.0/24?",
        "2001:db8::1/32      | \"2001:db8::1/32\" has host bits set; did you mean 2001:db8::/32?",
        "::ffff:10.0.0.1/104 | \"::ffff:10.0.0.1/104\" has host bits set; did you mean 10.0.0.0/8?",
        "::ffff:10.0.0.0/64  | \"::ffff:10.0.0.0/64\" has host bits set; did you mean ::/64?",
        "10.0.0.0/33         | \"10.0.0.0/33\" has an invalid prefix length; it must be 0-32 for IPv4",
        "10.0.0.0/-1         | \"10.0.0.0/-1\" is not an address, a CIDR block or a range",
        "10.0.0.0/08         | \"10.0.0.0/08\" has an invalid prefix length; it must be 0-32 for IPv4",
        "10.0.0.0/           | \"10.0.0.0/\" has an invalid prefix length; it must be 0-32 for IPv4",
        "::/129              | \"::/129\" has an invalid prefix length; it must be 0-128 for IPv6",
        "010.0.0.1           | \"010.0.0.1\" has an IPv4 octet with a leading zero, which is ambiguous (octal or decimal)",
        "example.com         | \"example.com\" is a hostname; only address literals are accepted (names are never resolved)",
        "localhost/8         | \"localhost/8\" is a hostname; only address literals are accepted (names are never resolved)",
        "fe80::1%eth0        | \"fe80::1%eth0\" has a zone id, which has no meaning in a list",
        "1.1                 | \"1.1\" is an abbreviated IPv4 address, which is not accepted; write 1.0.0.1",
        "127.1               | \"127.1\" is an abbreviated IPv4 address, which is not accepted; write 127.0.0.1",
        "10.1.2              | \"10.1.2\" is an abbreviated IPv4 address, which is not accepted; write 10.1.0.2",
        "10.1.70000          | \"10.1.70000\" is not an IP address",
        "3405803785          | \"3405803785\" is not an IP address",
        "127.1/8             | \"127.1/8\" is an abbreviated IPv4 address, which is not accepted; write the network's four octets, as in 127.0.0.0/8",
        "172.16/12           | \"172.16/12\" is an abbreviated IPv4 address, which is not accepted; write the network's four octets, as in 172.16.0.0/12",
        "!192.168.1/24       | \"!192.168.1/24\" is an abbreviated IPv4 address, which is not accepted; write the network's four octets, as in 192.168.1.0/24",
        "10.1/99             | \"10.1/99\" is an abbreviated IPv4 address, which is not accepted; write the network's four octets",
        "10.1.2-10.1.9       | \"10.1.2-10.1.9\" is an abbreviated IPv4 address, which is not accepted; write both ends with four octets",
        "0x7f.0.0.1          | \"0x7f.0.0.1\" is not an IP address",
        "1.2.3.4.5           | \"1.2.3.4.5\" is not an IP address",
        "１.2.3.4            | \"\\uff11.2.3.4\" is not an IP address", // a full-width digit, shown by its code
        "10.0.0.9-10.0.0.5   | \"10.0.0.9-10.0.0.5\" is an empty range: its first address is above its last",
        "10.0.0.1-::1        | \"10.0.0.1-::1\" mixes IPv4 and IPv6",
        "10.0.0.1-           | \"10.0.0.1-\" is not an IP address",
        "10.0.0.0/8-10.1.0.0 | \"10.0.0.0/8-10.1.0.0\" is not an address, a CIDR block or a range",
        "!                   | \"!\" is not an IP address",
        "!!10.0.0.1          | \"!!10.0.0.1\" is not an IP address",
    })
    void whenEntryIsInvalid_thenMessageQuotesItAndSaysWhy(String entry, String message) {
        ListEntry.InvalidEntryException e = assertThrows(ListEntry.InvalidEntryException.class, () -> ListEntry.parse(entry));

        assertEquals(message, e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "10.0.0.0/8            | false | true  | 0x0A000000 | 0x0AFFFFFF",
        "!10.0.0.7             | true  | true  | 0x0A000007 | 0x0A000007",
        "0.0.0.0/0             | false | true  | 0x00000000 | 0xFFFFFFFF",
        "10.0.0.5-10.0.0.9     | false | true  | 0x0A000005 | 0x0A000009",
        "::ffff:10.0.0.0/104   | false | true  | 0x0A000000 | 0x0AFFFFFF",
        "::ffff:10.0.0.1-::ffff:10.0.0.3 | false | true | 0x0A000001 | 0x0A000003",
        "1.2.3.4/32            | false | true  | 0x01020304 | 0x01020304",
    })
    void whenIpv4EntryIsValid_thenItIsTheExpectedRange(String entry, boolean exclusion, boolean ipv4,
                                                       String start, String end) throws Exception {
        ListEntry parsed = ListEntry.parse(entry);

        assertEquals(exclusion, parsed.exclusion());
        assertEquals(ipv4, parsed.ipv4());
        assertEquals(Long.decode(start), parsed.startLow());
        assertEquals(Long.decode(end), parsed.endLow());
    }

    @org.junit.jupiter.api.Test
    void whenIpv6BlockIsValid_thenItSpansTheBlock() throws Exception {
        ListEntry block = ListEntry.parse("2001:db8::/32");

        assertEquals(0x20010db8_00000000L, block.startHigh());
        assertEquals(0L, block.startLow());
        assertEquals(0x20010db8_ffffffffL, block.endHigh());
        assertEquals(-1L, block.endLow());
        assertEquals(false, block.ipv4());
    }
}
