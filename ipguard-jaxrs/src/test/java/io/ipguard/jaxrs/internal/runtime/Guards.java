package io.ipguard.jaxrs.internal.runtime;

import io.ipguard.jaxrs.internal.client.DefaultClientIpResolver;
import io.ipguard.jaxrs.internal.client.PeerLookup;
import io.ipguard.jaxrs.internal.client.PeerSource;
import io.ipguard.jaxrs.internal.client.UntrustedForwarding;
import io.ipguard.jaxrs.internal.config.ConfigLoader;
import io.ipguard.jaxrs.internal.config.LiveWhitelistProvider;
import io.ipguard.jaxrs.internal.observe.DecisionMetrics;
import io.ipguard.jaxrs.internal.observe.MicrometerMetrics;
import io.ipguard.jaxrs.internal.observe.RefusalLog;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.time.Clock;
import java.util.List;

/** Guards built the way the feature builds them, for a peer the test chooses. */
final class Guards {

    private Guards() {
    }

    /**
     * A guard over the configuration, for requests whose TCP peer is always {@code peer}, with the
     * library's own resolver and lists; {@code metered}: decisions counted in a Micrometer registry.
     */
    static Gate guard(ConfigLoader loader, String peer, boolean metered) {
        PeerSource source = new PeerSource() {
            @Override
            public String container() {
                return "test";
            }

            @Override
            public boolean serves(ContainerRequestContext request) {
                return true;
            }

            @Override
            public String remoteAddress(ContainerRequestContext request) {
                return peer;
            }
        };
        PeerLookup peers = PeerLookup.of(source);
        UntrustedForwarding untrusted = new UntrustedForwarding(Clock.systemUTC());
        DecisionMetrics metrics = metered ? MicrometerMetrics.create(new SimpleMeterRegistry(), loader, untrusted)
                : DecisionMetrics.NONE;
        return new Gate(new DefaultClientIpResolver(peers, loader.live(), untrusted), new LiveWhitelistProvider(loader.live()),
                loader.live(), new RefusalLog(System.getLogger("test"), System::nanoTime), peers, List.of(), null, metrics);
    }
}
