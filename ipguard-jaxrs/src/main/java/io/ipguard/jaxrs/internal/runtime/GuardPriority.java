package io.ipguard.jaxrs.internal.runtime;

import jakarta.ws.rs.Priorities;

/** Where the guard's request filters run among the application's: before authentication. */
public final class GuardPriority {

    /** The guard's filters ({@code IpGuardFeature.PRIORITY}). */
    public static final int GUARD = Priorities.AUTHENTICATION - 100;
    /** The second line, right behind the guard. */
    public static final int SECOND_LINE = GUARD + 1;

    private GuardPriority() {
    }
}
