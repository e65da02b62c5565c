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
 * Eight clients decide continuously against a real server while its list file is swapped 100
 * times between two versions: every answer must be right for one of the two, and none may fail.
 */
class ReloadUnderLoadTest {

    private static final String VERSION_A = "ipguard.group.default = 127.0.0.2, 127.0.0.5\n";
    private static final String VERSION_B = "ipguard.group.default = 127.0.0.3, 127.0.0.5\n";
    private static final String[] CLIENTS = {"127.0.0.2", "127.0.0.3", "127.0.0.4", "127.0.0.5"};

    /** Lets the test reload at once instead of waiting for the next poll. */
    @Path("/reload")
    public static class Reload {
        @Inject
        IpGuardInspector inspector;

        @GET
        public String reload() {
            List<ListStatus> status = inspector.reload();
            return status.get(0).lastError().orElse("version " + status.get(0).version());
        }
    }

    @Test
    void whenListIsSwappedUnderLoad_thenEveryAnswerIsRightForOneVersion(@TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path file = dir.resolve("ipguard.properties");
        Files.writeString(file, VERSION_A);
        ResourceConfig app = new ResourceConfig(Resources.Reports.class, Reload.class)
                .register(IpGuardFeature.builder().watchConfigFile(file).group("admin", "127.0.0.1").build());
        AtomicBoolean done = new AtomicBoolean();
        List<String> wrong = new CopyOnWriteArrayList<>();
        Map<String, AtomicLong> answers = new ConcurrentHashMap<>();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try (TestServer server = TestServer.start(app)) {
            List<Future<?>> running = new java.util.ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                running.add(clients.submit(() -> {
                    for (int i = thread; !done.get(); i++) {
                        String client = CLIENTS[i % CLIENTS.length];
                        try {
                            int status = server.get(client, "/reports").status();
                            answers.computeIfAbsent(client + " " + status, k -> new AtomicLong()).incrementAndGet();
                            boolean right = switch (client) {
                                case "127.0.0.4" -> status == 403;
                                case "127.0.0.5" -> status == 200;
                                default -> status == 200 || status == 403;
                            };
                            if (!right) {
                                wrong.add(client + " got " + status);
                            }
                        } catch (Exception e) {
                            wrong.add(client + " failed: " + e);
                        }
                    }
                }));
            }
            for (int swap = 1; swap <= 100; swap++) {
                java.nio.file.Path next = dir.resolve("next.properties");
                Files.writeString(next, swap % 2 == 1 ? VERSION_B : VERSION_A);
                Files.move(next, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                assertEquals("version " + (swap + 1), server.get("127.0.0.1", "/reload").body());
            }
            done.set(true);
            for (Future<?> f : running) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            done.set(true);
            clients.shutdownNow();
        }

        System.out.println("ReloadUnderLoadTest answers: " + answers);
        assertEquals(List.of(), wrong);
        assertTrue(answers.containsKey("127.0.0.2 200") && answers.containsKey("127.0.0.2 403"),
                "both versions were seen by 127.0.0.2: " + answers);
        assertTrue(answers.containsKey("127.0.0.3 200") && answers.containsKey("127.0.0.3 403"),
                "both versions were seen by 127.0.0.3: " + answers);
    }
}
