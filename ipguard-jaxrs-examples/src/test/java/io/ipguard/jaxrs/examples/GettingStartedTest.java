package io.ipguard.jaxrs.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipguard.jaxrs.examples.gettingstarted.HelloApplication;
import io.ipguard.jaxrs.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/getting-started.md: its Java code is these sources, quoted exactly, and the application
 * behaves as the page says.
 */
class GettingStartedTest {

    private static final Path DOC = Path.of("..", "docs", "getting-started.md");
    private static final Path SOURCES = Path.of("src", "main", "java", "io", "ipguard", "jaxrs", "examples", "gettingstarted");

    @Test
    void whenTheGuideIsFollowed_thenAllowedAndRefusedAreAsItSays() throws Exception {
        try (TestServer server = TestServer.start(new HelloApplication())) {
            assertEquals("hello, colleague\n", server.get("127.0.0.1", "/hello").body());
            assertEquals(200, server.get("::1", "/hello").status());
            assertEquals(403, server.get("127.0.0.5", "/hello").status());
        }
    }

    @Test
    void whenTheGuideQuotesJava_thenEachBlockIsAnExampleSourceVerbatim() throws Exception {
        String doc = Files.readString(DOC);
        Matcher blocks = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL).matcher(doc);
        int checked = 0;
        while (blocks.find()) {
            String block = blocks.group(1);
            String name = block.lines().filter(l -> l.startsWith("public class ")).findFirst().orElseThrow()
                    .split(" ")[2];
            String source = Files.readString(SOURCES.resolve(name + ".java"));
            assertEquals(source, block, "docs/getting-started.md must quote " + name + ".java exactly");
            checked++;
        }
        assertEquals(3, checked);
    }
}
