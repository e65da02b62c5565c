package io.ipguard.jaxrs.dropwizard;

import io.dropwizard.configuration.YamlConfigurationFactory;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.validation.BaseValidator;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

/** Reads a YAML text the way {@code server config.yml} reads the file: Jackson, then Bean Validation. */
final class Yaml {

    private Yaml() {
    }

    /** The configuration in {@code yaml}, named {@code config.yml} in messages. */
    static TestConfig read(String yaml) throws Exception {
        return new YamlConfigurationFactory<>(TestConfig.class, BaseValidator.newValidator(), Jackson.newObjectMapper(),
                "dw").build(path -> new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "config.yml");
    }
}
