package io.ipguard.jaxrs.functional;

import io.ipguard.jaxrs.AnyClient;
import io.ipguard.jaxrs.IpGuardFeature;
import io.ipguard.jaxrs.Whitelisted;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.concurrent.atomic.AtomicInteger;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.model.Resource;

/**
 * Ordinary JAX-RS code in which a guard is easy to miss: annotations on interfaces and
 * superclasses, generic bases, subclass instances, sub-resource locators. Group "admin" is
 * 127.0.0.2, group "other" 127.0.0.2 and 127.0.0.3; everyone else is an outsider.
 */
final class CoverageResources {

    static final String ADMIN = "127.0.0.2";
    static final String OTHER = "127.0.0.3";
    static final String OUTSIDER = "127.0.0.5";

    /** Counts the locator calls and resource constructions that outsiders caused, to show what runs before the guard. */
    static final AtomicInteger LOCATOR_CALLS = new AtomicInteger();

    private CoverageResources() {
    }

    /** Every pattern in one application, with a name-bound probe that shows where Jersey binds @Whitelisted. */
    static ResourceConfig application(String denyStatus) {
        return new ResourceConfig()
                .register(TypeImpl.class).register(MethodImpl.class).register(AbstractImpl.class)
                .register(ConcreteImpl.class).register(GenericImpl.class).register(new Proxied() {
                    @Override
                    public String get() {
                        return "proxied";
                    }
                })
                .register(Locked.class).register(OpenRoot.class).register(Params.class).register(Users.class)
                .register(JerseyBindingProbe.class)
                .register(IpGuardFeature.class)
                .property("ipguard.group.admin", ADMIN)
                .property("ipguard.group.other", ADMIN + ", " + OTHER)
                .property("ipguard.deny-status", denyStatus);
    }

    @Path("/iface-type")
    @Whitelisted(group = "admin")
    public interface TypeApi {
        @GET
        String get();
    }

    public static class TypeImpl implements TypeApi {
        @Override
        public String get() {
            return "iface-type";
        }
    }

    @Path("/iface-method")
    public interface MethodApi {
        @GET
        @Whitelisted(group = "admin")
        String get();
    }

    public static class MethodImpl implements MethodApi {
        @Override
        public String get() {
            return "iface-method";
        }
    }

    public abstract static class AbstractBase {
        @GET
        @Whitelisted(group = "admin")
        public abstract String get();
    }

    @Path("/abstract")
    public static class AbstractImpl extends AbstractBase {
        @Override
        public String get() {
            return "abstract";
        }
    }

    public static class ConcreteBase {
        @GET
        @Whitelisted(group = "admin")
        public String get() {
            return "base";
        }
    }

    @Path("/concrete")
    public static class ConcreteImpl extends ConcreteBase {
        @Override
        public String get() {
            return "concrete";
        }
    }

    public abstract static class GenericBase<T> {
        @GET
        @Whitelisted(group = "admin")
        public abstract T get();

        @POST
        @Consumes(MediaType.TEXT_PLAIN)
        @Whitelisted(group = "admin")
        public abstract String post(T body);
    }

    @Path("/generic")
    public static class GenericImpl extends GenericBase<String> {
        @Override
        public String get() {
            return "generic";
        }

        @Override
        public String post(String body) {
            return "posted " + body;
        }
    }

    /** Registered as an instance of an anonymous subclass, as proxy-generating frameworks do. */
    @Path("/proxied")
    public static class Proxied {
        @GET
        @Whitelisted(group = "admin")
        public String get() {
            return "original";
        }
    }

    /** A guarded class whose locators hand out unannotated sub-resources. */
    @Path("/locked")
    @Whitelisted(group = "admin")
    public static class Locked {
        @Path("instance")
        public Sub instance() {
            LOCATOR_CALLS.incrementAndGet();
            return new Sub();
        }

        @Path("type")
        public Class<Sub> type() {
            return Sub.class;
        }

        @Path("context")
        public Sub context(@Context ResourceContext resources) {
            return resources.getResource(Sub.class);
        }

        @Path("dynamic")
        public Object dynamic() {
            return new Sub();
        }

