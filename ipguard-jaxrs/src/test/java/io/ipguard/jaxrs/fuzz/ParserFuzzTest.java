package io.ipguard.jaxrs.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.ipguard.jaxrs.ClientAddress;
import io.ipguard.jaxrs.IpGuardConfigurationException;
import io.ipguard.jaxrs.IpSet;

/**
 * Coverage-guided fuzzing of the list parser: any text either compiles or fails with our
 * configuration exception, and a compiled set answers lookups. Every {@code mvn verify} replays
 * the kept inputs; {@code JAZZER_FUZZ=1} fuzzes (docs/testing.md).
 */
class ParserFuzzTest {

    @FuzzTest(maxDuration = "10s")
    void whenAnyTextIsParsed_thenOnlyTheConfigurationExceptionEscapes(FuzzedDataProvider data) {
        String probe = data.consumeString(64);
        String entries = data.consumeRemainingAsString();
        IpSet set;
        try {
            set = IpSet.parse(entries, "fuzz");
        } catch (IpGuardConfigurationException expected) {
            if (expected.problems().isEmpty()) {
                throw new IllegalStateException("an exception without problems", expected);
            }
            return;
        }
        try {
            ClientAddress address = ClientAddress.parse(probe);
            set.contains(address);
            // The canonical text of what parsed must parse to the same address.
            if (!ClientAddress.parse(address.toString()).equals(address)) {
                throw new IllegalStateException("round trip broke for " + probe);
            }
        } catch (IllegalArgumentException notAnAddress) {
            // Not a literal: rejected, as it should be.
        }
    }
}
