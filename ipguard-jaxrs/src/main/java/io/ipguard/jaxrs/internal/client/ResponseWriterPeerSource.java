package io.ipguard.jaxrs.internal.client;

import jakarta.ws.rs.container.ContainerRequestContext;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.net.InetSocketAddress;
import java.util.List;
import org.glassfish.jersey.server.ContainerRequest;

/**
 * The peer from containers that bind nothing for it, Jersey's JDK HTTP server and Netty: the only
 * object that knows the connection is the response writer each request is handed, a private class
 * of the container. Its connection field is found once, through handles, and read per request.
 * Thread-safe.
 */
public final class ResponseWriterPeerSource implements PeerSource {

    static final String JDK_WRITER = "org.glassfish.jersey.jdkhttp.JdkHttpHandlerContainer$ResponseWriter";
    static final List<String> NETTY_WRITERS = List.of("org.glassfish.jersey.netty.httpserver.NettyResponseWriter",
            "org.glassfish.jersey.netty.httpserver.NettyHttp2ResponseWriter");

    /** A writer class and how to get from one of its instances to the peer's socket address. */
    private record Writer(Class<?> type, MethodHandle remoteAddress) {
    }

    private final String container;
    private final List<Writer> writers;

    private ResponseWriterPeerSource(String container, List<Writer> writers) {
        this.container = container;
        this.writers = List.copyOf(writers);
    }

    /** For the JDK HTTP server: {@code writer.exchange.getRemoteAddress()}; null if its classes differ from 4.0's. */
    public static ResponseWriterPeerSource jdkHttp() {
        Writer writer = writer(JDK_WRITER, "exchange", "com.sun.net.httpserver.HttpExchange", "getRemoteAddress");
        return writer == null ? null
                : new ResponseWriterPeerSource("org.glassfish.jersey.jdkhttp.JdkHttpHandlerContainer", List.of(writer));
    }

    /** For Netty, HTTP/1.1 and HTTP/2: {@code writer.ctx.channel().remoteAddress()}; null if its classes differ. */
    public static ResponseWriterPeerSource netty() {
        java.util.ArrayList<Writer> found = new java.util.ArrayList<>();
        for (String name : NETTY_WRITERS) {
            Writer writer = writer(name, "ctx", "io.netty.channel.ChannelHandlerContext", "channel", "remoteAddress");
            if (writer != null) {
                found.add(writer);
            }
        }
        return found.isEmpty() ? null
                : new ResponseWriterPeerSource("org.glassfish.jersey.netty.httpserver.NettyHttpContainer", found);
    }

    /** A handle reading {@code field} of {@code writerClass}, then calling each accessor in turn; null if any is missing. */
    private static Writer writer(String writerClass, String field, String fieldType, String... accessors) {
        try {
            ClassLoader loader = ResponseWriterPeerSource.class.getClassLoader();
            Class<?> type = Class.forName(writerClass, false, loader);
            Class<?> valueType = Class.forName(fieldType, false, loader);
            MethodHandle chain = MethodHandles.privateLookupIn(type, MethodHandles.lookup()).findGetter(type, field, valueType);
            for (String accessor : accessors) {
                Class<?> owner = chain.type().returnType();
                Class<?> returned = owner.getMethod(accessor).getReturnType();
                chain = MethodHandles.filterReturnValue(chain,
                        MethodHandles.publicLookup().findVirtual(owner, accessor, MethodType.methodType(returned)));
            }
            return new Writer(type, chain.asType(MethodType.methodType(Object.class, Object.class)));
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return null;
        }
    }

    @Override
    public String container() {
        return container;
    }

    @Override
    public boolean serves(ContainerRequestContext request) {
        return writerOf(request) != null;
    }

    @Override
    public String remoteAddress(ContainerRequestContext request) {
        Writer writer = writerOf(request);
        if (writer == null) {
            return null;
        }
        Object peer;
        try {
            peer = (Object) writer.remoteAddress().invokeExact((Object) ((ContainerRequest) request).getResponseWriter());
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("cannot read the peer from " + writer.type().getName(), e);
        }
        return peer instanceof InetSocketAddress inet && inet.getAddress() != null ? inet.getAddress().getHostAddress() : null;
    }

    private Writer writerOf(ContainerRequestContext request) {
        if (!(request instanceof ContainerRequest containerRequest) || containerRequest.getResponseWriter() == null) {
            return null;
        }
        Class<?> type = containerRequest.getResponseWriter().getClass();
        for (int i = 0; i < writers.size(); i++) {
            if (writers.get(i).type() == type) {
                return writers.get(i);
            }
        }
        return null;
    }

}
