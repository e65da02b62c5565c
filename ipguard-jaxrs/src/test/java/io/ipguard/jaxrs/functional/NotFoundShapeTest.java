package io.ipguard.jaxrs.functional;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ipguard.jaxrs.IpGuardFeature;
import io.ipguard.jaxrs.Whitelisted;
import io.ipguard.jaxrs.testing.RawHttp;
import io.ipguard.jaxrs.testing.TestServer;
import jakarta.annotation.Priority;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.spi.ExtendedExceptionMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * 404 mode with ordinary exception mappers in the application: an {@code ExtendedExceptionMapper}
 * that maps only server errors, and two {@code NotFoundException} mappers ranked by priority. The
 * refusal, and the answers given while matching that it replaces, take the mapper Jersey takes for a
 * missing path.
 */
class NotFoundShapeTest {

    static final String OUTSIDER = "127.0.0.5";

    @Path("/admin")
    @Whitelisted(group = "admin")
    public static class Admin {
        @GET
        @Produces(MediaType.TEXT_PLAIN)
        public String get() {
            return "secret";
        }

        @Path("items/{id}")
        public Item item(@PathParam("id") String id) {
            if (!id.equals("1")) {
                throw new NotFoundException();
            }
            return new Item();
        }
    }

    public static class Item {
        @GET
        public String get() {
            return "item";
        }
    }

    /** A common pattern: only server errors get the JSON error envelope; other WebApplicationExceptions pass through. */
    public static class ServerErrorEnvelope implements ExtendedExceptionMapper<WebApplicationException> {
        @Override
        public boolean isMappable(WebApplicationException e) {
            return e.getResponse().getStatus() >= 500;
        }

        @Override
        public Response toResponse(WebApplicationException e) {
            return Response.status(e.getResponse().getStatus()).type(MediaType.APPLICATION_JSON)
                    .entity("{\"error\":\"internal\"}").build();
        }
    }

    /** Two NotFoundException mappers (an application's own, preferred by priority, and a library's). */
    @Priority(1)
    public static class AppNotFound implements ExceptionMapper<NotFoundException> {
        @Override
        public Response toResponse(NotFoundException e) {
            return Response.status(404).type(MediaType.TEXT_HTML).entity("<h1>app page</h1>").build();
        }
    }

    public static class LibraryNotFound implements ExceptionMapper<NotFoundException> {
        @Override
        public Response toResponse(NotFoundException e) {
            return Response.status(404).type(MediaType.APPLICATION_JSON).entity("{\"library\":true}").build();
        }
    }

    /** Maps a missing path to a short text and leaves its media type to Jersey, as many mappers do. */
    public static class UntypedNotFound implements ExceptionMapper<NotFoundException> {
        @Override
        public Response toResponse(NotFoundException e) {
            return Response.status(404).entity("Not found").build();
        }
    }

    /** Methods whose @Produces Jersey would give an untyped entity once it has selected them. */
    @Path("/typed")
    @Whitelisted(group = "admin")
    public static class Typed {
        @GET
        @Produces(MediaType.APPLICATION_JSON)
        public String get() {
            return "{\"secret\":1}";
        }

        @GET
        @Path("page")
        @Produces(MediaType.TEXT_HTML)
        public String page() {
            return "<p>secret</p>";
        }

        @GET
        @Path("plain")
        public String plain() {
            return "secret";
        }
    }

    static ResourceConfig app(String variant) {
        ResourceConfig app = new ResourceConfig(Admin.class, Typed.class)
                .register(IpGuardFeature.class)
                .property("ipguard.group.admin", "127.0.0.2")
                .property("ipguard.deny-status", "404");
        switch (variant) {
            case "extended" -> app.register(ServerErrorEnvelope.class);
            case "two" -> app.register(AppNotFound.class).register(LibraryNotFound.class);
            case "two-reversed" -> app.register(LibraryNotFound.class).register(AppNotFound.class);
            case "untyped" -> app.register(UntypedNotFound.class);
            default -> { }
        }
        return app;
    }

    @ParameterizedTest(name = "{0}: {1} {2} [{3}]")
    @CsvSource(delimiter = '|', value = {
        "extended     | GET | /admin          | ''",
        "extended     | PUT | /admin          | ''",
        "extended     | GET | /admin          | Accept: application/json",
        "extended     | GET | /admin/items/2  | ''",
        "two          | GET | /admin          | ''",
        "two          | PUT | /admin          | ''",
        "two          | GET | /admin/items/2  | ''",
        "two-reversed | PUT | /admin          | ''",
        "untyped      | GET | /typed          | ''",
        "untyped      | HEAD | /typed         | ''",
        "untyped      | GET | /typed/page     | Accept: text/html,*/*;q=0.8",
        "untyped      | GET | /typed/plain    | Accept: text/*",
        "untyped      | PUT | /typed          | ''",
    })
    void whenApplicationMapsExceptionsItself_thenARefusalStillLooksLikeAMissingPath(String variant, String method, String path, String header) throws Exception {
        try (TestServer server = TestServer.start(app(variant))) {
            String[] headers = header.isEmpty() ? new String[0] : new String[] {header};
            String body = method.equals("PUT") ? "x" : null;
            RawHttp.Response refused = RawHttp.request(method, OUTSIDER, "127.0.0.1", server.port(), path, body, headers);
            RawHttp.Response missing = RawHttp.request(method, OUTSIDER, "127.0.0.1", server.port(), "/no-such-path", body,
                    headers);
            assertEquals(missing.withoutDate(), refused.withoutDate());
        }
    }
}
