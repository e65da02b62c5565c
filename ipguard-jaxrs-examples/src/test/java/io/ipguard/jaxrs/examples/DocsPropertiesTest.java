package io.ipguard.jaxrs.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipguard.jaxrs.IpGuardConfigurationException;
import io.ipguard.jaxrs.IpGuardFeature;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every {@code properties} block in the README and docs/ is a configuration the library accepts. */
class DocsPropertiesTest {

    @Test
    void whenDocsShowConfiguration_thenEachBlockIsValid(@TempDir Path dir) throws Exception {
        List<Path> pages = new ArrayList<>(List.of(Path.of("..", "README.md")));
        try (Stream<Path> docs = Files.list(Path.of("..", "docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        List<String> problems = new ArrayList<>();
        int blocks = 0;
        for (Path page : pages) {
            Matcher block = Pattern.compile("```properties\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(page));
            while (block.find()) {
                Path file = dir.resolve(page.getFileName() + "-" + (++blocks) + ".properties");
                Files.writeString(file, block.group(1));
                try {
                    IpGuardFeature.builder().configFile(file).build();
                } catch (IpGuardConfigurationException e) {
                    problems.add(page.getFileName() + ": " + e.getMessage());
                }
            }
        }
        assertTrue(blocks >= 8, "expected the docs' configuration examples, found " + blocks);
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }
}
