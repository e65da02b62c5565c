package io.ipguard.jaxrs.functional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipguard.jaxrs.AnyClient;
import io.ipguard.jaxrs.IpGuardFeature;
import io.ipguard.jaxrs.Whitelisted;
import io.ipguard.jaxrs.testing.TestServer;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestFilter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.StreamSupport;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.monitoring.ApplicationEvent;
import org.glassfish.jersey.server.monitoring.ApplicationEventListener;
import org.glassfish.jersey.server.monitoring.RequestEvent;
import org.glassfish.jersey.server.monitoring.RequestEventListener;
import org.junit.jupiter.api.Test;

/**
 * The second line behind the guard is in production, bound by Jersey's own name binding: on a real
 * server, Jersey runs it on every method it binds {@code @Whitelisted} to (every method when the
 * {@code Application} carries it), and on no other; where it runs, the guard's own decisions stand.
 */
class SecondLineTest {

    private static final String SECOND_LINE = "io.ipguard.jaxrs.internal.runtime.SecondLineFilter";

    @Path("/second")
    public static class Mixed {
        @GET
        @Path("guarded")
        @Whitelisted(group = "admin")
        public String guarded() {
            return "guarded";
        }

        @GET
        @Path("open")
        public String open() {
            return "open";
        }

        @GET
        @Path("exempt")
        @AnyClient
        public String exempt() {
            return "exempt";
        }
    }

    /** Records, per request path, the request filters Jersey ran. */
    public static class FilterRecorder implements ApplicationEventListener, RequestEventListener {
        static final Map<String, List<String>> RAN = new ConcurrentHashMap<>();

        @Override
        public void onEvent(ApplicationEvent event) {
        }

        @Override
        public RequestEventListener onRequest(RequestEvent event) {
            return this;
        }

        @Override
        public void onEvent(RequestEvent event) {
            if (event.getType() == RequestEvent.Type.REQUEST_FILTERED) {
                Iterable<ContainerRequestFilter> filters = event.getContainerRequestFilters();
                RAN.put(event.getUriInfo().getPath(), StreamSupport.stream(filters.spliterator(), false)
                        .map(filter -> filter.getClass().getName()).toList());
            }
        }
    }

    @Whitelisted(group = "admin")
    public static class GuardedApplication extends ResourceConfig {
        public GuardedApplication() {
            register(Mixed.class).register(FilterRecorder.class).register(IpGuardFeature.class)
                    .property("ipguard.group.admin", "127.0.0.2");
        }
    }

    @Test
    void whenJerseyBindsWhitelistedToAMethod_thenTheSecondLineRunsThereAndNowhereElse() throws Exception {
        ResourceConfig app = new ResourceConfig(Mixed.class).register(FilterRecorder.class).register(IpGuardFeature.class)
                .property("ipguard.group.admin", "127.0.0.2");
        try (TestServer server = TestServer.start(app)) {
            assertEquals(200, server.get("127.0.0.2", "/second/guarded").status());
            assertEquals(403, server.get("127.0.0.5", "/second/guarded").status());
            assertEquals(200, server.get("127.0.0.5", "/second/open").status());
            assertEquals(200, server.get("127.0.0.5", "/second/exempt").status());

            assertTrue(FilterRecorder.RAN.get("second/guarded").contains(SECOND_LINE), FilterRecorder.RAN.toString());
            assertFalse(FilterRecorder.RAN.get("second/open").contains(SECOND_LINE), FilterRecorder.RAN.toString());
            assertFalse(FilterRecorder.RAN.get("second/exempt").contains(SECOND_LINE), FilterRecorder.RAN.toString());
        }
    }

    @Test
    void whenTheApplicationCarriesWhitelisted_thenTheSecondLineRunsEverywhereAndExemptionsStillHold() throws Exception {
        try (TestServer server = TestServer.start(new GuardedApplication())) {
            assertEquals(403, server.get("127.0.0.5", "/second/open").status());
            assertEquals(200, server.get("127.0.0.2", "/second/open").status());
            assertEquals(200, server.get("127.0.0.5", "/second/exempt").status());

            assertTrue(FilterRecorder.RAN.get("second/open").contains(SECOND_LINE), FilterRecorder.RAN.toString());
            assertTrue(FilterRecorder.RAN.get("second/exempt").contains(SECOND_LINE), FilterRecorder.RAN.toString());
        }
    }
}
