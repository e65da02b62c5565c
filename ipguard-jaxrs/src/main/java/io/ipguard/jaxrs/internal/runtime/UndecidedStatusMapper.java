package io.ipguard.jaxrs.internal.runtime;

import jakarta.enterprise.inject.Vetoed;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/** Answers a status request the guard did not admit as the guard answers a refusal, and logs why. */
@Vetoed // built by HK2: Jersey's CDI layer would hand it to CDI, which cannot inject its HK2-only types
public final class UndecidedStatusMapper implements ExceptionMapper<UndecidedStatusRequest> {

    private final Gate guard;

    @Inject
    public UndecidedStatusMapper(Gate guard) {
        this.guard = guard;
    }

    @Override
    public Response toResponse(UndecidedStatusRequest refused) {
        return guard.refusalOfResource(refused.getMessage());
    }
}
