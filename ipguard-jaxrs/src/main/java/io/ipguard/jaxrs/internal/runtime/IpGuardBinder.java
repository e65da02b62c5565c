package io.ipguard.jaxrs.internal.runtime;

import io.ipguard.jaxrs.ClientAddress;
import io.ipguard.jaxrs.ClientIpResolver;
import io.ipguard.jaxrs.IpGuardInspector;
import io.ipguard.jaxrs.WhitelistProvider;
import io.ipguard.jaxrs.internal.client.DefaultClientIpResolver;
import io.ipguard.jaxrs.internal.client.GrizzlyPeerSource;
import io.ipguard.jaxrs.internal.client.HelidonPeerSource;
import io.ipguard.jaxrs.internal.client.JettyPeerSource;
import io.ipguard.jaxrs.internal.client.PeerLookup;
import io.ipguard.jaxrs.internal.client.PeerSource;
import io.ipguard.jaxrs.internal.client.ResponseWriterPeerSource;
import io.ipguard.jaxrs.internal.client.ServletPeerSource;
import io.ipguard.jaxrs.internal.client.UntrustedForwarding;
import io.ipguard.jaxrs.internal.config.ConfigLoader;
import io.ipguard.jaxrs.internal.config.LiveConfig;
import io.ipguard.jaxrs.internal.config.LiveWhitelistProvider;
import io.ipguard.jaxrs.internal.model.ResourceGuards;
import io.ipguard.jaxrs.internal.observe.DecisionMetrics;
import io.ipguard.jaxrs.internal.observe.MetricsFactory;
import jakarta.inject.Singleton;
import org.glassfish.hk2.utilities.binding.AbstractBinder;

/**
 * Binds the default parts. They are ranked below HK2's default rank 0, so that an application's
 * own binding of {@link ClientIpResolver} or {@link WhitelistProvider} replaces them.
 */
public final class IpGuardBinder extends AbstractBinder {

    static final int DEFAULT_RANK = -100;
    /** An application's CDI bean: above the defaults, below an application's own HK2 binding (rank 0). */
    static final int CDI_RANK = -50;

    private final ConfigLoader loader;
    private final ResourceGuards plan;
    private final Object meterRegistry;

    /** @param meterRegistry a Micrometer {@code MeterRegistry} given to the feature's builder, or null */
    public IpGuardBinder(ConfigLoader loader, ResourceGuards plan, Object meterRegistry) {
        this.loader = loader;
        this.plan = plan;
        this.meterRegistry = meterRegistry;
    }

    @Override
    protected void configure() {
        bind(loader.live()).to(LiveConfig.class);
        bind(loader).to(ConfigLoader.class);
        bind(plan).to(ResourceGuards.class);
        bind(new UntrustedForwarding(java.time.Clock.systemUTC())).to(UntrustedForwarding.class);
        bind(Gate.class).to(Gate.class).in(Singleton.class);
        bind(new MetricsFactory.GivenRegistry(meterRegistry)).to(MetricsFactory.GivenRegistry.class);
        bindFactory(MetricsFactory.class, Singleton.class).to(DecisionMetrics.class).in(Singleton.class);
        bindFactory(InspectorFactory.class, Singleton.class).to(IpGuardInspector.class).in(Singleton.class);
        bind(new LiveWhitelistProvider(loader.live())).to(WhitelistProvider.class).ranked(DEFAULT_RANK);
        bind(PeerLookup.class).to(PeerLookup.class).in(Singleton.class);
        bind(DefaultClientIpResolver.class).to(ClientIpResolver.class).in(Singleton.class).ranked(DEFAULT_RANK);
        if (isPresent(CdiBeans.CDI_CLASS)) {
            // On a CDI host an application replaces a part the CDI way: with a bean.
            WhitelistProvider provider = CdiBeans.find(WhitelistProvider.class);
            if (provider != null) {
                bind(provider).to(WhitelistProvider.class).ranked(CDI_RANK);
            }
            ClientIpResolver resolver = CdiBeans.find(ClientIpResolver.class);
            if (resolver != null) {
                bind(resolver).to(ClientIpResolver.class).ranked(CDI_RANK);
            }
        }
        // Load each container adapter only when its classes exist, so no container is required.
        if (isPresent(GrizzlyPeerSource.REQUEST_CLASS)) {
            bind(GrizzlyPeerSource.class).to(PeerSource.class).in(Singleton.class);
        }
        if (isPresent(ServletPeerSource.REQUEST_CLASS)) {
            bind(ServletPeerSource.class).to(PeerSource.class).in(Singleton.class);
        }
        if (isPresent(JettyPeerSource.REQUEST_CLASS)) {
            bind(JettyPeerSource.class).to(PeerSource.class).in(Singleton.class);
        }
        if (isPresent(HelidonPeerSource.REQUEST_CLASS)) {
            for (HelidonPeerSource source : HelidonPeerSource.all()) {
                bind(source).to(PeerSource.class);
            }
        }
        // The JDK HTTP server and Netty bind nothing: their response writers know the connection.
        for (ResponseWriterPeerSource source : new ResponseWriterPeerSource[] {
            ResponseWriterPeerSource.jdkHttp(), ResponseWriterPeerSource.netty()}) {
            if (source != null) {
                bind(source).to(PeerSource.class);
            }
        }
        bindFactory(ClientAddressFactory.class, Singleton.class).to(ClientAddress.class);
    }

    private static boolean isPresent(String className) {
        try {
            Class.forName(className, false, IpGuardBinder.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
