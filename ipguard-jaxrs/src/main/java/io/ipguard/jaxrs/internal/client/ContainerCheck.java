package io.ipguard.jaxrs.internal.client;

import io.ipguard.jaxrs.ClientIpResolver;
import io.ipguard.jaxrs.IpGuardConfigurationException;
import jakarta.enterprise.inject.Vetoed;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.glassfish.hk2.api.IterableProvider;
import org.glassfish.jersey.server.spi.AbstractContainerLifecycleListener;
import org.glassfish.jersey.server.spi.Container;

/**
 * Stops start-up in a container the default client resolver cannot read the TCP peer address
 * from, naming the container and the remedy, instead of refusing every request once it runs.
 * An application that binds its own {@link ClientIpResolver} may run anywhere.
 */
@Vetoed // built by HK2: Jersey's CDI layer would hand it to CDI, which cannot inject its HK2-only types
public final class ContainerCheck extends AbstractContainerLifecycleListener {

    private final IterableProvider<PeerSource> sources;
    private final ClientIpResolver resolver;

    @Inject
    public ContainerCheck(IterableProvider<PeerSource> sources, ClientIpResolver resolver) {
        this.sources = sources;
        this.resolver = resolver;
    }

    @Override
    public void onStartup(Container container) {
        if (!(resolver instanceof DefaultClientIpResolver)) {
            return;
        }
        List<String> known = new ArrayList<>();
        sources.forEach(source -> known.add(source.container()));
        for (Class<?> type = container.getClass(); type != null; type = type.getSuperclass()) {
            if (known.contains(type.getName())) {
                return;
            }
        }
        throw new IpGuardConfigurationException(List.of("this application runs in " + container.getClass().getName()
                + ", from which ipguard cannot read the TCP peer address (it reads Jersey's Grizzly, Jetty, JDK HTTP "
                + "server, Netty and Servlet containers); bind a ClientIpResolver of your own"));
    }
}
