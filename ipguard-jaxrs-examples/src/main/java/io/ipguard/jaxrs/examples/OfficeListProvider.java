package io.ipguard.jaxrs.examples;

import io.ipguard.jaxrs.IpSet;
import io.ipguard.jaxrs.WhitelistProvider;
import java.util.Map;

/**
 * A sample list provider whose groups come from the application's own code rather than from
 * properties: in a real application, a database, a service registry or a vault. Sets are
 * compiled once, here in the constructor, because {@link #group(String)} runs on every request.
 */
public final class OfficeListProvider implements WhitelistProvider {

    private final Map<String, IpSet> groups = Map.of(
            "default", IpSet.parse("127.0.0.0/29, ::1", "office network"),
            "admin", IpSet.parse("127.0.0.1", "office admins"));

    @Override
    public IpSet group(String name) {
        return groups.get(name);
    }
}
