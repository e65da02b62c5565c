package io.ipguard.jaxrs.functional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipguard.jaxrs.IpGuardFeature;
import io.ipguard.jaxrs.IpGuardInspector;
import io.ipguard.jaxrs.ListStatus;
import io.ipguard.jaxrs.testing.RawHttp;
import io.ipguard.jaxrs.testing.Resources;
import io.ipguard.jaxrs.testing.TestServer;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Eight clients decide continuously against a real server while its configuration file, or a list
 * file other lists name, is swapped 100 times between two versions: every answer must be right for
 * one of the two, and none may fail.
 */
class ReloadUnderLoadTest {

    private static final String VERSION_A = "ipguard.group.default = 127.0.0.2, 127.0.0.5\n";
    private static final String VERSION_B = "ipguard.group.default = 127.0.0.3, 127.0.0.5\n";
    private static final String[] CLIENTS = {"127.0.0.2", "127.0.0.3", "127.0.0.4", "127.0.0.5"};

    /** Lets the test reload at once instead of waiting for the next poll; answers the given source's version. */
    @Path("/reload/{source}")
    public static class Reload {
        @Inject
        IpGuardInspector inspector;

        @GET
        public String reload(@jakarta.ws.rs.PathParam("source") int source) {
            List<ListStatus> status = inspector.reload();
            return status.get(source).lastError().orElse("version " + status.get(source).version());
        }
    }

    /** One kind of request the clients send, and which answers are right for it under either version. */
    private record Probe(String source, String header, java.util.Set<Integer> right) {
        @Override
        public String toString() {
            return source + (header == null ? "" : " [" + header + "]");
        }
    }

    /**
     * Eight clients send {@code probes} in turn while {@code swap} runs 100 times; returns how often
     * each probe got each status, after checking every answer was right.
     */
    private static Map<String, AtomicLong> hammer(TestServer server, List<Probe> probes, java.util.function.IntConsumer swap)
            throws Exception {
        AtomicBoolean done = new AtomicBoolean();
        List<String> wrong = new CopyOnWriteArrayList<>();
        Map<String, AtomicLong> answers = new ConcurrentHashMap<>();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> running = new java.util.ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                running.add(clients.submit(() -> {
                    for (int i = thread; !done.get(); i++) {
                        Probe probe = probes.get(i % probes.size());
                        try {
                            int status = (probe.header() == null ? server.get(probe.source(), "/reports")
                                    : server.get(probe.source(), "/reports", probe.header())).status();
                            answers.computeIfAbsent(probe + " " + status, k -> new AtomicLong()).incrementAndGet();
                            if (!probe.right().contains(status)) {
                                wrong.add(probe + " got " + status);
                            }
                        } catch (Exception e) {
                            wrong.add(probe + " failed: " + e);
                        }
                    }
                }));
            }
            for (int i = 1; i <= 100; i++) {
                swap.accept(i);
            }
            done.set(true);
            for (Future<?> f : running) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            done.set(true);
            clients.shutdownNow();
        }
        assertEquals(List.of(), wrong);
        return answers;
    }

    private static void replace(java.nio.file.Path file, String text) {
        try {
            java.nio.file.Path next = file.resolveSibling("next.tmp");
            Files.writeString(next, text);
            Files.move(next, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static final java.util.Set<Integer> ALLOWED = java.util.Set.of(200);
    private static final java.util.Set<Integer> REFUSED = java.util.Set.of(403);
    private static final java.util.Set<Integer> EITHER = java.util.Set.of(200, 403);

    @Test
    void whenListIsSwappedUnderLoad_thenEveryAnswerIsRightForOneVersion(@TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path file = dir.resolve("ipguard.properties");
        Files.writeString(file, VERSION_A);
        ResourceConfig app = new ResourceConfig(Resources.Reports.class, Reload.class)
                .register(IpGuardFeature.builder().watchConfigFile(file).group("admin", "127.0.0.1").build());
        Map<String, AtomicLong> answers;
        try (TestServer server = TestServer.start(app)) {
            answers = hammer(server, List.of(new Probe("127.0.0.2", null, EITHER), new Probe("127.0.0.3", null, EITHER),
                    new Probe("127.0.0.4", null, REFUSED), new Probe("127.0.0.5", null, ALLOWED)), swap -> {
                        replace(file, swap % 2 == 1 ? VERSION_B : VERSION_A);
                        assertEquals("version " + (swap + 1), reload(server, 0));
                    });
        }

        System.out.println("ReloadUnderLoadTest answers: " + answers);
        assertTrue(answers.containsKey("127.0.0.2 200") && answers.containsKey("127.0.0.2 403"),
                "both versions were seen by 127.0.0.2: " + answers);
        assertTrue(answers.containsKey("127.0.0.3 200") && answers.containsKey("127.0.0.3 403"),
                "both versions were seen by 127.0.0.3: " + answers);
    }

    private static String reload(TestServer server, int source) {
        try {
            return server.get("127.0.0.1", "/reload/" + source).body();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * A list file named by both the trusted proxies and the group: version A holds 127.0.0.2, B
     * 127.0.0.3. A request from one of them naming the other in {@code X-Real-IP} is refused under
     * either version, and allowed only if a request saw the proxies of one version and the group of
     * the other: every list naming a changed one must change with it, at once.
     */
    @Test
    void whenAReferencedListIsSwappedUnderLoad_thenNoRequestSeesItsDependentsDisagree(@TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path list = dir.resolve("partners.txt");
        Files.writeString(list, "127.0.0.2\n");
        ResourceConfig app = new ResourceConfig(Resources.Reports.class, Reload.class)
                .register(IpGuardFeature.builder().group("admin", "127.0.0.1").group("default", "@partners")
                        .property("ipguard.file.partners", list.toString()).trustedProxies("@partners")
                        .clientIpHeader("X-Real-IP").build());
        Map<String, AtomicLong> answers;
        try (TestServer server = TestServer.start(app)) {
            answers = hammer(server, List.of(new Probe("127.0.0.2", "X-Real-IP: 127.0.0.3", REFUSED),
                    new Probe("127.0.0.3", "X-Real-IP: 127.0.0.2", REFUSED), new Probe("127.0.0.2", null, EITHER),
                    new Probe("127.0.0.3", null, EITHER), new Probe("127.0.0.4", null, REFUSED)), swap -> {
                        replace(list, swap % 2 == 1 ? "127.0.0.3\n" : "127.0.0.2\n");
                        assertEquals("version " + (swap + 1), reload(server, 1));
                    });
        }

        System.out.println("ReloadUnderLoadTest referenced answers: " + answers);
        assertTrue(answers.containsKey("127.0.0.2 200") && answers.containsKey("127.0.0.2 403"),
                "both versions were seen by 127.0.0.2: " + answers);
        assertTrue(answers.containsKey("127.0.0.3 200") && answers.containsKey("127.0.0.3 403"),
                "both versions were seen by 127.0.0.3: " + answers);
    }
}
