package io.ipguard.jaxrs.internal.runtime;

import io.ipguard.jaxrs.internal.config.ConfigLoader;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.glassfish.jersey.server.spi.Container;
import org.glassfish.jersey.server.spi.ContainerLifecycleListener;

/**
 * Runs the reloads while the application runs: polls a watched configuration file every
 * {@value #PERIOD_MILLIS} ms (a change is applied once it has been stable for one period, so it is
 * in force within about one second of the last write; the contract promises two) and fetches the
 * URL groups at their refresh interval. Stops when the container shuts down.
 */
public final class ConfigWatch implements ContainerLifecycleListener {

    static final long PERIOD_MILLIS = 500;

    private final ConfigLoader loader;
    private final boolean watchFile;
    private ScheduledExecutorService executor;

    public ConfigWatch(ConfigLoader loader, boolean watchFile) {
        this.loader = loader;
        this.watchFile = watchFile;
    }

    @Override
    public synchronized void onStartup(Container container) {
        if (executor == null) {
            executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "ipguard-reload");
                thread.setDaemon(true);
                return thread;
            });
            loader.schedule(executor, watchFile, PERIOD_MILLIS);
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
