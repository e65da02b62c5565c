package io.ipguard.jaxrs.internal.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ipguard.jaxrs.ClientAddress;
import io.ipguard.jaxrs.IpSet;
import io.ipguard.jaxrs.internal.address.Addresses;
import io.ipguard.jaxrs.internal.address.IpLiteral;
import io.ipguard.jaxrs.internal.config.Forwarding;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Compares the walk with a deliberately simple reference over generated chains. The generator
 * knows what each element it writes means (an address, or not one), so the reference never
 * parses: it walks that meaning from the right.
 */
class ForwardedClientDifferentialTest {

    /** 4,000 chains per header; {@code -Dipguard.property-scale=N} runs N times as many. */
    private static final int CASES = 4000 * Integer.getInteger("ipguard.property-scale", 1);
    private static final String[] POOL_V4 = {"10.0.0.1", "10.0.0.2", "192.0.2.7", "198.51.100.1", "203.0.113.9", "127.0.0.1"};
    private static final String[] POOL_V6 = {"2001:db8::1", "2001:db8::2", "fe80::1", "2001:db8:0:1::5"};
    private static final String[] GARBAGE = {"unknown", "1.2.3", "010.1.1.1", "x", "1.2.3.4:0", "1.2.3.4.5", "::g", "[1.2.3.4]"};

