package io.ipguard.jaxrs.samples.dropwizard;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.core.Configuration;
import io.ipguard.jaxrs.dropwizard.IpGuardFactory;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

public class SampleConfiguration extends Configuration {

    @Valid
    @NotNull
    @JsonProperty
    private IpGuardFactory ipguard = new IpGuardFactory();

    public IpGuardFactory getIpGuard() {
        return ipguard;
    }
}
