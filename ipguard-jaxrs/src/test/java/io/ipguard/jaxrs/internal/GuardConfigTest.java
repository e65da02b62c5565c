package io.ipguard.jaxrs.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ipguard.jaxrs.IpGuardConfigurationException;
import io.ipguard.jaxrs.IpGuardFeature;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GuardConfigTest {

    private static GuardConfig parse(String key, String value) {
        return GuardConfig.parse(List.of(new Setting(key, value, null)));
    }

    @Test
    void whenNothingIsSet_thenDefaultsAreSecure() {
        GuardConfig config = GuardConfig.parse(List.of());

        assertEquals(403, config.denyStatus());
        assertEquals(false, config.reportOnly());
        assertEquals(0, config.groups().size());
    }

    @ParameterizedTest(name = "{0} = \"{1}\"")
    @CsvSource(delimiter = '|', value = {
        "ipguard.deny-status  | 401   | ipguard.deny-status: must be 403 or 404, not \"401\"",
        "ipguard.deny-status  | ''    | ipguard.deny-status: must be 403 or 404, not \"\"",
        "ipguard.report-only  | yes   | ipguard.report-only: must be true or false, not \"yes\"",
        "ipguard.group.       | 1.2.3.4 | ipguard.group.: invalid group name \"\"; use letters, digits, '.', '_' and '-'",
        "ipguard.group.a b    | 1.2.3.4 | ipguard.group.a b: invalid group name \"a b\"; use letters, digits, '.', '_' and '-'",
        "ipguard.trusted-proxy | 10.0.0.1 | ipguard.trusted-proxy: unknown key",
    })
    void whenSettingIsInvalid_thenMessageNamesKeyAndValue(String key, String value, String problem) {
        IpGuardConfigurationException e = assertThrows(IpGuardConfigurationException.class, () -> parse(key, value));

        assertEquals(List.of(problem), e.problems());
    }

    @Test
    void whenReportOnlyIsAnyCase_thenItIsRead() {
        assertEquals(true, parse("ipguard.report-only", " TRUE ").reportOnly());
        assertEquals(404, parse("ipguard.deny-status", "404").denyStatus());
    }

    @Test
    void whenBuilderGetsInvalidValues_thenItThrowsAtOnce() {
        IllegalArgumentException status = assertThrows(IllegalArgumentException.class,
                () -> IpGuardFeature.builder().denyStatus(500));
        IpGuardConfigurationException group = assertThrows(IpGuardConfigurationException.class,
                () -> IpGuardFeature.builder().group("admin", "10.0.0.1/8"));
        IpGuardConfigurationException key = assertThrows(IpGuardConfigurationException.class,
                () -> IpGuardFeature.builder().property("ipguard.deny", "403"));

        assertEquals("deny status must be 403 or 404, not 500", status.getMessage());
        assertEquals("invalid ipguard configuration: ipguard.group.admin: \"10.0.0.1/8\" has host bits set; "
                + "did you mean 10.0.0.0/8?", group.getMessage());
        assertEquals("invalid ipguard configuration: ipguard.deny: unknown key", key.getMessage());
    }
}
