package io.ipguard.jaxrs.functional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipguard.jaxrs.IpGuardFeature;
import io.ipguard.jaxrs.IpSet;
import io.ipguard.jaxrs.WhitelistProvider;
import io.ipguard.jaxrs.testing.CapturedLog;
import io.ipguard.jaxrs.testing.Resources;
import io.ipguard.jaxrs.testing.TestServer;
import java.util.List;
import org.glassfish.hk2.utilities.binding.AbstractBinder;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.Test;

/** Faults inside the guard's parts refuse the request and say why; none lets it through. */
class FailClosedTest {

    /** Behaves at deployment, then misbehaves as {@link #mode} says. */
    static final class FaultyProvider implements WhitelistProvider {
        volatile String mode = "ok";
        private final IpSet everyone = IpSet.parse("0.0.0.0/0, ::/0", "test");

        @Override
        public IpSet group(String name) {
            return switch (mode) {
                case "throws" -> throw new IllegalStateException("list store down");
                case "null" -> null;
                case "set throws" -> address -> {
                    throw new IllegalStateException("broken set");
                };
                case "slow" -> {
                    try {
                        Thread.sleep(5_000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    yield everyone;
                }
                default -> everyone;
            };
        }

        @Override
        public String toString() {
            return "faulty provider";
        }
    }

    @Test
    void whenProviderIsSlow_thenTheTimeoutRefusesAndABurstIsLoggedOnce() throws Exception {
        FaultyProvider provider = new FaultyProvider();
        ResourceConfig app = new ResourceConfig(Resources.Admin.class)
                .register(IpGuardFeature.class)
                .property("ipguard.provider-timeout-millis", "200")
                .register(new AbstractBinder() {
                    @Override
                    protected void configure() {
                        bind(provider).to(WhitelistProvider.class);
                    }
                });
        try (TestServer server = TestServer.start(app); CapturedLog log = CapturedLog.of("io.ipguard.jaxrs")) {
            assertEquals(200, server.get("127.0.0.2", "/admin").status());
            provider.mode = "slow";
            for (int i = 0; i < 3; i++) {
                assertEquals(403, server.get("127.0.0.2", "/admin").status());
            }
            provider.mode = "throws";
            for (int i = 0; i < 20; i++) {
                assertEquals(403, server.get("127.0.0.2", "/admin").status());
            }

            List<String> refusals = log.messages().stream().filter(m -> m.startsWith("WARNING refused")).toList();
            assertEquals("WARNING refused GET /admin (Admin.get): guard error: java.lang.IllegalStateException: list "
                    + "provider faulty provider did not answer within 200 ms [peer 127.0.0.2]", refusals.get(0));
            // 20 identical faults: one line, or two if the burst straddles a second; never one per request.
            long storeDown = refusals.stream().filter(m -> m.contains("list store down")).count();
            assertTrue(storeDown >= 1 && storeDown <= 2, String.join("\n", refusals));
        }
    }

    @Test
    void whenProviderOrSetFails_thenRequestsAreRefusedAndLogged() throws Exception {
        FaultyProvider provider = new FaultyProvider();
        ResourceConfig app = new ResourceConfig(Resources.Admin.class)
                .register(IpGuardFeature.class)
                .register(new AbstractBinder() {
                    @Override
                    protected void configure() {
                        bind(provider).to(WhitelistProvider.class);
                    }
                });
        try (TestServer server = TestServer.start(app); CapturedLog log = CapturedLog.of("io.ipguard.jaxrs")) {
            assertEquals(200, server.get("127.0.0.2", "/admin").status());
            for (String mode : List.of("throws", "null", "set throws")) {
                provider.mode = mode;
                assertEquals(403, server.get("127.0.0.2", "/admin").status(), mode);
            }

            List<String> refusals = log.messages().stream().filter(m -> m.startsWith("WARNING refused")).toList();
            assertEquals(3, refusals.size(), String.join("\n", log.messages()));
            assertEquals("WARNING refused GET /admin (Admin.get): guard error: java.lang.IllegalStateException: list "
                    + "provider faulty provider failed: java.lang.IllegalStateException: list store down [peer 127.0.0.2]",
                    refusals.get(0));
            assertEquals("WARNING refused GET /admin (Admin.get): group \"admin\" is not defined [peer 127.0.0.2]",
                    refusals.get(1));
            assertTrue(refusals.get(2).contains("guard error: java.lang.IllegalStateException: broken set"), refusals.get(2));
        }
    }
}
