package io.ipguard.jaxrs.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipguard.jaxrs.testing.Nginx;
import io.ipguard.jaxrs.testing.RequiredTool;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps the docs from drifting: every code block in the README and docs/ is compiled or run.
 * Java blocks are compiled (as classes, or as statements of a {@code ResourceConfig}); nginx and
 * HAProxy blocks are checked by nginx and HAProxy themselves; shell blocks may only name build
 * profiles, tests and files that exist; the Maven block must parse and name the project's versions.
 * ({@code properties} blocks: {@link DocsPropertiesTest}; getting-started's Java: {@link GettingStartedTest};
 * dropwizard.md's Java and YAML: the Dropwizard sample's {@code DropwizardDocsTest}.)
 * Blocks without a language are sample output, not code.
 */
class DocsCodeBlocksTest {

    private static final Path ROOT = Path.of("..");
    private static final Pattern BLOCK = Pattern.compile("```(\\w+)\n(.*?)```", Pattern.DOTALL);

    private record Block(String page, String language, String code) {
        @Override
        public String toString() {
            return page + " " + language + " block starting \"" + code.lines().findFirst().orElse("") + "\"";
        }
    }

    private static List<Block> blocks(String language) throws Exception {
        List<Path> pages = new ArrayList<>(List.of(ROOT.resolve("README.md")));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        List<Block> found = new ArrayList<>();
        for (Path page : pages) {
            Matcher m = BLOCK.matcher(Files.readString(page));
            while (m.find()) {
                if (m.group(1).equals(language)) {
                    found.add(new Block(page.getFileName().toString(), language, m.group(2)));
                }
            }
        }
        return found;
    }

    private static final String JAXRS_IMPORTS = "import io.ipguard.jaxrs.*; import io.ipguard.jaxrs.examples.*; "
            + "import jakarta.ws.rs.*; import jakarta.ws.rs.core.*; import jakarta.inject.*; "
            + "import org.glassfish.jersey.server.ResourceConfig; import org.glassfish.hk2.utilities.binding.AbstractBinder;\n";
    private static final String NIO_IMPORTS = "import io.ipguard.jaxrs.*; import io.ipguard.jaxrs.examples.*; "
            + "import jakarta.inject.*; import java.nio.file.Path; "
            + "import org.glassfish.jersey.server.ResourceConfig; import org.glassfish.hk2.utilities.binding.AbstractBinder;\n";

    @Test
    void whenDocsShowJava_thenEachBlockCompiles() throws Exception {
        // getting-started.md's Java: GettingStartedTest; dropwizard.md's needs Dropwizard, so the Dropwizard sample
        // checks it (DropwizardDocsTest in ipguard-jaxrs-examples/hosts/dropwizard); spring-boot.md's needs Spring,
        // and the starter's SpringBootDocsTest compiles it.
        List<Block> java = blocks("java").stream()
                .filter(b -> !b.page().equals("getting-started.md") && !b.page().equals("dropwizard.md")
                        && !b.page().equals("spring-boot.md")).toList();
        List<String> failures = new ArrayList<>();
        for (Block block : java) {
            String asMembers = "class Snippet {\n" + block.code() + "\n}\n";
            String asStatements = "class Snippet extends ResourceConfig {\n void snippet() throws Exception {\n" + block.code()
                    + "\n }\n}\n";
            boolean compiles = false;
            StringBuilder errors = new StringBuilder();
            for (String imports : List.of(JAXRS_IMPORTS, NIO_IMPORTS)) {
                for (String body : List.of(asMembers, asStatements)) {
                    compiles |= compile(imports + body, errors);
                }
            }
            if (!compiles) {
                failures.add(block + " does not compile:\n" + errors);
            }
        }
        assertTrue(java.size() >= 4, "found " + java.size() + " Java blocks");
        assertEquals(List.of(), failures);
    }

