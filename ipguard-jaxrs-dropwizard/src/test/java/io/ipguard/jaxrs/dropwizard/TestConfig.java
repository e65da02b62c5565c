package io.ipguard.jaxrs.dropwizard;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.core.Configuration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** An application's configuration with the block under {@code ipguard}, declared as docs/dropwizard.md says. */
public class TestConfig extends Configuration {

    @Valid
    @NotNull
    @JsonProperty
    private IpGuardFactory ipguard = new IpGuardFactory();

    public IpGuardFactory getIpGuard() {
        return ipguard;
    }
}
