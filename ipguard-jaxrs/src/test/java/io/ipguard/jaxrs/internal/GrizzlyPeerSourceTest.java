package io.ipguard.jaxrs.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The peer is read without an HK2 lookup per request on the Jersey version we build against. */
class GrizzlyPeerSourceTest {

    @Test
    void whenJerseyGrizzlyContainerIsPresent_thenThePeerIsReadDirectly() {
        assertTrue(GrizzlyPeerSource.readsDirectly(),
                "GrizzlyRequestPropertiesDelegate.request is not readable: every request would pay an HK2 lookup");
    }
}
