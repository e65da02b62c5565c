package io.ipguard.jaxrs.functional.generated;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/** Compiles generated sources with the JDK's compiler, against the test class path, in one run. */
final class SourceCompiler {

    private SourceCompiler() {
    }

    /** Compiles the files into {@code directory} and returns a loader for them, child of this class's loader. */
    static ClassLoader compile(Map<String, String> files, Path directory) {
        try {
            Path sources = Files.createDirectories(directory.resolve("src"));
            Path classes = Files.createDirectories(directory.resolve("classes"));
            List<File> written = new ArrayList<>();
            for (Map.Entry<String, String> file : files.entrySet()) {
                Path path = sources.resolve(file.getKey());
                Files.createDirectories(path.getParent());
                Files.writeString(path, file.getValue(), StandardCharsets.UTF_8);
                written.add(path.toFile());
            }
            JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
            StringWriter errors = new StringWriter();
            try (StandardJavaFileManager manager = compiler.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
                // Surefire may put only a manifest jar on java.class.path; it names the real path here.
                String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
                List<String> options = List.of("-classpath", classPath, "-d", classes.toString(), "-proc:none",
                        "-nowarn", "-Xlint:none", "--release", "17");
                boolean ok = compiler.getTask(errors, manager, null, options, null,
                        manager.getJavaFileObjectsFromFiles(written)).call();
                if (!ok) {
                    throw new IllegalStateException("generated sources do not compile:\n" + errors);
                }
            }
            return new URLClassLoader(new URL[] {classes.toUri().toURL()}, SourceCompiler.class.getClassLoader());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
