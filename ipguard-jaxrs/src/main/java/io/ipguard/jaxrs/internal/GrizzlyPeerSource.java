package io.ipguard.jaxrs.internal;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.hk2.api.IterableProvider;
import org.glassfish.jersey.server.ContainerRequest;

/**
 * The peer from Jersey's Grizzly HTTP container, which binds its request-scoped {@link Request}.
 *
 * <p>Looking that binding up costs two HK2 lookups per request, about a tenth of a small request's
 * time in a load run. So the request is read, when possible, straight from the properties delegate
 * that Jersey's Grizzly container puts on each {@link ContainerRequest}, through a handle found once;
 * if that class or field is not there (another Jersey version, tracing enabled), the HK2 binding is
 * used, with the same answer.
 */
final class GrizzlyPeerSource implements PeerSource {

    static final String REQUEST_CLASS = "org.glassfish.grizzly.http.server.Request";
    private static final String DELEGATE_CLASS = "org.glassfish.jersey.grizzly2.httpserver.GrizzlyRequestPropertiesDelegate";
    private static final Class<?> DELEGATE;
    private static final VarHandle DELEGATE_REQUEST;

    static {
        Class<?> type = null;
        VarHandle handle = null;
        try {
            type = Class.forName(DELEGATE_CLASS, false, GrizzlyPeerSource.class.getClassLoader());
            handle = MethodHandles.privateLookupIn(type, MethodHandles.lookup()).findVarHandle(type, "request", Request.class);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            type = null;
        }
        DELEGATE = type;
        DELEGATE_REQUEST = type == null ? null : handle;
    }

    private final IterableProvider<Request> request;

    @Inject
    GrizzlyPeerSource(IterableProvider<Request> request) {
        this.request = request;
    }

    /** Whether the direct read is available; when it is not, every request takes the HK2 lookup. */
    static boolean readsDirectly() {
        return DELEGATE_REQUEST != null;
    }

    @Override
    public boolean isBound() {
        return request.getHandle() != null;
    }

    @Override
    public String remoteAddress(ContainerRequestContext context) {
        if (DELEGATE_REQUEST != null && context instanceof ContainerRequest containerRequest) {
            Object delegate = containerRequest.getPropertiesDelegate();
            if (delegate != null && delegate.getClass() == DELEGATE) {
                Request grizzly = (Request) DELEGATE_REQUEST.get(delegate);
                return grizzly == null ? null : grizzly.getRemoteAddr();
            }
        }
        Request current = request.get();
        return current == null ? null : current.getRemoteAddr();
    }
}
