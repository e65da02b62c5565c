package io.ipguard.jaxrs.dropwizard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.codahale.metrics.health.HealthCheck;
import io.ipguard.jaxrs.Explanation;
import io.ipguard.jaxrs.IpGuardInspector;
import io.ipguard.jaxrs.ListStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The health check over an inspector whose statuses the test chooses. */
class IpGuardHealthCheckTest {

    private static final Instant T1 = Instant.parse("2026-12-01T10:00:00Z");
    private static final Instant T2 = Instant.parse("2026-12-01T10:05:00Z");

    private record Status(String source, Instant loaded, String error, Instant errorAt, int entries)
            implements ListStatus {
        @Override
        public Optional<Instant> loadedAt() {
            return Optional.ofNullable(loaded);
        }

        @Override
        public long version() {
            return loaded == null ? 0 : 1;
        }

        @Override
        public Optional<String> lastError() {
            return Optional.ofNullable(error);
        }

        @Override
        public Optional<Instant> lastErrorAt() {
            return Optional.ofNullable(errorAt);
        }
    }

    private static HealthCheck.Result check(ListStatus... statuses) {
        IpGuardInspector inspector = new IpGuardInspector() {
            @Override
            public List<ListStatus> status() {
                return List.of(statuses);
            }

            @Override
            public List<ListStatus> reload() {
                return status();
            }

            @Override
            public Explanation explain(String peer, Map<String, List<String>> headers, String group) {
                throw new UnsupportedOperationException();
            }

            @Override
            public List<String> guards() {
                return List.of();
            }

            @Override
            public String statusJson() {
                throw new UnsupportedOperationException();
            }
        };
        return new IpGuardHealthCheck(() -> inspector).execute();
    }

    @Test
    void whenEveryListLoaded_thenHealthyWithEachSourceInTheDetails() {
        HealthCheck.Result result = check(new Status("configuration", T1, null, null, 3));

        assertTrue(result.isHealthy());
        assertEquals("1 list source, all loaded", result.getMessage());
        assertEquals(List.of(Map.of("source", "configuration", "entries", 3, "version", 1L, "loadedAt", T1.toString(),
                "checkedAt", T1.toString(), "attemptedAt", T1.toString())),
                ((List<?>) result.getDetails().get("sources")).stream().map(IpGuardHealthCheckTest::present).toList());
    }

    @Test
    void whenAListNeverLoaded_thenUnhealthyNamingItAndItsError() {
        HealthCheck.Result result = check(new Status("configuration", T1, null, null, 1),
                new Status("url https://lists.example.com/p.txt (group \"partners\")", null, "connection refused", T2, 0));

        assertFalse(result.isHealthy());
        assertEquals("never loaded, so counted against every client: url https://lists.example.com/p.txt "
                + "(group \"partners\"): connection refused", result.getMessage());
        assertEquals(2, ((List<?>) result.getDetails().get("sources")).size());
    }

    @Test
    void whenAListFailsAfterLoadingOnce_thenHealthyWithTheErrorShown() {
        HealthCheck.Result result = check(new Status("configuration", T1, null, null, 1),
                new Status("file /etc/lists/p.txt (group \"partners\")", T1, "/etc/lists/p.txt:2: bad", T2, 4));

        assertTrue(result.isHealthy());
        assertEquals("2 list sources, all loaded", result.getMessage());
        Map<?, ?> file = (Map<?, ?>) ((List<?>) result.getDetails().get("sources")).get(1);
        assertEquals("/etc/lists/p.txt:2: bad", file.get("lastError"));
        assertEquals(T2.toString(), file.get("lastErrorAt"));
        assertEquals(T2.toString(), file.get("attemptedAt"));
    }

    @Test
    void whenForwardingWarningsWereLogged_thenTheyShowWithoutMakingItUnhealthy() {
        HealthCheck.Result result = check(new Status("configuration", T1, null, null, 1),
                new Status(IpGuardHealthCheck.FORWARDING, null, "peer 10.0.0.7 sent X-Forwarded-For", T2, 0));

        assertTrue(result.isHealthy());
        assertEquals("1 list source, all loaded; forwarding headers from peers that are not trusted proxies: "
                + "peer 10.0.0.7 sent X-Forwarded-For", result.getMessage());
    }

    @Test
    void whenJerseyHasNotStartedTheGuard_thenUnhealthy() {
        HealthCheck.Result result = new IpGuardHealthCheck(() -> null).execute();

        assertFalse(result.isHealthy());
        assertEquals("the guard is not running: the Jersey application has not started", result.getMessage());
    }

    private static Map<?, ?> present(Object details) {
        return ((Map<?, ?>) details).entrySet().stream().filter(e -> e.getValue() != null)
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
