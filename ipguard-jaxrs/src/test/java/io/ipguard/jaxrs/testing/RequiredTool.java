package io.ipguard.jaxrs.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds an external program a test needs (nginx, haproxy). In CI ({@code CI=true}) a missing one
 * fails the test, because CI installs it; elsewhere the test is skipped with the reason printed.
 */
public final class RequiredTool {

    private RequiredTool() {
    }

    /** Returns the first executable among {@code candidates}, or ends the test as described above. */
    public static Path find(String name, List<String> candidates) {
        for (String candidate : candidates) {
            if (Files.isExecutable(Path.of(candidate))) {
                return Path.of(candidate);
            }
        }
        String why = name + " is not installed (apt-get install -y " + name + "): this test cannot run";
        if ("true".equals(System.getenv("CI"))) {
            fail(why);
        }
        System.err.println("SKIPPED: " + why);
        Assumptions.abort(why);
        throw new AssertionError(why);
    }
}
