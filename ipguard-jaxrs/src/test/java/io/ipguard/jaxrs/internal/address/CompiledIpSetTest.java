package io.ipguard.jaxrs.internal.address;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.ipguard.jaxrs.ClientAddress;
import io.ipguard.jaxrs.IpSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CompiledIpSetTest {

    private static boolean contains(String entries, String address) {
        return IpSet.parse(entries, "test").contains(ClientAddress.parse(address));
    }

    @ParameterizedTest(name = "{1} in [{0}] = {2}")
    @CsvSource(delimiter = '|', value = {
        // Block edges: first, last, one outside on each side.
        "10.0.0.0/8                 | 10.0.0.0          | true",
        "10.0.0.0/8                 | 10.255.255.255    | true",
        "10.0.0.0/8                 | 9.255.255.255     | false",
        "10.0.0.0/8                 | 11.0.0.0          | false",
        "0.0.0.0/0                  | 0.0.0.0           | true",
        "0.0.0.0/0                  | 255.255.255.255   | true",
        "128.0.0.0/1                | 127.255.255.255   | false",
        "128.0.0.0/1                | 128.0.0.0         | true",
        "255.255.255.255/32         | 255.255.255.255   | true",
        "255.255.255.254/31         | 255.255.255.253   | false",
        "192.168.1.2                | 192.168.1.2       | true",
        "192.168.1.2                | 192.168.1.3       | false",
        // Ranges that are not CIDR-aligned.
        "10.0.0.5-10.0.0.9          | 10.0.0.4          | false",
        "10.0.0.5-10.0.0.9          | 10.0.0.5          | true",
        "10.0.0.5-10.0.0.9          | 10.0.0.9          | true",
        "10.0.0.5-10.0.0.9          | 10.0.0.10         | false",
        "10.0.0.250-10.0.1.3        | 10.0.0.255        | true",
        "10.0.0.250-10.0.1.3        | 10.0.1.0          | true",
        // Exclusions win whatever their order, and split ranges.
        "10.0.0.0/8, !10.1.0.0/16   | 10.1.2.3          | false",
        "!10.1.0.0/16, 10.0.0.0/8   | 10.1.2.3          | false",
        "10.0.0.0/8, !10.1.0.0/16   | 10.0.255.255      | true",
        "10.0.0.0/8, !10.1.0.0/16   | 10.2.0.0          | true",
        "10.0.0.0/8, !10.0.0.0/8    | 10.0.0.1          | false",
        "10.0.0.0/8, !0.0.0.0/0     | 10.0.0.1          | false",
        "!10.0.0.1                  | 10.0.0.1          | false",
        "10.0.0.0/8, !10.0.0.0      | 10.0.0.0          | false",
        "10.0.0.0/8, !10.0.0.0      | 10.0.0.1          | true",
        "10.0.0.0/8, !10.255.255.255| 10.255.255.254    | true",
        "10.0.0.0/8, !10.255.255.255| 10.255.255.255    | false",
        // Overlapping, adjacent and nested blocks merge.
        "10.0.0.0/24, 10.0.1.0/24   | 10.0.1.255        | true",
        "10.0.0.0/16, 10.0.5.0/24   | 10.0.200.1        | true",
        "10.0.0.0-10.0.0.10, 10.0.0.5-10.0.0.20 | 10.0.0.15 | true",
        // IPv6 edges.
        "2001:db8::/32              | 2001:db8::        | true",
        "2001:db8::/32              | 2001:db8:ffff:ffff:ffff:ffff:ffff:ffff | true",
        "2001:db8::/32              | 2001:db7:ffff:ffff:ffff:ffff:ffff:ffff | false",
        "2001:db8::/32              | 2001:db9::        | false",
        "::/0                       | ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff | true",
        "8000::/1                   | 7fff:ffff:ffff:ffff:ffff:ffff:ffff:ffff | false",
        "2001:db8::1/128            | 2001:db8::1       | true",
        "2001:db8::1/128            | 2001:db8::2       | false",
        "2001:db8::ffff:ffff:ffff:fffe/127 | 2001:db8::ffff:ffff:ffff:ffff | true",
        "2001:db8:0:0:ffff:ffff:ffff:ffff-2001:db8:0:1::1 | 2001:db8:0:1:: | true",
        "2001:db8::/32, !2001:db8:1::/48 | 2001:db8:1::5 | false",
        "2001:db8::/32, !2001:db8:1::/48 | 2001:db8:2::5 | true",
        "2001:db8::/64, !2001:db8::     | 2001:db8::     | false",
        "2001:db8::/64, !2001:db8::     | 2001:db8::1    | true",
        // Families never mix.
        "0.0.0.0/0                  | ::1               | false",
        "::/0                       | 127.0.0.1         | true",
        "2001:db8::/32              | 32.1.13.184       | false",
        // IPv4-mapped IPv6 is IPv4, in lists and for clients alike.
        "10.0.0.0/8                 | ::ffff:10.1.2.3   | true",
        "::ffff:10.0.0.0/104        | 10.1.2.3          | true",
        "::ffff:10.1.2.3            | 10.1.2.3          | true",
        "::ffff:0:0/96              | 203.0.113.9       | true",
        "::ffff:0:0/96, !10.0.0.0/8 | 10.0.0.1          | false",
        "::/0, !::ffff:10.0.0.0/104 | 10.0.0.1          | false",
        "::/0, !::ffff:10.0.0.0/104 | 11.0.0.1          | true",
        // IPv4-compatible and NAT64 addresses are IPv6, not IPv4.
        "::10.1.2.3                 | 10.1.2.3          | false",
        "10.1.2.3                   | ::10.1.2.3        | false",
        "64:ff9b::/96               | 10.1.2.3          | false",
        // Empty groups hold nothing.
        "' '                        | 10.0.0.1          | false",
        "'  ,  , '                  | ::1               | false",
    })
    void whenAddressIsLookedUp_thenMembershipFollowsTheEntries(String entries, String address, boolean expected) {
        assertEquals(expected, contains(entries, address));
    }

    @Test
    void whenClientIsUnknown_thenItIsInNoSet() {
        assertFalse(IpSet.parse("0.0.0.0/0, ::/0", "test").contains(ClientAddress.unknown()));
    }

    @Test
    void whenEntriesHaveSpacesTabsAndEmptyElements_thenTheyAreIgnored() {
        IpSet set = IpSet.parse(" 10.0.0.1 ,\t10.0.0.2\t,,  ,", "test");

        assertEquals(true, set.contains(ClientAddress.parse("10.0.0.1")));
        assertEquals(true, set.contains(ClientAddress.parse("10.0.0.2")));
        assertEquals(false, set.contains(ClientAddress.parse("10.0.0.3")));
    }

    @Test
    void whenEntriesAreInvalid_thenEveryOneIsReportedWithItsSource() {
        io.ipguard.jaxrs.IpGuardConfigurationException e = org.junit.jupiter.api.Assertions.assertThrows(
                io.ipguard.jaxrs.IpGuardConfigurationException.class,
                () -> IpSet.parse("10.0.0.1, 1.1, 10.0.0.0/33, a b", "ipguard.group.x"));

        assertEquals(java.util.List.of(
                "ipguard.group.x: \"1.1\" is an abbreviated IPv4 address, which is not accepted; write 1.0.0.1",
                "ipguard.group.x: \"10.0.0.0/33\" has an invalid prefix length; it must be 0-32 for IPv4",
                "ipguard.group.x: \"a b\" is not an IP address"), e.problems());
        assertEquals("invalid ipguard configuration (3 problems):\n"
                + "  ipguard.group.x: \"1.1\" is an abbreviated IPv4 address, which is not accepted; write 1.0.0.1\n"
                + "  ipguard.group.x: \"10.0.0.0/33\" has an invalid prefix length; it must be 0-32 for IPv4\n"
                + "  ipguard.group.x: \"a b\" is not an IP address", e.getMessage());
    }
}
