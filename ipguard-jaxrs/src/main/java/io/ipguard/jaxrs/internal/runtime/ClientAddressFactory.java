package io.ipguard.jaxrs.internal.runtime;

import io.ipguard.jaxrs.ClientAddress;
import io.ipguard.jaxrs.ClientIpResolver;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import org.glassfish.hk2.api.Factory;
import org.glassfish.jersey.server.ContainerRequest;

/**
 * Supplies {@code @Context ClientAddress}: the client the guard resolved for this request, or,
 * on an unguarded resource, the result of the resolver now. An error gives the unknown client.
 */
public final class ClientAddressFactory implements Factory<ClientAddress> {

    private static final System.Logger LOG = System.getLogger(ClientAddressFactory.class.getName());

    private final Provider<ContainerRequest> request;
    private final ClientIpResolver resolver;

    @Inject
    public ClientAddressFactory(Provider<ContainerRequest> request, ClientIpResolver resolver) {
        this.request = request;
        this.resolver = resolver;
    }

    @Override
    public ClientAddress provide() {
        ContainerRequest current = request.get();
        if (current.getProperty(ClientAddress.PROPERTY) instanceof ClientAddress known) {
            return known;
        }
        ClientAddress resolved;
        try {
            resolved = resolver.resolve(current);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "client address resolution failed", e);
            resolved = null;
        }
        // Not stored as the request property: that marks a request the guard has decided (see BackstopFilter).
        return resolved == null ? ClientAddress.unknown() : resolved;
    }

    @Override
    public void dispose(ClientAddress instance) {
        // Nothing to release.
    }
}
