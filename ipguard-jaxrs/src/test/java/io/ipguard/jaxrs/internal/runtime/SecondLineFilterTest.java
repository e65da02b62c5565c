package io.ipguard.jaxrs.internal.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.ipguard.jaxrs.internal.client.StubRequest;
import io.ipguard.jaxrs.internal.config.Loaders;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Proxy;
import org.junit.jupiter.api.Test;

/** The second line behind the guard lets through what the guard decided, and refuses what it never saw. */
class SecondLineFilterTest {

    private final Gate guard = Guards.guard(Loaders.load(null, "ipguard.group.default", "192.0.2.10"), "192.0.2.10", false);
    private final SecondLineFilter check = new SecondLineFilter(guard);

    @Test
    void whenTheGuardNeverDecidedTheRequest_thenItIsRefused() {
        StubRequest request = new StubRequest().uriInfo((UriInfo) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {UriInfo.class}, (proxy, method, args) -> "missed"));

        check.filter(request);

        assertEquals(403, request.aborted.getStatus());
        assertEquals(DecisionMark.REFUSED, DecisionMark.of(request));
    }

    @Test
    void whenTheGuardAdmittedTheRequest_thenItPasses() {
        StubRequest request = new StubRequest();
        new GroupFilter(guard, "default", "GET /x").filter(request);

        check.filter(request);

        assertNull(request.aborted);
        assertEquals(DecisionMark.ADMITTED, DecisionMark.of(request));
    }

    @Test
    void whenTheGuardFoundTheMethodExempt_thenItPasses() {
        StubRequest request = new StubRequest();
        ExemptFilter.INSTANCE.filter(request);

        check.filter(request);

        assertNull(request.aborted);
        assertEquals(DecisionMark.EXEMPT, DecisionMark.of(request));
    }
}
