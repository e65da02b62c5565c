package io.ipguard.jaxrs.internal.runtime;

import io.ipguard.jaxrs.IpSet;
import io.ipguard.jaxrs.WhitelistProvider;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Bounds the time an application's own {@link WhitelistProvider} may take: a lookup that does not
 * answer within the timeout, or that finds all {@value #THREADS} lookup threads busy, fails, and
 * the guard refuses the request. Only applications' providers are wrapped: the built-in one never
 * blocks. Thread-safe.
 */
final class TimeBoundProvider implements WhitelistProvider {

    static final int THREADS = 16;

    private final WhitelistProvider provider;
    private final long timeoutMillis;
    private final ThreadPoolExecutor executor;

    TimeBoundProvider(WhitelistProvider provider, long timeoutMillis) {
        this.provider = provider;
        this.timeoutMillis = timeoutMillis;
        // No queue: when every thread waits on a stuck provider, new lookups fail at once.
        this.executor = new ThreadPoolExecutor(0, THREADS, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), runnable -> {
            Thread thread = new Thread(runnable, "ipguard-provider");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public IpSet group(String name) {
        Future<IpSet> lookup;
        try {
            lookup = executor.submit(() -> provider.group(name));
        } catch (RejectedExecutionException e) {
            throw new IllegalStateException("list provider " + provider + " is busy: " + THREADS
                    + " lookups are waiting for it");
        }
        try {
            return lookup.get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            lookup.cancel(true);
            throw new IllegalStateException("list provider " + provider + " did not answer within " + timeoutMillis + " ms");
        } catch (ExecutionException e) {
            throw new IllegalStateException("list provider " + provider + " failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for list provider " + provider);
        }
    }

    @Override
    public String toString() {
        return provider.toString();
    }
}
