package io.ipguard.jaxrs;

import jakarta.ws.rs.container.ContainerRequestContext;

/**
 * Finds the client address of a request. The default implementation returns the TCP peer
 * address that the container (Grizzly or a Servlet container) saw.
 *
 * <p>Replace it by binding your own implementation in an HK2 binder registered with the
 * application:
 * <pre>{@code
 * register(new AbstractBinder() {
 *     protected void configure() {
 *         bind(MyResolver.class).to(ClientIpResolver.class).in(Singleton.class);
 *     }
 * });
 * }</pre>
 *
 * <p>Implementations are called concurrently and must be thread-safe. Throwing, or returning
 * null, makes the guard refuse the request.
 */
@FunctionalInterface
public interface ClientIpResolver {

    /**
     * Returns the client address of a request.
     *
     * @param request the request being filtered
     * @return the client, or {@link ClientAddress#unknown()} when it cannot be determined
     */
    ClientAddress resolve(ContainerRequestContext request);
}
