package io.ipguard.jaxrs.dropwizard;

import io.dropwizard.core.setup.Environment;
import io.ipguard.jaxrs.IpSet;
import io.ipguard.jaxrs.WhitelistProvider;
import java.util.Map;
import org.glassfish.hk2.utilities.binding.AbstractBinder;

/** The test application with its own list source bound through HK2 on the Jersey environment, as docs/dropwizard.md shows. */
public class BoundListsApp extends TestApp {

    @Override
    public void run(TestConfig configuration, Environment environment) {
        super.run(configuration, environment);
        WhitelistProvider lists = WhitelistProvider.of(Map.of("admin", IpSet.parse("127.0.0.5", "office")));
        environment.jersey().register(new AbstractBinder() {
            @Override
            protected void configure() {
                bind(lists).to(WhitelistProvider.class);
            }
        });
    }
}
