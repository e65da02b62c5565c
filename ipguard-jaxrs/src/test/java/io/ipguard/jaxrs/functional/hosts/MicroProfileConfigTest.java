package io.ipguard.jaxrs.functional.hosts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipguard.jaxrs.IpGuardConfigurationException;
import io.ipguard.jaxrs.IpGuardFeature;
import io.ipguard.jaxrs.testing.TestServer;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MicroProfile Config as a configuration layer, on a real server with SmallRye Config (Helidon
 * MP's and Payara's implementation): keys from {@code META-INF/microprofile-config.properties},
 * over the application's properties and under the builder, and errors that name the source.
 */
class MicroProfileConfigTest {

    @TempDir
    Path directory;

    /** Starts the application with a class loader that sees this microprofile-config.properties. */
    private TestServer start(ResourceConfig application, String microProfileConfig) throws Exception {
        Path meta = Files.createDirectories(directory.resolve("META-INF"));
        Files.writeString(meta.resolve("microprofile-config.properties"), microProfileConfig);
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {directory.toUri().toURL()}, previous)) {
            Thread.currentThread().setContextClassLoader(loader);
            return TestServer.start(application);
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    private static ResourceConfig application() {
        return new ResourceConfig(HostResources.Open.class, HostResources.Admin.class, HostResources.Internal.class);
    }

    @Test
    void whenMicroProfileConfigDefinesTheGroups_thenTheGuardUsesThem() throws Exception {
        try (TestServer server = start(application().register(IpGuardFeature.class),
                "ipguard.group.admin = 127.0.0.2\nipguard.group.default = 127.0.0.2, 127.0.0.3\n")) {
            assertEquals(200, server.get("127.0.0.2", "/admin").status());
            assertEquals(403, server.get("127.0.0.5", "/admin").status());
            assertEquals(200, server.get("127.0.0.3", "/internal").status());
        }
    }

    @Test
    void whenBothDefineAKey_thenMicroProfileConfigOverridesApplicationPropertiesAndTheBuilderOverridesBoth()
            throws Exception {
        ResourceConfig byProperties = application().register(IpGuardFeature.class)
                .property("ipguard.group.admin", "127.0.0.9").property("ipguard.group.default", "127.0.0.9");
        try (TestServer server = start(byProperties, "ipguard.group.admin = 127.0.0.2\n")) {
            assertEquals(200, server.get("127.0.0.2", "/admin").status());
            assertEquals(403, server.get("127.0.0.9", "/admin").status());
            assertEquals(200, server.get("127.0.0.9", "/internal").status());
        }
        ResourceConfig byBuilder = application().register(IpGuardFeature.builder().group("admin", "127.0.0.3")
                .group("default", "127.0.0.3").build());
        try (TestServer server = start(byBuilder, "ipguard.group.admin = 127.0.0.2\n")) {
            assertEquals(200, server.get("127.0.0.3", "/admin").status());
            assertEquals(403, server.get("127.0.0.2", "/admin").status());
        }
    }

    @Test
    void whenAMicroProfileValueIsBad_thenStartUpStopsNamingItsSourceAndKey() {
        IpGuardConfigurationException e = assertThrows(IpGuardConfigurationException.class, () -> start(
                application().register(IpGuardFeature.class).property("ipguard.group.default", "127.0.0.2"),
                "ipguard.group.admin = 10.0.0.1/8\n"));

        assertEquals(1, e.problems().size(), e.problems().toString());
        String problem = e.problems().get(0);
        assertTrue(problem.startsWith("MicroProfile Config PropertiesConfigSource[source=file:" + directory.toUri().getPath())
                && problem.endsWith("microprofile-config.properties]: ipguard.group.admin: \"10.0.0.1/8\" has host bits set; "
                + "did you mean 10.0.0.0/8?"), problem);
    }
}
