package io.ipguard.jaxrs.internal.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class RefusalLogTest {

    /** Records what would be logged. */
    private static final class RecordingLogger implements System.Logger {
        final List<String> lines = new ArrayList<>();

        @Override
        public String getName() {
            return "test";
        }

        @Override
        public boolean isLoggable(Level level) {
            return true;
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
            lines.add(level + " " + msg);
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String format, Object... params) {
            lines.add(level + " " + format);
        }

        @Override
        public void log(Level level, Supplier<String> msgSupplier) {
            lines.add(level + " " + msgSupplier.get());
        }
    }

    @Test
    void whenTheSameFaultRepeats_thenItIsLoggedOnceASecondWithTheCount() {
        RecordingLogger logger = new RecordingLogger();
        AtomicLong now = new AtomicLong(0);
        RefusalLog log = new RefusalLog(logger, now::get);

        for (int i = 0; i < 50; i++) {
            log.logFault("provider down", () -> "refused: provider down");
            log.logFault("resolver broke", () -> "refused: resolver broke");
        }
        now.addAndGet(999_999_999L);
        log.logFault("provider down", () -> "refused: provider down");
        now.addAndGet(1L);
        log.logFault("provider down", () -> "refused: provider down");

        assertEquals(java.util.List.of("WARNING refused: provider down", "WARNING refused: resolver broke",
                "WARNING refused: provider down (repeated 50 times since it was last logged)"), logger.lines);
    }

    @Test
    void whenRefusalsFlood_thenAtMostTenLinesASecondAreWrittenAndTheRestCounted() {
        RecordingLogger logger = new RecordingLogger();
        AtomicLong now = new AtomicLong(0);
        RefusalLog log = new RefusalLog(logger, now::get);

        for (int i = 0; i < 1000; i++) {
            String line = "refused " + i;
            log.log(() -> line);
        }
        now.addAndGet(1_000_000_000L);
        log.log(() -> "refused later");

        assertEquals(11, logger.lines.size());
        assertEquals("WARNING refused 9", logger.lines.get(9));
        assertEquals("WARNING refused later (990 earlier refusal lines suppressed by the rate limit)",
                logger.lines.get(10));
    }
}
