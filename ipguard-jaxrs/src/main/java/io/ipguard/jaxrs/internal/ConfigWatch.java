package io.ipguard.jaxrs.internal;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.glassfish.jersey.server.spi.Container;
import org.glassfish.jersey.server.spi.ContainerLifecycleListener;

/**
 * Polls the configuration file while the application runs, every {@value #PERIOD_MILLIS} ms. A
 * change is applied once it has been stable for one period, so it is in force within about one
 * second of the last write (the contract promises two).
 */
public final class ConfigWatch implements ContainerLifecycleListener {

    static final long PERIOD_MILLIS = 500;

    private final ConfigLoader loader;
    private ScheduledExecutorService executor;

    public ConfigWatch(ConfigLoader loader) {
        this.loader = loader;
    }

    @Override
    public synchronized void onStartup(Container container) {
        if (executor == null) {
            executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "ipguard-config-watch");
                thread.setDaemon(true);
                return thread;
            });
            executor.scheduleWithFixedDelay(loader::poll, PERIOD_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void onReload(Container container) {
        // The same application keeps running: keep watching.
    }

    @Override
    public synchronized void onShutdown(Container container) {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }
}
