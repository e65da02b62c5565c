package io.ipguard.jaxrs.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ipguard.jaxrs.testing.TestServer;
import org.junit.jupiter.api.Test;

class CustomListProviderApplicationTest {

    @Test
    void whenListProviderIsBound_thenItsGroupsDecide() throws Exception {
        try (TestServer server = TestServer.start(new CustomListProviderApplication())) {
            assertEquals(200, server.get("127.0.0.6", "/internal").status());
            assertEquals(403, server.get("127.0.0.9", "/internal").status());
            assertEquals(200, server.get("127.0.0.1", "/admin").status());
            assertEquals(403, server.get("127.0.0.6", "/admin").status());
        }
    }
}
