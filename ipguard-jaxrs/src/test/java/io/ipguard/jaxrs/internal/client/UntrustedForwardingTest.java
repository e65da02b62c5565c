package io.ipguard.jaxrs.internal.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.ipguard.jaxrs.ClientAddress;
import io.ipguard.jaxrs.IpGuardFeature;
import io.ipguard.jaxrs.ListStatus;
import io.ipguard.jaxrs.internal.config.ConfigSnapshot;
import io.ipguard.jaxrs.internal.config.Forwarding;
import io.ipguard.jaxrs.internal.config.Setting;
import io.ipguard.jaxrs.testing.CapturedLog;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The warning about forwarding headers from peers that are not trusted proxies: what it says, and how often. */
class UntrustedForwardingTest {

    /** A clock the test moves by hand. */
    private static final class HandClock extends Clock {
        Instant now = Instant.parse("2026-11-30T12:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final HandClock clock = new HandClock();
    private final UntrustedForwarding untrusted = new UntrustedForwarding(clock, () -> true);
    private static final Forwarding NONE = Forwarding.PEER_ONLY;

    private static List<String> warnings(CapturedLog log) {
        return log.messages().stream().filter(m -> m.startsWith("WARNING ipguard: a request from")).toList();
    }

    @Test
    void whenAProxyNobodyConfiguredSendsXForwardedFor_thenOneWarningSaysWhatToSet() {
        try (CapturedLog log = CapturedLog.of(IpGuardFeature.class.getName())) {
            for (int i = 0; i < 5; i++) {
                untrusted.ignoredHeaders(new StubRequest().header("X-Forwarded-For", "203.0.113.9"),
                        ClientAddress.parse("127.0.0.1"), NONE);
            }

            assertEquals(List.of("WARNING ipguard: a request from 127.0.0.1 carries X-Forwarded-For, but "
                    + "ipguard.client-ip-header is not set, so the client is taken to be 127.0.0.1 itself; if 127.0.0.1 is "
                    + "a proxy, set ipguard.client-ip-header = X-Forwarded-For and ipguard.trusted-proxies to the address "
                    + "it connects from (docs/proxies.md)"), warnings(log));
        }
    }

    @Test
    void whenTheConfiguredHeaderComesFromAnUntrustedPeer_thenTheWarningNamesTheTrustedProxiesKey() throws Exception {
        Forwarding realIp = ConfigSnapshot.parse(List.of(new Setting("ipguard.client-ip-header", "X-Real-IP", null),
                new Setting("ipguard.trusted-proxies", "10.0.0.5", null))).forwarding();
        try (CapturedLog log = CapturedLog.of(IpGuardFeature.class.getName())) {
            untrusted.ignoredHeaders(new StubRequest().header("X-Real-IP", "203.0.113.9"), ClientAddress.parse("10.0.0.6"),
                    realIp);
            ListStatus status = untrusted.status();

            assertEquals(List.of("WARNING ipguard: a request from 10.0.0.6 carries X-Real-IP, but 10.0.0.6 is not in "
                    + "ipguard.trusted-proxies, so the header is ignored and the client is taken to be 10.0.0.6; if "
                    + "10.0.0.6 is your proxy, add it to ipguard.trusted-proxies (otherwise a client is sending the header "
                    + "itself)"), warnings(log));
            assertEquals("forwarding headers from peers that are not trusted proxies", status.source());
            assertEquals(1, status.version());
            assertEquals(clock.now, status.lastErrorAt().orElseThrow());
        }
    }

    @Test
    void whenWarningsRepeat_thenEachPeerAndHeaderIsNamedOnceInTenMinutesAndAtMostOneLineASecond() {
        try (CapturedLog log = CapturedLog.of(IpGuardFeature.class.getName())) {
            untrusted.ignoredHeaders(new StubRequest().header("Forwarded", "for=203.0.113.9"), ClientAddress.parse("127.0.0.1"),
                    NONE);
            // Another peer in the same second: held back, so a flood of peers cannot flood the log.
            untrusted.ignoredHeaders(new StubRequest().header("Forwarded", "for=x"), ClientAddress.parse("127.0.0.2"), NONE);
            clock.now = clock.now.plusSeconds(2);
            untrusted.ignoredHeaders(new StubRequest().header("Forwarded", "for=x"), ClientAddress.parse("127.0.0.2"), NONE);
            untrusted.ignoredHeaders(new StubRequest().header("Forwarded", "for=x"), ClientAddress.parse("127.0.0.1"), NONE);
            clock.now = clock.now.plusSeconds(11 * 60);
            untrusted.ignoredHeaders(new StubRequest().header("Forwarded", "for=x"), ClientAddress.parse("127.0.0.1"), NONE);

            assertEquals(3, warnings(log).size(), warnings(log).toString());
            assertEquals(3, untrusted.status().version());
        }
    }

    @Test
    void whenNoForwardingHeaderArrives_thenNothingIsSaid() {
        untrusted.ignoredHeaders(new StubRequest().header("X-Request-Id", "1"), ClientAddress.parse("127.0.0.1"), NONE);

        assertNull(untrusted.status());
    }
}