        @Path("items/{id}")
        public Sub item(@PathParam("id") String id) {
            if (!id.equals("1")) {
                throw new NotFoundException();
            }
            return new Sub();
        }

        @Path("outer")
        public Outer outer() {
            return new Outer();
        }

        @Path("other")
        public OtherSub other() {
            return new OtherSub();
        }

        /** A sub-resource whose interfaces disagree, known only when reached: refused to everyone. */
        @Path("undecidable")
        public Object undecidable() {
            return new Torn();
        }

        /** A programmatic sub-resource that Jersey binds to @Whitelisted by name: the locator's group applies. */
        @Path("bound")
        public Resource bound() {
            Resource.Builder builder = Resource.builder();
            builder.addMethod("GET").nameBindings(Whitelisted.class).produces(MediaType.TEXT_PLAIN_TYPE)
                    .handledBy(request -> Response.ok("bound").build());
            return builder.build();
        }

        /** A programmatic sub-resource: no annotations anywhere, so the locator's guard applies. */
        @Path("programmatic")
        public Resource programmatic() {
            Resource.Builder builder = Resource.builder();
            builder.addMethod("GET").produces(MediaType.TEXT_PLAIN_TYPE)
                    .handledBy(request -> Response.ok("programmatic").build());
            return builder.build();
        }
    }

    /** An open class with an annotated locator and an open one. */
    @Path("/open-root")
    public static class OpenRoot {
        @GET
        public String get() {
            return "open";
        }

        @Path("locked")
        @Whitelisted(group = "admin")
        public Sub locked() {
            return new Sub();
        }

        @Path("free")
        public Sub free() {
            return new Sub();
        }
    }

    public static class Sub {
        @GET
        @Produces(MediaType.TEXT_PLAIN)
        public String get() {
            return "sub";
        }

        @GET
        @Path("health")
        @AnyClient
        public String health() {
            return "healthy";
        }
    }

    public interface Left {
        @Whitelisted(group = "admin")
        String get();
    }

    public interface Right {
        @Whitelisted(group = "other")
        String get();
    }

    public static class Torn implements Left, Right {
        @GET
        @Override
        public String get() {
            return "torn";
        }
    }

    /** An open resource whose children are guarded: its own description (OPTIONS, WADL) shows them. */
    @Path("/users")
    public static class Users {
        @GET
        public String list() {
            return "users";
        }

        @DELETE
        @Path("{id}/purge")
        @Whitelisted(group = "admin")
        public String purge(@PathParam("id") String id) {
            return "purged";
        }

        @Path("console")
        @Whitelisted(group = "admin")
        public Console console() {
            return new Console();
        }
    }

    public static class Console {
        @GET
        @Path("dump")
        public String dump() {
            return "dump";
        }
    }

    /** Reached through a locator of a guarded class, without annotations of its own: an outer locator's guard applies. */
    public static class Outer {
        @Path("inner")
        public Sub inner() {
            return new Sub();
        }
    }

    /** A sub-resource that names its own group: it overrides the way it was reached. */
    @Whitelisted(group = "other")
    public static class OtherSub {
        @GET
        public String get() {
            return "other";
        }
    }

    /** A per-request resource with a field parameter, which Jersey converts while matching. */
    @Path("/params")
    @Whitelisted(group = "admin")
    public static class Params {
        @HeaderParam("X-Count")
        int count;

        @GET
        @Produces(MediaType.TEXT_PLAIN)
        public String get() {
            return "count " + count;
        }
    }

    /** Jersey's own name binding: it marks every answer of a method Jersey binds to @Whitelisted. */
    @Whitelisted
    public static class JerseyBindingProbe implements ContainerResponseFilter {
        @Override
        public void filter(ContainerRequestContext request, ContainerResponseContext response) {
            response.getHeaders().add("X-Jersey-Bound", "true");
        }
    }

    /** An application's own answer to a missing path. */
    public static class NotFoundMapper implements ExceptionMapper<NotFoundException> {
        @Override
        public Response toResponse(NotFoundException exception) {
            return Response.status(404).type(MediaType.TEXT_HTML).entity("<h1>Nothing here</h1>").build();
        }
    }
}
