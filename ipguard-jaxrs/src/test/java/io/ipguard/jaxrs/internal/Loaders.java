package io.ipguard.jaxrs.internal;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Loads a configuration the way an application does, from key-value pairs as application properties. */
final class Loaders {

    private Loaders() {
    }

    /** The configuration of {@code keyValues} (key, value, key, value, ...), with {@code configFile} over it if not null. */
    static ConfigLoader load(Path configFile, String... keyValues) {
        Map<String, Setting> settings = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            settings.put(keyValues[i], new Setting(keyValues[i], keyValues[i + 1], null));
        }
        return ConfigLoader.load(settings, configFile, List.of(), Clock.systemUTC());
    }

    /**
     * A guard over the configuration, for requests whose TCP peer is always {@code peer}, with the
     * library's own resolver and lists; {@code metered}: decisions counted in a Micrometer registry.
     */
    static Guard guard(ConfigLoader loader, String peer, boolean metered) {
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
        GuardMetrics metrics = metered ? MicrometerMetrics.create(new SimpleMeterRegistry(), loader, untrusted)
                : GuardMetrics.NONE;
        return new Guard(new DefaultClientIpResolver(peers, loader.live(), untrusted), new LiveWhitelistProvider(loader.live()),
                loader.live(), new RefusalLog(System.getLogger("test"), System::nanoTime), peers, List.of(), null, metrics);
    }
}
