package io.ipguard.jaxrs.samples.boot;

import io.ipguard.jaxrs.Decision;
import io.ipguard.jaxrs.DecisionListener;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/** A Spring bean the starter binds in Jersey as one of the guard's decision listeners: it counts refusals. */
@Component
public class RefusalCounter implements DecisionListener {

    private final AtomicLong refusals = new AtomicLong();

    @Override
    public void onDecision(Decision decision) {
        if (decision.outcome() == Decision.Outcome.REFUSED) {
            refusals.incrementAndGet();
        }
    }

    public long refusals() {
        return refusals.get();
    }
}
