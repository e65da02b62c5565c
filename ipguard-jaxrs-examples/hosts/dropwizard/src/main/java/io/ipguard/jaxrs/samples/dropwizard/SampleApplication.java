package io.ipguard.jaxrs.samples.dropwizard;

import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.ipguard.jaxrs.dropwizard.IpGuardBundle;

public class SampleApplication extends Application<SampleConfiguration> {

    public static void main(String[] args) throws Exception {
        new SampleApplication().run(args);
    }

    @Override
    public void initialize(Bootstrap<SampleConfiguration> bootstrap) {
        bootstrap.addBundle(new IpGuardBundle<>(SampleConfiguration::getIpGuard));
    }

    @Override
    public void run(SampleConfiguration configuration, Environment environment) {
        environment.jersey().register(SampleResources.Open.class);
        environment.jersey().register(SampleResources.Admin.class);
        environment.jersey().register(SampleResources.Internal.class);
    }
}
