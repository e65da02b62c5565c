package io.ipguard.jaxrs.spring.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipguard.jaxrs.IpGuardConfigurationException;
import io.ipguard.jaxrs.IpGuardFeature;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.springframework.boot.env.PropertiesPropertySourceLoader;
import org.springframework.boot.env.PropertySourceLoader;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ByteArrayResource;

/**
 * docs/spring-boot.md's code, checked where Spring is: its Java compiles against the starter and
 * Spring Boot, and each of its application.properties and YAML blocks, loaded as Boot loads them,
 * gives settings the library accepts. (The examples' docs tests check every other page.)
 */
class SpringBootDocsTest {

    private static final Path PAGE = Path.of("..", "docs", "spring-boot.md");
    private static final String IMPORTS = "import io.ipguard.jaxrs.*; import io.ipguard.jaxrs.spring.boot.*; "
            + "import java.nio.file.Path; import org.glassfish.jersey.server.ResourceConfig; "
            + "import org.springframework.context.annotation.*; import org.springframework.stereotype.Component;\n";
    /** What the page's snippets name without defining: a resource, as in the README. */
    private static final String RESOURCE = "@jakarta.ws.rs.Path(\"/admin\") @Whitelisted(group = \"admin\") "
            + "class AdminResource { @jakarta.ws.rs.GET public String get() { return \"admin\"; } }\n";

    private static List<String> blocks(String language) throws Exception {
        Matcher m = Pattern.compile("```" + language + "\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(PAGE));
        List<String> found = new ArrayList<>();
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    @Test
    void whenThePageShowsJava_thenEachBlockCompilesAgainstTheStarter() throws Exception {
        List<String> java = blocks("java");
        List<String> failures = new ArrayList<>();
        for (String block : java) {
            StringBuilder errors = new StringBuilder();
            if (!compile(IMPORTS + block.replace("public class", "class") + RESOURCE, errors)) {
                failures.add(block + errors);
            }
        }
        assertEquals(2, java.size());
        assertEquals(List.of(), failures);
    }

    @Test
    void whenThePageShowsSettings_thenSpringLoadsThemAndTheLibraryAcceptsThem() throws Exception {
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (String language : List.of("properties", "yaml")) {
            PropertySourceLoader loader = language.equals("yaml") ? new YamlPropertySourceLoader()
                    : new PropertiesPropertySourceLoader();
            for (String block : blocks(language)) {
                StandardEnvironment environment = new StandardEnvironment();
                loader.load("spring-boot.md", new ByteArrayResource(block.getBytes(StandardCharsets.UTF_8)))
                        .forEach(environment.getPropertySources()::addLast);
                IpGuardFeature.Builder builder = IpGuardFeature.builder();
                try {
                    SpringSettings.read(environment).forEach(s -> builder.property(s.key(), s.value(), s.source()));
                    builder.build().inspector();
                } catch (IpGuardConfigurationException e) {
                    problems.add(language + " block " + block + ": " + e.getMessage());
                }
                checked++;
            }
        }
        assertTrue(checked >= 3, "found " + checked + " blocks");
        assertEquals(List.of(), problems);
    }

    private static boolean compile(String source, StringBuilder errors) {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        JavaFileObject file = new SimpleJavaFileObject(URI.create("string:///Snippet.java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        List<String> options = List.of("-classpath", System.getProperty("java.class.path"), "-proc:none", "-d",
                System.getProperty("java.io.tmpdir") + "/ipguard-spring-docs-snippets");
        java.io.StringWriter out = new java.io.StringWriter();
        boolean ok = compiler.getTask(out, null, null, options, null, List.of(file)).call();
        errors.append(out);
        return ok;
    }
}
