package io.ipguard.jaxrs;

import java.util.List;

/**
 * Thrown when the ipguard configuration is invalid. It carries every problem found, each naming
 * its source (a property key, or {@code file:line} and key) and quoting the offending value, so
 * that one start-up attempt reports everything to fix.
 *
 * <p>Instances are immutable.
 */
public final class IpGuardConfigurationException extends RuntimeException {

    /** Serialization version. */
    private static final long serialVersionUID = 1L;

    /** The problems, in the order they were found. */
    private final List<String> problems;

    /**
     * Creates an exception for one or more problems.
     *
     * @param problems the problem descriptions, at least one
     * @throws IllegalArgumentException if {@code problems} is empty
     */
    public IpGuardConfigurationException(List<String> problems) {
        super(message(problems));
        this.problems = List.copyOf(problems);
    }

    private static String message(List<String> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("problems must not be empty");
        }
        if (problems.size() == 1) {
            return "invalid ipguard configuration: " + problems.get(0);
        }
        return "invalid ipguard configuration (" + problems.size() + " problems):\n  "
                + String.join("\n  ", problems);
    }

    /**
     * Returns the problems, in the order they were found.
     *
     * @return an immutable list of problem descriptions
     */
    public List<String> problems() {
        return problems;
    }
}
