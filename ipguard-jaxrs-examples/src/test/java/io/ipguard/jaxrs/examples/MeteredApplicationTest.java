package io.ipguard.jaxrs.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipguard.jaxrs.IpGuardFeature;
import io.ipguard.jaxrs.testing.TestServer;
import org.junit.jupiter.api.Test;

class MeteredApplicationTest {

    @Test
    void whenRequestsArrive_thenTheListenerCountsEveryDecision() throws Exception {
        IpGuardFeature guard = IpGuardFeature.builder().group("default", "127.0.0.2").group("admin", "127.0.0.1").build();
        try (TestServer server = TestServer.start(new MeteredApplication(guard))) {
            server.get("127.0.0.2", "/internal");
            server.get("127.0.0.2", "/internal");
            server.get("127.0.0.5", "/internal");
            assertEquals(403, server.get("127.0.0.5", "/ops/decisions").status());

            String counts = server.get("127.0.0.1", "/ops/decisions").body();
            String lists = server.get("127.0.0.1", "/ops/lists").body();

            assertEquals("ALLOWED group=admin reason=IN_GROUP 1\n"
                    + "ALLOWED group=default reason=IN_GROUP 2\n"
                    + "REFUSED group=admin reason=NOT_IN_GROUP 1\n"
                    + "REFUSED group=default reason=NOT_IN_GROUP 1\n", counts);
            assertTrue(lists.startsWith("configuration: version 1 loaded 20"), lists);
        }
    }
}
