package io.ipguard.jaxrs.samples.dropwizard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dropwizard.configuration.YamlConfigurationFactory;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.validation.BaseValidator;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/dropwizard.md against this sample: its classes are the sample's sources, quoted exactly; its
 * other Java compiles inside an application's {@code run}; its first YAML block is config.yml's, and
 * every YAML block passes Dropwizard's validation of the sample's configuration.
 */
class DropwizardDocsTest {

    private static final Path DOC = Path.of("..", "..", "..", "docs", "dropwizard.md");
    private static final Path SOURCES = Path.of("src", "main", "java", "io", "ipguard", "jaxrs", "samples", "dropwizard");

    private static List<String> blocks(String language) throws Exception {
        Matcher block = Pattern.compile("```" + language + "\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(DOC));
        List<String> found = new ArrayList<>();
        while (block.find()) {
            found.add(block.group(1));
        }
        return found;
    }

    @Test
    void whenThePageShowsAClass_thenItIsTheSamplesSource() throws Exception {
        List<String> classes = blocks("java").stream().filter(code -> code.startsWith("package ")).toList();

        assertEquals(2, classes.size());
        for (String code : classes) {
            String name = code.lines().filter(l -> l.startsWith("public class ")).findFirst().orElseThrow().split(" ")[2];
            assertEquals(Files.readString(SOURCES.resolve(name + ".java")), code);
        }
    }

    @Test
    void whenThePageShowsStatements_thenTheyCompileInAnApplicationsRun(@TempDir Path out) throws Exception {
        List<String> statements = blocks("java").stream().filter(code -> !code.startsWith("package ")).toList();

        assertEquals(1, statements.size());
        for (String code : statements) {
            String source = "import io.ipguard.jaxrs.*; import io.ipguard.jaxrs.dropwizard.*; import java.util.*;\n"
                    + "import io.ipguard.jaxrs.samples.dropwizard.*; import io.dropwizard.core.setup.Environment;\n"
                    + "import org.glassfish.hk2.utilities.binding.AbstractBinder;\n"
                    + "class Snippet {\n void run(SampleConfiguration configuration, Environment environment) {\n" + code
                    + "\n }\n}\n";
            StringWriter errors = new StringWriter();
            JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
            boolean compiled = compiler.getTask(errors, null, null, List.of("-classpath",
                    System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")), "-proc:none",
                    "-d", out.toString()), null, List.of(new SimpleJavaFileObject(URI.create("string:///Snippet.java"),
                    SimpleJavaFileObject.Kind.SOURCE) {
                        @Override
                        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                            return source;
                        }
                    })).call();
            assertTrue(compiled, code + "\n" + errors);
        }
    }

    @Test
    void whenThePageShowsYaml_thenConfigYmlHasItAndDropwizardAcceptsEachBlock() throws Exception {
        List<String> yaml = blocks("yaml");

        assertTrue(yaml.size() >= 2, "found " + yaml.size() + " YAML blocks");
        assertTrue(Files.readString(Path.of("config.yml")).contains(yaml.get(0)), "config.yml holds the page's first block");
        for (String block : yaml) {
            new YamlConfigurationFactory<>(SampleConfiguration.class, BaseValidator.newValidator(),
                    Jackson.newObjectMapper(), "dw").build(path -> new ByteArrayInputStream(
                    block.getBytes(StandardCharsets.UTF_8)), "dropwizard.md");
        }
    }
}