    /** One written element: its text and the address it means, or null if it means none. */
    private record Element(String text, String meaning) {
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"X-Forwarded-For", "Forwarded"})
    void whenChainsAreGenerated_thenWalkAgreesWithReference(String header) {
        Random random = new Random(20261124L + header.length());
        boolean forwarded = header.equals("Forwarded");
        for (int n = 0; n < CASES; n++) {
            Set<String> trustedAddresses = new HashSet<>();
            StringBuilder trustedEntries = new StringBuilder();
            for (String a : concat(POOL_V4, POOL_V6)) {
                if (random.nextInt(3) == 0) {
                    trustedAddresses.add(a);
                    trustedEntries.append(a).append(',');
                }
            }
            List<Element> chain = new ArrayList<>();
            int length = random.nextInt(random.nextInt(10) == 0 ? 30 : 6);
            for (int i = 0; i < length; i++) {
                chain.add(forwarded ? forwardedElement(random) : xffElement(random));
            }
            if (random.nextInt(15) == 0 && !trustedAddresses.isEmpty()) {
                // Long chains of trusted proxies, around the hop limit.
                List<String> pool = new ArrayList<>(trustedAddresses);
                for (int i = 18 + random.nextInt(6); i > 0; i--) {
                    String a = pool.get(random.nextInt(pool.size()));
                    chain.add(new Element(forwarded ? "for=\"" + (a.contains(":") ? "[" + a + "]" : a) + "\"" : a, a));
                }
            }
            List<String> lines = split(chain, random);
            IpSet trusted = IpSet.parse(trustedEntries.toString(), "trusted");
            int hops = random.nextInt(4) == 0 ? 1 + random.nextInt(4) : 0;
            Forwarding forwarding = new Forwarding(Forwarding.Kind.valueOf(forwarded ? "FORWARDED" : "X_FORWARDED_FOR"),
                    header, hops > 0 ? IpSet.empty() : trusted, hops);
            String expected = hops > 0 ? referenceHops(chain, lines, hops) : referenceWalk(chain, trustedAddresses, lines);

            String actual = ForwardedClient.resolve(lines, forwarding, ClientAddress.parse("10.0.0.2")).toString();

            assertEquals(expected, actual, "case " + n + ": " + header + " " + lines + ", trusted " + trustedAddresses
                    + (hops > 0 ? ", hops " + hops : ""));
        }
    }

    private static String referenceWalk(List<Element> chain, Set<String> trusted, List<String> lines) {
        List<Element> present = chain.stream().filter(e -> !e.text().isBlank()).toList();
        if (lines == null || present.isEmpty()) {
            return "10.0.0.2";
        }
        for (int i = present.size() - 1, seen = 0; i >= 0; i--, seen++) {
            if (seen == Forwarding.MAX_HOPS) {
                return "unknown";
            }
            String meaning = present.get(i).meaning();
            if (meaning == null) {
                return "unknown";
            }
            if (!trusted.contains(meaning)) {
                return meaning;
            }
        }
        return present.get(0).meaning();
    }

    private static String referenceHops(List<Element> chain, List<String> lines, int hops) {
        List<Element> present = chain.stream().filter(e -> !e.text().isBlank()).toList();
        if (lines == null || present.size() < hops) {
            return "unknown";
        }
        for (int i = 1; i <= hops; i++) {
            if (present.get(present.size() - i).meaning() == null) {
                return "unknown";
            }
        }
        return present.get(present.size() - hops).meaning();
    }

    private static Element xffElement(Random random) {
        int kind = random.nextInt(10);
        String blank = random.nextInt(4) == 0 ? " \t".substring(random.nextInt(2)) : "";
        if (kind == 0) {
            return new Element(blank + GARBAGE[random.nextInt(GARBAGE.length)] + blank, null);
        }
        if (kind == 1) {
            return new Element(blank, null);
        }
        if (kind <= 5) {
            String a = POOL_V4[random.nextInt(POOL_V4.length)];
            String text = switch (random.nextInt(3)) {
                case 0 -> a + ":" + (1 + random.nextInt(65535));
                case 1 -> "::ffff:" + a;
                default -> a;
            };
            return new Element(blank + text + blank, a);
        }
        String a = POOL_V6[random.nextInt(POOL_V6.length)];
        String text = switch (random.nextInt(4)) {
            case 0 -> "[" + a + "]:" + (1 + random.nextInt(65535));
            case 1 -> "[" + a.toUpperCase() + "]";
            case 2 -> expand(a);
            default -> a;
        };
        return new Element(blank + text + blank, a);
    }

    private static Element forwardedElement(Random random) {
        int kind = random.nextInt(10);
        String extra = random.nextInt(3) == 0 ? ";proto=https" : "";
        String name = random.nextBoolean() ? "for" : "For";
        if (kind == 0) {
            String bad = switch (random.nextInt(4)) {
                case 0 -> "for=unknown";
                case 1 -> "for=_hidden";
                case 2 -> "proto=http";
                default -> "for=\"2001:db8::1\"";
            };
            return new Element(bad + extra, null);
        }
        if (kind == 1) {
            return new Element(" ", null);
        }
        if (kind <= 5) {
            String a = POOL_V4[random.nextInt(POOL_V4.length)];
            String value = switch (random.nextInt(3)) {
                case 0 -> "\"" + a + ":" + (1 + random.nextInt(65535)) + "\"";
                case 1 -> "\"" + a + "\"";
                default -> a;
            };
            return new Element(extra.isEmpty() ? name + "=" + value : "by=x;" + name + "=" + value + extra, a);
        }
        String a = POOL_V6[random.nextInt(POOL_V6.length)];
        String value = random.nextBoolean() ? "\"[" + a + "]\"" : "\"[" + a + "]:" + (1 + random.nextInt(65535)) + "\"";
        return new Element(name + "=" + value + extra, a);
    }

    private static String expand(String v6) {
        return IpLiteral.formatIpv6(0, 0).isEmpty() ? v6 : fullForm(ClientAddress.parse(v6));
    }

    private static String fullForm(ClientAddress a) {
        StringBuilder out = new StringBuilder();
        for (int g = 0; g < 8; g++) {
            long word = g < 4 ? Addresses.high(a) : Addresses.low(a);
            out.append(g == 0 ? "" : ":").append(String.format("%04x", (word >>> (48 - 16 * (g % 4))) & 0xffff));
        }
        return out.toString();
    }

    /** Writes the chain as one to three field lines, or as an absent header (null) now and then. */
    private static List<String> split(List<Element> chain, Random random) {
        if (chain.isEmpty() && random.nextBoolean()) {
            return null;
        }
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < chain.size(); i++) {
            if (line.length() > 0 || (i > 0 && !lines.isEmpty())) {
                if (random.nextInt(5) == 0 && line.length() > 0) {
                    lines.add(line.toString());
                    line.setLength(0);
                } else if (line.length() > 0 || i > 0) {
                    line.append(',');
                }
            }
            line.append(chain.get(i).text());
        }
        lines.add(line.toString());
        return lines;
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = new String[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
