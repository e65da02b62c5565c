package io.ipguard.jaxrs.internal.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Helidon 4's Jersey container gives the peer as a request property (its value as Helidon 4.2 was
 * seen to set it, IPv4 and IPv6); the real container is started by the Helidon sample's test.
 */
class HelidonPeerSourceTest {

    private final HelidonPeerSource source = HelidonPeerSource.all()[0];

    @Test
    void whenHelidonSetsThePeerProperty_thenItIsThePeer() {
        StubRequest ipv4 = new StubRequest();
        ipv4.setProperty("io.helidon.jaxrs.remote-host", "127.0.0.5");
        StubRequest ipv6 = new StubRequest();
        ipv6.setProperty("io.helidon.jaxrs.remote-host", "0:0:0:0:0:0:0:1");

        assertTrue(source.serves(ipv4));
        assertEquals("127.0.0.5", source.remoteAddress(ipv4));
        assertEquals("0:0:0:0:0:0:0:1", source.remoteAddress(ipv6));
    }

    @Test
    void whenThePropertyIsMissingOrNotText_thenThisSourceDoesNotServe() {
        StubRequest missing = new StubRequest();
        StubRequest other = new StubRequest();
        other.setProperty("io.helidon.jaxrs.remote-host", 42);

        assertFalse(source.serves(missing));
        assertFalse(source.serves(other));
        assertNull(source.remoteAddress(other));
        assertEquals("io.helidon.microprofile.server.JaxRsService$HelidonJerseyContainer", source.container());
        assertEquals("io.helidon.jersey.webserver.JaxRsService$HelidonJerseyContainer",
                HelidonPeerSource.all()[1].container());
    }
}