    private static boolean compile(String source, StringBuilder errors) {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        SimpleJavaFileObject file = new SimpleJavaFileObject(URI.create("string:///Snippet.java"), SimpleJavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        List<String> options = List.of("-classpath", System.getProperty("java.class.path"), "-proc:none", "-d",
                System.getProperty("java.io.tmpdir") + "/ipguard-docs-snippets");
        java.io.StringWriter out = new java.io.StringWriter();
        boolean ok = compiler.getTask(out, null, null, options, null, List.of(file)).call();
        if (!ok) {
            errors.append(out).append('\n');
        }
        return ok;
    }

    @Test
    void whenDocsShowNginx_thenNginxAcceptsEachBlock(@TempDir Path dir) throws Exception {
        Path nginx = Nginx.executable();
        List<Block> nginxBlocks = blocks("nginx");
        for (Block block : nginxBlocks) {
            // A server-level block ("location / {...}") or a location-level one (directives).
            String server = block.code().trim().startsWith("location") ? block.code()
                    : "location / {\n proxy_pass http://127.0.0.1:8080;\n" + block.code() + "}\n";
            Path conf = dir.resolve("check.conf");
            Files.writeString(conf, String.join("\n", "pid " + dir.resolve("nginx.pid") + ";", "events {}", "http {",
                    "  client_body_temp_path " + dir.resolve("body") + ";", "  proxy_temp_path " + dir.resolve("proxy") + ";",
                    "  fastcgi_temp_path " + dir.resolve("fastcgi") + ";", "  uwsgi_temp_path " + dir.resolve("uwsgi") + ";",
                    "  scgi_temp_path " + dir.resolve("scgi") + ";",
                    "  server {", "    listen 127.0.0.1:" + Nginx.freePort() + ";", server, "  }", "}", ""));
            Process check = new ProcessBuilder(nginx.toString(), "-t", "-q", "-c", conf.toString(), "-p", dir.toString(),
                    "-e", dir.resolve("error.log").toString()).redirectErrorStream(true).start();
            String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(check.waitFor(30, TimeUnit.SECONDS));
            assertEquals(0, check.exitValue(), block + ": " + output);
        }
        assertTrue(nginxBlocks.size() >= 3, "found " + nginxBlocks.size() + " nginx blocks");
    }

    @Test
    void whenDocsShowHaproxy_thenHaproxyAcceptsEachBlock(@TempDir Path dir) throws Exception {
        Path haproxy = RequiredTool.find("haproxy", List.of("/usr/sbin/haproxy", "/usr/local/sbin/haproxy"));
        for (Block block : blocks("haproxy")) {
            Path conf = dir.resolve("haproxy.cfg");
            Files.writeString(conf, String.join("\n", "defaults", "    mode http", "    timeout connect 1s",
                    "    timeout client 1s", "    timeout server 1s", "frontend api_in",
                    "    bind 127.0.0.1:" + Nginx.freePort(), "    default_backend api", block.code()));
            Process check = new ProcessBuilder(haproxy.toString(), "-c", "-f", conf.toString()).redirectErrorStream(true).start();
            String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(check.waitFor(30, TimeUnit.SECONDS));
            assertEquals(0, check.exitValue(), block + ": " + output);
        }
    }

    @Test
    void whenDocsShowShellCommands_thenTheyNameOnlyProfilesTestsAndFilesThatExist() throws Exception {
        String poms = Files.readString(ROOT.resolve("pom.xml")) + Files.readString(ROOT.resolve("ipguard-jaxrs/pom.xml"))
                + Files.readString(ROOT.resolve("ipguard-jaxrs-examples/pom.xml"));
        List<String> problems = new ArrayList<>();
        for (Block block : blocks("sh")) {
            Matcher profile = Pattern.compile(" -P(\\w+)").matcher(block.code());
            while (profile.find()) {
                if (!poms.contains("<id>" + profile.group(1) + "</id>")) {
                    problems.add(block + ": no profile " + profile.group(1));
                }
            }
            Matcher test = Pattern.compile("-Dtest='?([\\w*,]+)'?").matcher(block.code());
            while (test.find()) {
                for (String name : test.group(1).split(",")) {
                    if (!testClassExists(name.replace("*", ""))) {
                        problems.add(block + ": no test class matching " + name);
                    }
                }
            }
            Matcher path = Pattern.compile("(ipguard-jaxrs[\\w-]*/[\\w./-]+)").matcher(block.code());
            while (path.find()) {
                String file = path.group(1);
                boolean buildOutput = file.contains("/target/");
                if (!buildOutput && !Files.exists(ROOT.resolve(file))) {
                    problems.add(block + ": no file " + file);
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    private static boolean testClassExists(String fragment) throws Exception {
        try (Stream<Path> files = Files.walk(ROOT.resolve("ipguard-jaxrs/src/test/java"))) {
            return files.anyMatch(f -> f.getFileName().toString().contains(fragment));
        }
    }

    @Test
    void whenDocsShowMavenXml_thenItParsesAndNamesTheProjectsVersions() throws Exception {
        String parent = Files.readString(ROOT.resolve("pom.xml"));
        for (Block block : blocks("xml")) {
            DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(("<project>" + block.code() + "</project>").getBytes(StandardCharsets.UTF_8)));
            Matcher version = Pattern.compile("<artifactId>([\\w.-]+)</artifactId>\\s*<version>([\\w.-]+)</version>")
                    .matcher(block.code());
            while (version.find()) {
                String artifact = version.group(1);
                String expected = switch (artifact) {
                    case "ipguard-jaxrs", "ipguard-jaxrs-dropwizard", "ipguard-jaxrs-spring-boot-starter" -> "<version>" + version.group(2) + "</version>";
                    case "hello-guarded" -> "";
                    default -> artifact.startsWith("jersey-") ? "<jersey.version>" + version.group(2) + "</jersey.version>"
                            // a plugin: the version this project pins
                            : "<artifactId>" + artifact + "</artifactId>\\s*<version>" + Pattern.quote(version.group(2)) + "</version>";
                };
                assertTrue(parent.contains(expected) || Pattern.compile(expected).matcher(parent).find(), block + ": "
                        + artifact + " " + version.group(2) + " is not the version this project builds with");
            }
        }
    }
}
