package io.ipguard.jaxrs.internal.config;

import io.ipguard.jaxrs.IpGuardConfigurationException;
import io.ipguard.jaxrs.internal.io.IoProblems;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a configuration file in UTF-8, remembering the line of every key so that errors can
 * name {@code file:line}. The format is the line-oriented subset of Java properties:
 * {@code key = value} or {@code key: value}, {@code #} and {@code !} comments, and a trailing
 * backslash to continue a value on the next line. A repeated key is an error, not an override.
 */
public final class PropertiesFile {

    private PropertiesFile() {
    }

    /**
     * Reads the file.
     *
     * @throws IpGuardConfigurationException if it cannot be read or has malformed lines
     */
    public static Map<String, Setting> read(Path file) {
        try {
            return parse(file.toString(), Files.readAllBytes(file));
        } catch (IOException e) {
            throw new IpGuardConfigurationException(List.of(file + ": " + IoProblems.describe(e)));
        }
    }

    /**
     * Parses file content given as bytes, which must be UTF-8 (a leading byte order mark is dropped).
     *
     * @throws IpGuardConfigurationException if it is not UTF-8 or has malformed lines
     */
    public static Map<String, Setting> parse(String name, byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            // A byte order mark, as some Windows editors write, is not part of the first key.
            return parse(name, text.startsWith("\uFEFF") ? text.substring(1) : text);
        } catch (CharacterCodingException e) {
            throw new IpGuardConfigurationException(List.of(name + ": is not valid UTF-8"));
        }
    }

    /** Parses file content; {@code name} is the file name used in messages. */
    public static Map<String, Setting> parse(String name, String text) {
        Map<String, Setting> settings = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        String[] lines = text.split("\r\n|\r|\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int first = i;
            String line = stripLeading(lines[i]);
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("!")) {
                continue;
            }
            StringBuilder logical = new StringBuilder();
            boolean cut = false;
            while (endsWithContinuation(line)) {
                if (i + 1 >= lines.length || i + 2 == lines.length && lines[i + 1].isEmpty()) {
                    // Nothing follows the continuation: the rest of the value is missing, not empty.
                    cut = true;
                    break;
                }
                logical.append(line, 0, line.length() - 1);
                line = stripLeading(lines[++i]);
            }
            if (cut) {
                problems.add(name + ":" + (i + 1) + ": the file ends inside a continued line (one ending in '\\'), so "
                        + "it is cut short or still being written; write the file whole, then move it into place");
                continue;
            }
            logical.append(line);
            String origin = name + ":" + (first + 1);
            addSetting(logical.toString(), origin, settings, problems);
        }
        if (!problems.isEmpty()) {
            // Report the values' problems too, so that one round of fixes is enough.
            try {
                ConfigSnapshot.checkValues(settings.values());
            } catch (IpGuardConfigurationException e) {
                problems.addAll(e.problems());
            }
            throw new IpGuardConfigurationException(problems);
        }
        return settings;
    }

    private static void addSetting(String line, String origin, Map<String, Setting> settings, List<String> problems) {
        int equals = line.indexOf('=');
        int colon = line.indexOf(':');
        int separator = equals < 0 ? colon : colon < 0 ? equals : Math.min(equals, colon);
        if (separator < 0) {
            problems.add(origin + ": expected key = value, found \"" + line.strip() + "\"");
            return;
        }
        String key = line.substring(0, separator).strip();
        if (key.isEmpty() || key.chars().anyMatch(Character::isWhitespace)) {
            problems.add(origin + ": expected key = value, found \"" + line.strip() + "\"");
            return;
        }
        Setting previous = settings.get(key);
        if (previous != null) {
            problems.add(origin + ": " + key + ": is already set at " + previous.origin());
            return;
        }
        settings.put(key, new Setting(key, line.substring(separator + 1).strip(), origin));
    }

    private static boolean endsWithContinuation(String line) {
        int backslashes = 0;
        for (int i = line.length() - 1; i >= 0 && line.charAt(i) == '\\'; i--) {
            backslashes++;
        }
        return backslashes % 2 == 1;
    }

    private static String stripLeading(String line) {
        return line.stripLeading();
    }
}
