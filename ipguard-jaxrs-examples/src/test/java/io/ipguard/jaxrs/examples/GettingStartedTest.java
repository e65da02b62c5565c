package io.ipguard.jaxrs.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipguard.jaxrs.examples.gettingstarted.HelloApplication;
import io.ipguard.jaxrs.testing.RawHttp;
import io.ipguard.jaxrs.testing.RequiredTool;
import io.ipguard.jaxrs.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    /**
     * A newcomer's hour, from the text of the guide alone: the library installed into the local
     * Maven repository (from this build's own files, as step 1's {@code mvn install} would), the
     * guide's pom.xml and classes written into an empty directory, the guide's command starting the
     * server, and requests from an allowed and a refused address.
     */
    @Test
    void whenTheGuideIsCopiedIntoAnEmptyDirectory_thenItBuildsAndGuardsItsEndpoint(@TempDir Path project) throws Exception {
        Path mvn = RequiredTool.find("mvn", List.of("/usr/bin/mvn", "/usr/local/bin/mvn", "/usr/share/maven/bin/mvn"));
        Path library = Path.of("..", "ipguard-jaxrs", "target", "ipguard-jaxrs-0.1.0-SNAPSHOT.jar");
        assertTrue(Files.isRegularFile(library), "run through mvn verify: the library's jar is built before this test");
        run(project, mvn.toString(), "-B", "-q", "install:install-file", "-Dfile=" + Path.of("..", "pom.xml").toAbsolutePath(),
                "-DpomFile=" + Path.of("..", "pom.xml").toAbsolutePath(), "-Dpackaging=pom");
        run(project, mvn.toString(), "-B", "-q", "install:install-file", "-Dfile=" + library.toAbsolutePath(),
                "-DpomFile=" + Path.of("..", "ipguard-jaxrs", "pom.xml").toAbsolutePath());

        String doc = Files.readString(DOC);
        Files.writeString(project.resolve("pom.xml"), block(doc, "xml", "<project"));
        Matcher blocks = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL).matcher(doc);
        while (blocks.find()) {
            String code = blocks.group(1);
            String pkg = code.lines().findFirst().orElseThrow().replaceAll("package (.*);", "$1");
            String name = code.lines().filter(l -> l.startsWith("public class ")).findFirst().orElseThrow().split(" ")[2];
            Path file = project.resolve("src/main/java").resolve(pkg.replace('.', '/')).resolve(name + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, code);
        }
        String start = block(doc, "sh", "mvn -q compile exec:java").strip();

        List<String> command = new java.util.ArrayList<>(List.of(start.split(" ")));
        command.set(0, mvn.toString());
        Process server = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true).start();
        try {
            StringBuilder output = new StringBuilder();
            java.io.BufferedReader lines = new java.io.BufferedReader(new java.io.InputStreamReader(server.getInputStream()));
            String line = lines.readLine();
            while (line != null && !line.contains("listening on")) {
                output.append(line).append('\n');
                line = lines.readLine();
            }
            assertTrue(line != null, "the guide's project did not build or start:\n" + output);

            assertEquals("hello, colleague\n", RawHttp.get("127.0.0.1", "127.0.0.1", 8081, "/hello").body());
            assertEquals(403, RawHttp.get("127.0.0.5", "127.0.0.1", 8081, "/hello").status());
        } finally {
            server.descendants().forEach(ProcessHandle::destroy);
            server.destroy();
            server.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    /** The first code block of the language whose text starts with {@code start}. */
    private static String block(String doc, String language, String start) {
        Matcher blocks = Pattern.compile("```" + language + "\n(.*?)```", Pattern.DOTALL).matcher(doc);
        while (blocks.find()) {
            if (blocks.group(1).startsWith(start)) {
                return blocks.group(1);
            }
        }
        throw new AssertionError("docs/getting-started.md has no " + language + " block starting " + start);
    }

    private static void run(Path directory, String... command) throws Exception {
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), String.join(" ", command) + " failed:\n" + output);
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
