package io.ipguard.jaxrs.functional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipguard.jaxrs.IpGuardConfigurationException;
import io.ipguard.jaxrs.IpGuardFeature;
import io.ipguard.jaxrs.Whitelisted;
import io.ipguard.jaxrs.testing.RawHttp;
import io.ipguard.jaxrs.testing.TestServer;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.util.List;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.model.Resource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What Jersey really runs and what a locator's declared type says, on a real server in both deny
 * modes: a method Jersey may call through a definition it does not override, a programmatic method
 * Jersey binds {@code @Whitelisted} to with no group on its way, locators declared to return an
 * interface or a {@code Class<? extends ...>}.
 */
class DispatchAndLocatorTypesTest {

    private static final String ADMIN = "127.0.0.2";
    private static final String OUTSIDER = "127.0.0.5";

    @Path("/loose")
    public interface LooseApi<T> {
        @GET
        @Produces(MediaType.TEXT_PLAIN)
        String take(@QueryParam("q") T t);
    }

    /**
     * Not public: Jersey serves the overload take(CharSequence) with LooseApi.take's annotations but
     * calls LooseApi.take, which Java runs as take(String), the guarded one.
     */
    static class Loose implements LooseApi<String> {
        @Whitelisted(group = "admin")
        @Override
        public String take(@QueryParam("q") String t) {
            return "secret";
        }

        public String take(CharSequence convenience) {
            return "decoy";
        }
    }

    /** The same, both guarded alike: whichever Jersey calls, the guard is the same. */
    @Whitelisted(group = "admin")
    static class LooseAlike implements LooseApi<String> {
        @Override
        public String take(@QueryParam("q") String t) {
            return "secret";
        }

        public String take(CharSequence convenience) {
            return "decoy";
        }
    }

    public interface UserApi {
        @GET
        @Produces(MediaType.TEXT_PLAIN)
        @Whitelisted(group = "admin")
        String get();
    }

    public static class UserImpl implements UserApi {
        @Override
        public String get() {
            return "user";
        }
    }

    @Whitelisted(group = "admin")
    public static class GuardedUser {
        @GET
        @Produces(MediaType.TEXT_PLAIN)
        public String get() {
            return "guarded user";
        }
    }

    /** A plain object whose method a programmatic resource binds @Whitelisted to by name. */
    public static class Plain {
        public String get() {
            return "name-bound";
        }
    }

    @Path("/open")
    public static class OpenLocator {
        @Path("iface/{id}")
        public UserApi iface(@PathParam("id") String id) {
            if (!id.equals("1")) {
                throw new NotFoundException();
            }
            return new UserImpl();
        }

        @Path("wild/{id}")
        public Class<? extends GuardedUser> wild(@PathParam("id") String id) {
            if (!id.equals("1")) {
                throw new NotFoundException();
            }
            return GuardedUser.class;
        }

        @Path("bound")
        public Resource bound() throws NoSuchMethodException {
            Resource.Builder builder = Resource.builder();
            builder.addMethod("GET").produces(MediaType.TEXT_PLAIN_TYPE).nameBindings(Whitelisted.class)
                    .handledBy(new Plain(), Plain.class.getMethod("get"));
            return builder.build();
        }
    }

    private static TestServer forbidding;
    private static TestServer hiding;

    private static ResourceConfig application(String denyStatus) {
        return new ResourceConfig(OpenLocator.class).register(IpGuardFeature.class)
                .property("ipguard.group.admin", ADMIN).property("ipguard.deny-status", denyStatus);
    }

    @BeforeAll
    static void start() throws IOException {
        forbidding = TestServer.start(application("403"));
        hiding = TestServer.start(application("404"));
    }

    @AfterAll
    static void stop() {
        forbidding.close();
        hiding.close();
    }

    @Test
    void whenJerseyMayCallADefinitionThatRunsAnotherGuard_thenDeploymentFails() {
        ResourceConfig app = new ResourceConfig().register(new Loose()).register(IpGuardFeature.class)
                .property("ipguard.group.admin", ADMIN);

        IpGuardConfigurationException e = assertThrows(IpGuardConfigurationException.class, () -> TestServer.start(app));

        assertEquals(List.of("GET /loose (Loose.take): method Loose.take: Jersey serves it with the annotations of "
                + "method LooseApi.take, which it does not override, and may call that method instead, which runs "
                + "Loose.take; the two are guarded differently (open, group \"admin\"); annotate them alike"), e.problems());
    }

    @Test
    void whenWhateverJerseyCallsIsGuardedAlike_thenItDeploysAndRefusesOutsiders() throws Exception {
        ResourceConfig app = new ResourceConfig().register(new LooseAlike()).register(IpGuardFeature.class)
                .property("ipguard.group.admin", ADMIN);
        try (TestServer server = TestServer.start(app)) {
            assertEquals(403, server.get(OUTSIDER, "/loose?q=x").status());
            assertEquals(200, server.get(ADMIN, "/loose?q=x").status());
        }
    }

    @Test
    void whenJerseyBindsWhitelistedToAMethodMetWhileServingWithNoGroup_thenEveryoneIsRefused() throws Exception {
        assertEquals(403, forbidding.get(OUTSIDER, "/open/bound").status());
        assertEquals(403, forbidding.get(ADMIN, "/open/bound").status());
        assertLooksMissing("/open/bound");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"iface", "wild"})
    void whenAnOpenLocatorDeclaresAGuardedInterfaceOrBoundedClass_thenIdsCannotBeEnumerated(String kind) throws Exception {
        RawHttp.Response known = forbidding.get(OUTSIDER, "/open/" + kind + "/1");
        RawHttp.Response unknown = forbidding.get(OUTSIDER, "/open/" + kind + "/2");

        assertEquals(403, known.status(), known.raw());
        assertEquals(403, unknown.status(), unknown.raw());
        assertEquals(200, forbidding.get(ADMIN, "/open/" + kind + "/1").status());
        assertEquals(404, forbidding.get(ADMIN, "/open/" + kind + "/2").status());
        assertLooksMissing("/open/" + kind + "/1");
        assertLooksMissing("/open/" + kind + "/2");
    }

    @Test
    void whenTheOnlyGroupInUseHidesBehindALocatorsInterface_thenTheApplicationsWadlIsRefused() throws Exception {
        RawHttp.Response outsider = hiding.get(OUTSIDER, "/application.wadl");

        assertLooksMissing("/application.wadl");
        assertFalse(outsider.body().contains("iface"), outsider.body());
        assertTrue(hiding.get(ADMIN, "/application.wadl").body().contains("iface"));
    }

    private static void assertLooksMissing(String path) throws IOException {
        RawHttp.Response refused = hiding.get(OUTSIDER, path);
        RawHttp.Response missing = hiding.get(OUTSIDER, "/no-such-path");

        assertEquals(404, missing.status());
        assertEquals(missing.withoutDate(), refused.withoutDate(), path);
    }
}
