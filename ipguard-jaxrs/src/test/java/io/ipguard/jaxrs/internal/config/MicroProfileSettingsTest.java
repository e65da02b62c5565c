package io.ipguard.jaxrs.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The keys MicroProfile Config property names stand for, environment-style names included. */
class MicroProfileSettingsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "null", value = {
        "ipguard.group.admin,            ipguard.group.admin",
        "ipguard.trusted-proxies,        ipguard.trusted-proxies",
        "IPGUARD_GROUP_ADMIN,            ipguard.group.admin",
        "IPGUARD_GROUP_OFFICE_NET,       ipguard.group.office_net",
        "IPGUARD_TRUSTED_PROXIES,        ipguard.trusted-proxies",
        "IPGUARD_CLIENT_IP_HEADER,       ipguard.client-ip-header",
        "IPGUARD_URL_MAX_BYTES,          ipguard.url-max-bytes",
        "IPGUARD_URL_MAX_BYTES_GITHUB,   ipguard.url-max-bytes.github",
        "IPGUARD_URL_SELECT_GITHUB,      ipguard.url-select.github",
        "IPGUARD_URL_GITHUB,             ipguard.url.github",
        "IPGUARD_URL_REFRESH_SECONDS,    ipguard.url-refresh-seconds",
        "IPGUARD_FILE_PARTNERS,          ipguard.file.partners",
        "IPGUARD_TRUSTED_PROXY,          ipguard.trusted-proxy",
        "JAVA_HOME,                      null",
        "ipguard_group_admin,            null",
        "mp.config.profile,              null",
    })
    void whenAPropertyNameIsRead_thenItStandsForTheKeyItSpells(String name, String key) {
        assertEquals(key, MicroProfileSettings.keyOf(name));
    }
}
