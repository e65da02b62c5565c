package io.ipguard.jaxrs.functional;

import io.ipguard.jaxrs.AnyClient;
import io.ipguard.jaxrs.Whitelisted;
import io.ipguard.jaxrs.functional.elsewhere.OpenBase;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.IOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicInteger;
import org.glassfish.jersey.process.Inflector;
import org.glassfish.jersey.server.model.Resource;

/**
 * Resource code whose guard is easy to lose: Inflectors carrying {@code @Whitelisted}, stereotypes
 * of stereotypes, a package-private method Java does not let a subclass override, JDK proxies,
 * locators that throw for unknown ids, filters that answer before the guard. Group "admin" only.
 */
final class HiddenGuardResources {

    private HiddenGuardResources() {
    }

    // --- Inflectors -------------------------------------------------------------------------------

    @Whitelisted(group = "admin")
    public static class GuardedInflector implements Inflector<ContainerRequestContext, String> {
        @Override
        public String apply(ContainerRequestContext request) {
            return "inflected";
        }
    }

    /** Says nothing itself: its superclass's class annotation guards it. */
    public static class QuietSubInflector extends GuardedInflector {
    }

    public static class ApplyGuardedInflector implements Inflector<ContainerRequestContext, String> {
        @Whitelisted(group = "admin")
        @Override
        public String apply(ContainerRequestContext request) {
            return "apply-guarded";
        }
    }

    /** Programmatic resources handled by guarded Inflectors, each way Jersey takes them. */
    static Resource inflectorResource(String path, Object handler) {
        Resource.Builder builder = Resource.builder(path);
        if (handler instanceof Class<?> type) {
            @SuppressWarnings("unchecked")
            Class<? extends Inflector<ContainerRequestContext, ?>> inflector =
                    (Class<? extends Inflector<ContainerRequestContext, ?>>) type;
            builder.addMethod("GET").produces(MediaType.TEXT_PLAIN_TYPE).handledBy(inflector);
        } else {
            @SuppressWarnings("unchecked")
            Inflector<ContainerRequestContext, ?> inflector = (Inflector<ContainerRequestContext, ?>) handler;
            builder.addMethod("GET").produces(MediaType.TEXT_PLAIN_TYPE).handledBy(inflector);
        }
        return builder.build();
    }

    @Path("/open-locator")
    public static class OpenLocator {
        /** An open locator returning a programmatic resource whose Inflector is guarded. */
        @Path("inflected")
        public Resource inflected() {
            return inflectorResource("", new GuardedInflector());
        }

        /** An open locator returning a JDK proxy whose target is guarded, which the proxy hides. */
        @Path("proxied")
        public Object proxied() {
            return proxy(SubApi.class, new GuardedTarget());
        }

        /** An open locator whose declared type is guarded, throwing for unknown ids. */
        @Path("users/{id}")
        public UserResource user(@PathParam("id") String id) {
            if (!id.equals("1")) {
                throw new NotFoundException();
            }
            return new UserResource();
        }
    }

    @Whitelisted(group = "admin")
    public static class UserResource {
        @GET
        public String get() {
            return "user";
        }
    }

    // --- Stereotypes of stereotypes ---------------------------------------------------------------

    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
    @Whitelisted(group = "admin")
    public @interface Secured {
    }

    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.TYPE, ElementType.METHOD})
    @Secured
    public @interface AdminOnly {
    }

    @Path("/stereo-method")
    public static class StereoOnMethod {
        @GET
        @AdminOnly
        public String get() {
            return "stereo";
        }
    }

    @Path("/stereo-class")
    @AdminOnly
    public static class StereoOnClass {
        @GET
        public String get() {
            return "stereo";
        }
    }

    @Path("/stereo-exempt-class")
    @AnyClient
    public static class StereoInExemptClass {
        @GET
        @AdminOnly
        public String get() {
            return "stereo";
        }
    }

    // --- What Java does not call an override ------------------------------------------------------

    @Path("/not-an-override")
    @Whitelisted(group = "admin")
    public static class NotAnOverride extends OpenBase {
        @GET
        public String get() {
            return "not-an-override";
        }
    }

    // --- JDK proxies ------------------------------------------------------------------------------

    @Path("/proxy-open-api")
    public interface OpenApi {
        @GET
        String get();
    }

    @Path("/proxy-guarded-api")
    @Whitelisted(group = "admin")
    public interface GuardedApi {
        @GET
        String get();
    }

    @Whitelisted(group = "admin")
    public static class GuardedTarget implements OpenApi, GuardedApi, SubApi {
        @Override
        public String get() {
            return "target";
        }
    }

    /** A sub-resource interface with no path of its own, as a locator's proxy implements it. */
    public interface SubApi {
        @GET
        String get();
    }

    static <T> T proxy(Class<T> api, Object target) {
        return api.cast(Proxy.newProxyInstance(HiddenGuardResources.class.getClassLoader(), new Class<?>[] {api},
                (proxy, method, args) -> method.invoke(target, args)));
    }

    // --- Answers given before the guard -----------------------------------------------------------

    /** Marks the method it is bound to: a missing path has no such method, so never this header. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.TYPE, ElementType.METHOD})
    @jakarta.ws.rs.NameBinding
    public @interface NoStore {
    }

    @NoStore
    public static class NoStoreFilter implements ContainerResponseFilter {
        @Override
        public void filter(ContainerRequestContext request, ContainerResponseContext response) {
            response.getHeaders().putSingle("Cache-Control", "no-store");
        }
    }

    /** A global response filter that names the matched method, as routing or tracing filters do. */
    public static class RouteHeaderFilter implements ContainerResponseFilter {
        @Context
        private ResourceInfo info;

        @Override
        public void filter(ContainerRequestContext request, ContainerResponseContext response) {
            if (info.getResourceMethod() != null) {
                response.getHeaders().putSingle("X-Route", info.getResourceMethod().getName());
            }
        }
    }

    /** A rate limiter before the guard: aborts with 429, or throws it, when asked to. */
    @jakarta.annotation.Priority(800)
    public static class RateLimiter implements ContainerRequestFilter {
        @Override
        public void filter(ContainerRequestContext request) {
            String mode = request.getHeaderString("X-Limit");
            if ("abort".equals(mode)) {
                request.abortWith(Response.status(429).header("Retry-After", "1").build());
            } else if ("throw".equals(mode)) {
                throw new jakarta.ws.rs.WebApplicationException(Response.status(429).header("Retry-After", "1").build());
            }
        }
    }

    @Path("/limited")
    @Whitelisted(group = "admin")
    public static class Limited {
        @GET
        @NoStore
        public String get() {
            return "limited";
        }
    }

    // --- Readers before the guard -----------------------------------------------------------------

    static final AtomicInteger READS = new AtomicInteger();

    public static class CountingReader implements ReaderInterceptor {
        @Override
        public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
            READS.incrementAndGet();
            return context.proceed();
        }
    }

    public static class Form {
        @FormParam("name")
        public String name;
    }

    @Path("/form-field")
    @Whitelisted(group = "admin")
    public static class FormField {
        @BeanParam
        Form form;

        @POST
        @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
        public String post() {
            return "field " + form.name;
        }
    }

    @Path("/form-param")
    @Whitelisted(group = "admin")
    public static class FormParameter {
        @POST
        @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
        public String post(@BeanParam Form form) {
            return "param " + form.name;
        }
    }
}
