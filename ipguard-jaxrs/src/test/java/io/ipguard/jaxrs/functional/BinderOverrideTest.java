package io.ipguard.jaxrs.functional;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ipguard.jaxrs.ClientAddress;
import io.ipguard.jaxrs.ClientIpResolver;
import io.ipguard.jaxrs.IpGuardFeature;
import io.ipguard.jaxrs.IpSet;
import io.ipguard.jaxrs.WhitelistProvider;
import io.ipguard.jaxrs.testing.Resources;
import io.ipguard.jaxrs.testing.TestServer;
import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.glassfish.hk2.utilities.binding.AbstractBinder;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.Test;

/** An application's HK2 bindings replace the default resolver and list provider. */
class BinderOverrideTest {

    /** Groups from code rather than properties. */
    public static class CodeListProvider implements WhitelistProvider {
        private final WhitelistProvider groups = WhitelistProvider.of(java.util.Map.of(
                "admin", IpSet.parse("127.0.0.4", "code")));

        @Override
        public IpSet group(String name) {
            return groups.group(name);
        }
    }

    /** Believes a header from anyone: only acceptable in a test. */
    public static class HeaderResolver implements ClientIpResolver {
        @Override
        public ClientAddress resolve(ContainerRequestContext request) {
            String value = request.getHeaderString("X-Test-Client");
            return value == null ? ClientAddress.unknown() : ClientAddress.parse(value);
        }
    }

    @Test
    void whenApplicationBindsListProvider_thenItReplacesProperties() throws Exception {
        ResourceConfig app = new ResourceConfig(Resources.Admin.class)
                .register(IpGuardFeature.class)
                .property("ipguard.group.admin", "127.0.0.2")
                .register(new AbstractBinder() {
                    @Override
                    protected void configure() {
                        bind(CodeListProvider.class).to(WhitelistProvider.class).in(Singleton.class);
                    }
                });
        try (TestServer server = TestServer.start(app)) {
            assertEquals(200, server.get("127.0.0.4", "/admin").status());
            assertEquals(403, server.get("127.0.0.2", "/admin").status());
        }
    }

    @Test
    void whenApplicationBindsResolver_thenGuardDecidesOnItsAnswer() throws Exception {
        ResourceConfig app = new ResourceConfig(Resources.Admin.class, Resources.Open.class)
                .register(IpGuardFeature.class)
                .property("ipguard.group.admin", "192.0.2.1")
                .register(new AbstractBinder() {
                    @Override
                    protected void configure() {
                        bind(HeaderResolver.class).to(ClientIpResolver.class).in(Singleton.class);
                    }
                });
        try (TestServer server = TestServer.start(app)) {
            assertEquals(200, server.get("127.0.0.5", "/admin", "X-Test-Client: 192.0.2.1").status());
            assertEquals(403, server.get("127.0.0.5", "/admin", "X-Test-Client: 192.0.2.2").status());
            // Its failure (no header, unparseable header) refuses rather than falling back.
            assertEquals(403, server.get("127.0.0.5", "/admin").status());
            assertEquals(403, server.get("127.0.0.5", "/admin", "X-Test-Client: nonsense").status());
            assertEquals("open 192.0.2.9", server.get("127.0.0.5", "/open", "X-Test-Client: 192.0.2.9").body());
        }
    }

    @Test
    void whenResolverThrowsOrReturnsNull_thenRequestIsRefused() throws Exception {
        ResourceConfig app = new ResourceConfig(Resources.Admin.class)
                .register(IpGuardFeature.class)
                .property("ipguard.group.admin", "0.0.0.0/0, ::/0")
                .register(new AbstractBinder() {
                    @Override
                    protected void configure() {
                        bind((ClientIpResolver) request -> {
                            if (request.getHeaderString("X-Null") != null) {
                                return null;
                            }
                            throw new IllegalStateException("resolver broke");
                        }).to(ClientIpResolver.class);
                    }
                });
        try (TestServer server = TestServer.start(app)) {
            assertEquals(403, server.get("127.0.0.2", "/admin").status());
            assertEquals(403, server.get("127.0.0.2", "/admin", "X-Null: 1").status());
        }
    }
}
