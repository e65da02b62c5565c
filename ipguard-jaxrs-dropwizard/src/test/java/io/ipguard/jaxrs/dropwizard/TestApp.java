package io.ipguard.jaxrs.dropwizard;

import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.ipguard.jaxrs.Whitelisted;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** A small Dropwizard application guarded by the bundle. */
public class TestApp extends Application<TestConfig> {

    @Path("/admin")
    @Whitelisted(group = "admin")
    public static class Admin {
        @GET
        public String get() {
            return "admin";
        }
    }

    @Override
    public void initialize(Bootstrap<TestConfig> bootstrap) {
        bootstrap.addBundle(new IpGuardBundle<>(TestConfig::getIpGuard));
    }

    @Override
    public void run(TestConfig configuration, Environment environment) {
        environment.jersey().register(Admin.class);
    }
}
