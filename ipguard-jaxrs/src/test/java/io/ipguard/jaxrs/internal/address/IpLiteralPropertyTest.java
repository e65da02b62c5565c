package io.ipguard.jaxrs.internal.address;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipguard.jaxrs.ClientAddress;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Generated addresses: formatting then parsing gives the same address, the text is RFC 5952's
 * (checked against a deliberately simple reference formatter), and every non-canonical spelling
 * of the same address parses to it.
 */
class IpLiteralPropertyTest {

    /** 20,000 per property; {@code -Dipguard.property-scale=N} runs N times as many. */
    private static final int CASES = 20_000 * Integer.getInteger("ipguard.property-scale", 1);

    /** RFC 5952 the slow way: try every run of zero groups, keep the first longest of two or more. */
    private static String referenceFormat(int[] groups) {
        int bestStart = -1;
        int bestLength = 0;
        for (int start = 0; start < 8; start++) {
            int length = 0;
            while (start + length < 8 && groups[start + length] == 0) {
                length++;
            }
            if (length >= 2 && length > bestLength) {
                bestStart = start;
                bestLength = length;
            }
        }
        StringBuilder out = new StringBuilder();
        for (int g = 0; g < 8; g++) {
            if (g == bestStart) {
                out.append("::");
                g += bestLength - 1;
                continue;
            }
            if (out.length() > 0 && !out.toString().endsWith(":")) {
                out.append(':');
            }
            out.append(Integer.toHexString(groups[g]));
        }
        return out.toString();
    }

    private static int[] randomGroups(Random random) {
        int[] groups = new int[8];
        for (int g = 0; g < 8; g++) {
            // Many zeros, so that runs of every length and position occur.
            groups[g] = random.nextInt(3) == 0 ? random.nextInt(0x10000) : 0;
        }
        if (groups[0] == 0 && groups[1] == 0 && groups[2] == 0 && groups[3] == 0 && groups[4] == 0 && groups[5] == 0xffff) {
            groups[5] = 0xfffe;
        }
        return groups;
    }

    @Test
    void whenIpv6IsFormatted_thenItIsRfc5952AndParsesBack() {
        Random random = new Random(5952);
        for (int n = 0; n < CASES; n++) {
            int[] groups = randomGroups(random);
            long high = 0;
            long low = 0;
            for (int g = 0; g < 4; g++) {
                high = (high << 16) | groups[g];
                low = (low << 16) | groups[g + 4];
            }
            ClientAddress address = Addresses.ofIpv6(high, low);
            String text = address.toString();

            assertEquals(referenceFormat(groups), text);
            assertEquals(address, ClientAddress.parse(text));
            assertEquals(address, ClientAddress.parse(fullForm(groups, random)), "full form of " + text);
        }
    }

    /** Every group written out, in random case and with random leading zeros. */
    private static String fullForm(int[] groups, Random random) {
        StringBuilder out = new StringBuilder();
        for (int g = 0; g < 8; g++) {
            String hex = Integer.toHexString(groups[g]);
            hex = "0".repeat(random.nextInt(5 - hex.length())) + hex;
            out.append(g == 0 ? "" : ":").append(random.nextBoolean() ? hex.toUpperCase() : hex);
        }
        return out.toString();
    }

    @Test
    void whenIpv4IsFormatted_thenItParsesBackAndNonStrictSpellingsAreRejected() {
        Random random = new Random(791);
        for (int n = 0; n < CASES; n++) {
            int bits = random.nextInt();
            ClientAddress address = Addresses.ofIpv4(bits);
            String text = address.toString();
            int first = bits >>> 24;

            assertEquals(address, ClientAddress.parse(text));
            assertEquals(address, ClientAddress.parse("::ffff:" + text));
            assertEquals(address, ClientAddress.parse("::FFFF:" + Integer.toHexString(bits >>> 16) + ":"
                    + Integer.toHexString(bits & 0xffff)));
            // inet_aton's other spellings of the same address: octal, hex, shorthand, a bare integer.
            assertNull(Addresses.parse("0" + text, 0, text.length() + 1, false));
            assertNull(Addresses.parse("0x" + text, 0, text.length() + 2, false));
            String shorthand = first + "." + (bits & 0xffffff);
            assertNull(Addresses.parse(shorthand, 0, shorthand.length(), false));
            String integer = Long.toString(bits & 0xffffffffL);
            assertNull(Addresses.parse(integer, 0, integer.length(), false));
        }
    }

    /** A deliberately simple strict validator, by splitting strings rather than scanning characters. */
    static boolean referenceAccepts(String text) {
        if (!text.contains(":")) {
            return referenceIpv4(text);
        }
        int gap = text.indexOf("::");
        if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
            return false;
        }
        if (gap < 0) {
            return groups(text, true) == 8;
        }
        String left = text.substring(0, gap);
        String right = text.substring(gap + 2);
        int l = left.isEmpty() ? 0 : groups(left, false);
        int r = right.isEmpty() ? 0 : groups(right, true);
        return l >= 0 && r >= 0 && l + r <= 7;
    }

    /** The number of 16-bit groups in a colon-separated run (an IPv4 tail counts two), or -1. */
    private static int groups(String run, boolean ipv4TailAllowed) {
        String[] parts = run.split(":", -1);
        int count = 0;
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (i == parts.length - 1 && ipv4TailAllowed && part.contains(".")) {
                if (!referenceIpv4(part)) {
                    return -1;
                }
                count += 2;
            } else if (part.matches("[0-9a-fA-F]{1,4}")) {
                count++;
            } else {
                return -1;
            }
        }
        return count;
    }

    private static boolean referenceIpv4(String text) {
        if (!text.matches("(0|[1-9][0-9]{0,2})(\\.(0|[1-9][0-9]{0,2})){3}")) {
            return false;
        }
        for (String octet : text.split("\\.")) {
            if (Integer.parseInt(octet) > 255) {
                return false;
            }
        }
        return true;
    }

    @Test
    void whenValidTextIsMutated_thenTheParserAcceptsExactlyWhatTheReferenceAccepts() {
        Random random = new Random(4291);
        String alphabet = "0123456789abcdefABCDEFgx:.%[]- /\u0661\uff10";
        int accepted = 0;
        for (int n = 0; n < CASES; n++) {
            StringBuilder text = new StringBuilder(random.nextBoolean()
                    ? Addresses.ofIpv4(random.nextInt()).toString()
                    : fullForm(randomGroups(random), random));
            if (random.nextInt(3) == 0) {
                String canonical = ClientAddress.parse(text.toString()).toString();
                text.setLength(0);
                text.append(canonical);
            }
            for (int edits = random.nextInt(3); edits > 0 && text.length() > 0; edits--) {
                int at = random.nextInt(text.length());
                char c = alphabet.charAt(random.nextInt(alphabet.length()));
                switch (random.nextInt(3)) {
                    case 0 -> text.insert(at, c);
                    case 1 -> text.deleteCharAt(at);
                    default -> text.setCharAt(at, c);
                }
            }
            String candidate = text.toString();
            boolean expected = referenceAccepts(candidate);
            accepted += expected ? 1 : 0;

            assertEquals(expected, Addresses.parse(candidate, 0, candidate.length(), false) != null, candidate);
        }
        assertTrue(accepted > CASES / 4 && accepted < CASES, "accepted " + accepted + " of " + CASES);
    }
}
