package io.ipguard.jaxrs.internal.client;

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
public final class GrizzlyPeerSource implements PeerSource {

    public static final String REQUEST_CLASS = "org.glassfish.grizzly.http.server.Request";
    private static final String DELEGATE_CLASS = "org.glassfish.jersey.grizzly2.httpserver.GrizzlyRequestPropertiesDelegate";
    private static final String WRAPPER_CLASS = "org.glassfish.jersey.message.internal.TracingAwarePropertiesDelegate";
    private static final Class<?> DELEGATE;
    private static final VarHandle DELEGATE_REQUEST;
    private static final Class<?> WRAPPER;
    private static final VarHandle WRAPPER_DELEGATE;

    static {
        Class<?> delegate = null;
        VarHandle request = null;
        Class<?> wrapper = null;
        VarHandle wrapped = null;
        try {
            ClassLoader loader = GrizzlyPeerSource.class.getClassLoader();
            delegate = Class.forName(DELEGATE_CLASS, false, loader);
            request = MethodHandles.privateLookupIn(delegate, MethodHandles.lookup())
                    .findVarHandle(delegate, "request", Request.class);
            // ContainerRequest wraps the container's delegate in this one.
            wrapper = Class.forName(WRAPPER_CLASS, false, loader);
            Class<?> delegateType = Class.forName("org.glassfish.jersey.internal.PropertiesDelegate", false, loader);
            wrapped = MethodHandles.privateLookupIn(wrapper, MethodHandles.lookup())
                    .findVarHandle(wrapper, "propertiesDelegate", delegateType);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            request = null;
        }
        DELEGATE = delegate;
        DELEGATE_REQUEST = request;
        WRAPPER = wrapper;
        WRAPPER_DELEGATE = request == null ? null : wrapped;
    }

    private final IterableProvider<Request> request;

    @Inject
    GrizzlyPeerSource(IterableProvider<Request> request) {
        this.request = request;
    }

    /** Grizzly's request behind a Jersey request, read directly; null when that is not possible. */
    static Request readDirectly(ContainerRequestContext context) {
        if (DELEGATE_REQUEST == null || !(context instanceof ContainerRequest containerRequest)) {
            return null;
        }
        Object delegate = containerRequest.getPropertiesDelegate();
        if (delegate != null && delegate.getClass() == WRAPPER) {
            delegate = WRAPPER_DELEGATE.get(delegate);
        }
        return delegate != null && delegate.getClass() == DELEGATE ? (Request) DELEGATE_REQUEST.get(delegate) : null;
    }

    @Override
    public String container() {
        return "org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpContainer";
    }

    @Override
    public boolean serves(ContainerRequestContext context) {
        return request.getHandle() != null;
    }

    @Override
    public String remoteAddress(ContainerRequestContext context) {
        Request current = readDirectly(context);
        if (current == null) {
            current = request.get();
        }
        return current == null ? null : current.getRemoteAddr();
    }
}
