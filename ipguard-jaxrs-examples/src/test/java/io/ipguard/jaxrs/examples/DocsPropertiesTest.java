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

/** Every {@code properties} block in the README and docs/ (but spring-boot.md's) is a configuration the library accepts. */
class DocsPropertiesTest {

    @Test
    void whenDocsShowConfiguration_thenEachBlockIsValid(@TempDir Path dir) throws Exception {
        List<Path> pages = new ArrayList<>(List.of(Path.of("..", "README.md")));
        try (Stream<Path> docs = Files.list(Path.of("..", "docs"))) {
            // spring-boot.md's blocks are application.properties files, with Spring's keys beside ipguard's:
            // the starter's SpringBootDocsTest loads them through Spring.
            docs.filter(p -> p.toString().endsWith(".md") && !p.endsWith("spring-boot.md")).sorted().forEach(pages::add);
        }
        List<String> problems = new ArrayList<>();
        int blocks = 0;
        for (Path page : pages) {
            for (String block : propertiesBlocks(Files.readString(page))) {
                Path file = dir.resolve(page.getFileName() + "-" + (++blocks) + ".properties");
                Files.writeString(file, withListFiles(block, dir));
                try {
                    // Loaded whole, as at start-up: references resolved, list files read, URLs fetched
                    // (the tests never reach the internet, so those fail within a second and stay empty).
                    IpGuardFeature.builder().configFile(file).property("ipguard.url-timeout-seconds", "1").build()
                            .inspector().status();
                } catch (IpGuardConfigurationException e) {
                    problems.add(page.getFileName() + ": " + e.getMessage());
                }
            }
        }
        assertTrue(blocks >= 8, "expected the docs' configuration examples, found " + blocks);
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    /** The content of each {@code properties} block of a Markdown text, in order (also run by {@link ProviderRecipesIT}). */
    static List<String> propertiesBlocks(String markdown) {
        return Pattern.compile("```properties\n(.*?)```", Pattern.DOTALL).matcher(markdown).results()
                .map(block -> block.group(1))
                .toList();
    }

    /** The block with each list file it names ({@code /etc/ipguard/...}) moved to {@code dir}, created empty. */
    static String withListFiles(String block, Path dir) throws Exception {
        String moved = block.replace("/etc/ipguard/", dir.toString() + "/");
        Matcher file = Pattern.compile("(?m)^ipguard\\.file\\.[^=]+=\\s*(\\S+)").matcher(moved);
        while (file.find()) {
            Path list = Path.of(file.group(1));
            if (!Files.exists(list)) {
                Files.writeString(list, "# empty\n");
            }
        }
        return moved;
    }
}
