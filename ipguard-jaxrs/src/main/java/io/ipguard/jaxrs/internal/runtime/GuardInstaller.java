package io.ipguard.jaxrs.internal.runtime;

import io.ipguard.jaxrs.IpGuardProperties;
import io.ipguard.jaxrs.internal.client.ContainerCheck;
import io.ipguard.jaxrs.internal.config.ConfigLoader;
import io.ipguard.jaxrs.internal.config.MicroProfileSettings;
import io.ipguard.jaxrs.internal.config.Setting;
import io.ipguard.jaxrs.internal.io.Logs;
import io.ipguard.jaxrs.internal.model.ModelReview;
import io.ipguard.jaxrs.internal.model.ResourceGuards;
import jakarta.ws.rs.core.FeatureContext;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code IpGuardFeature.configure} does: reads the settings in their layers (application
 * properties, MicroProfile Config where present, a file, the builder), validates them, and
 * registers the guard's parts with Jersey.
 */
public final class GuardInstaller {

    private static final System.Logger LOG = Logs.LOG;

    private GuardInstaller() {
    }

    /**
     * @param configFile the builder's configuration file, or null
     * @param watch whether the file is watched
     * @param overrides the builder's settings
     * @param meterRegistry a Micrometer {@code MeterRegistry} given to the builder, or null
     * @throws io.ipguard.jaxrs.IpGuardConfigurationException if the configuration is invalid
     */
    public static void install(FeatureContext context, Path configFile, boolean watch, List<Setting> overrides,
                               Object meterRegistry) {
        Map<String, Setting> settings = new LinkedHashMap<>();
        context.getConfiguration().getProperties().forEach((key, value) -> {
            if (key.startsWith(IpGuardProperties.PREFIX) && value != null) {
                settings.put(key, new Setting(key, value.toString(), null));
            }
        });
        if (isPresent(MicroProfileSettings.API_CLASS)) {
            // MicroProfile Config, where the host has it, overrides the application's properties.
            settings.putAll(MicroProfileSettings.read(Thread.currentThread().getContextClassLoader()));
        }
        ConfigLoader loader = ConfigLoader.load(settings, configFile, overrides, Clock.systemUTC());
        loader.warnings().forEach(warning -> LOG.log(System.Logger.Level.WARNING, "ipguard: " + warning));
        if (loader.live().current().reportOnly()) {
            // Jersey keeps only the first IpGuardFeature registered: make report-only mode impossible to miss.
            LOG.log(System.Logger.Level.WARNING, "ipguard: report-only mode: requests outside their group are logged "
                    + "and let through, not refused");
        }
        ResourceGuards plan = new ResourceGuards();
        context.register(new IpGuardBinder(loader, plan, meterRegistry));
        context.register(new ModelReview(plan));
        context.register(WhitelistBinding.class);
        context.register(SecondLineFilter.class);
        context.register(UndecidedStatusMapper.class);
        context.register(BackstopFilter.class);
        if (loader.live().current().denyStatus() == 404 || configFile != null && watch) {
            // Only 404 mode hides what an answer given before the guard would reveal; a watched file may turn it on.
            context.register(BackstopListener.class);
        }
        context.register(ContainerCheck.class);
        if (loader.hasScheduledWork()) {
            context.register(new ConfigWatch(loader, watch));
        }
    }

    static boolean isPresent(String className) {
        try {
            Class.forName(className, false, GuardInstaller.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
