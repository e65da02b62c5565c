package io.ipguard.jaxrs.dropwizard;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.validation.selfvalidating.SelfValidating;
import io.dropwizard.validation.selfvalidating.SelfValidation;
import io.dropwizard.validation.selfvalidating.ViolationCollector;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code ipguard:} block of a Dropwizard configuration: the guard's groups and settings as
 * typed YAML fields, each mapped onto one key of the library ({@code groups.admin} onto
 * {@code ipguard.group.admin}, {@code denyStatus} onto {@code ipguard.deny-status}, and so on;
 * docs/dropwizard.md has the table). Keys without a field of their own go in {@link #getProperties()}.
 *
 * <pre>{@code
 * ipguard:
 *   groups:
 *     admin: [10.0.0.0/8, "!10.9.9.9"]
 *   trustedProxies: [10.0.0.5]
 *   clientIpHeader: X-Forwarded-For
 * }</pre>
 *
 * <p>Declare the field {@code @Valid @NotNull} in the application's configuration, and name it
 * {@code ipguard} as in the YAML (Dropwizard's messages name the Java field): Dropwizard then checks
 * every entry and value on its own when it reads the file, and reports each bad one with its YAML
 * path and the library's reason ({@code ipguard.groups.admin[1] "10.9.9.9.9" is not an IP address}).
 * {@link IpGuardBundle} checks them again when it runs, for a field declared without {@code @Valid}.
 *
 * <p>Instances are mutable beans filled by Jackson, not thread-safe; the bundle reads them once, at start-up.
 */
@SelfValidating
public class IpGuardFactory {

    private Map<String, List<String>> groups = new LinkedHashMap<>();
    private List<String> trustedProxies = new ArrayList<>();
    private String clientIpHeader;
    private Integer trustedHops;
    private Integer denyStatus;
    private Boolean reportOnly;
    private Map<String, String> urls = new LinkedHashMap<>();
    private Map<String, String> urlSelect = new LinkedHashMap<>();
    private Map<String, String> files = new LinkedHashMap<>();
    private Integer urlRefreshSeconds;
    private Integer urlTimeoutSeconds;
    private Integer urlMaxBytes;
    private Integer providerTimeoutMillis;
    private Map<String, String> properties = new LinkedHashMap<>();

    /**
     * Checks every entry and value on its own, with the library's rules; Dropwizard calls it when it
     * validates the configuration. References to other lists and settings that depend on each other
     * are checked when the guard starts.
     *
     * @param collector where each problem goes, at its YAML path
     */
    @SelfValidation
    public void validate(ViolationCollector collector) {
        for (YamlMapping.Problem problem : YamlMapping.problems(this)) {
            problem.addTo(collector.getContext());
            collector.setViolationOccurred(true);
        }
    }

    /** @return the groups: a name, as in {@code @Whitelisted(group = name)}, to its entries ({@code ipguard.group.<name>}) */
    @JsonProperty
    public Map<String, List<String>> getGroups() {
        return groups;
    }

    /** @param groups the groups, a name to its entries; an empty list defines a group that refuses everyone */
    @JsonProperty
    public void setGroups(Map<String, List<String>> groups) {
        this.groups = groups == null ? new LinkedHashMap<>() : groups;
    }

    /** @return the entries of the proxies whose forwarding header is believed ({@code ipguard.trusted-proxies}) */
    @JsonProperty
    public List<String> getTrustedProxies() {
        return trustedProxies;
    }

    /** @param trustedProxies the proxies' entries: addresses, blocks, ranges, {@code @loopback}, {@code @name} */
    @JsonProperty
    public void setTrustedProxies(List<String> trustedProxies) {
        this.trustedProxies = trustedProxies == null ? new ArrayList<>() : trustedProxies;
    }

    /** @return the header that carries the client address ({@code ipguard.client-ip-header}); null if unset */
    @JsonProperty
    public String getClientIpHeader() {
        return clientIpHeader;
    }

    /** @param clientIpHeader {@code X-Forwarded-For}, {@code Forwarded}, {@code X-Real-IP} or another single-address header */
    @JsonProperty
    public void setClientIpHeader(String clientIpHeader) {
        this.clientIpHeader = clientIpHeader;
    }

    /** @return how many proxies of unknown address are in front ({@code ipguard.trusted-hops}); null if unset */
    @JsonProperty
    public Integer getTrustedHops() {
        return trustedHops;
    }

    /** @param trustedHops from 1 to 20 */
    @JsonProperty
    public void setTrustedHops(Integer trustedHops) {
        this.trustedHops = trustedHops;
    }

    /** @return the status of a refusal ({@code ipguard.deny-status}); null for the default, 403 */
    @JsonProperty
    public Integer getDenyStatus() {
        return denyStatus;
    }

    /** @param denyStatus 403 or 404 */
    @JsonProperty
    public void setDenyStatus(Integer denyStatus) {
        this.denyStatus = denyStatus;
    }

    /** @return whether refusals are only logged ({@code ipguard.report-only}); null for the default, false */
    @JsonProperty
    public Boolean getReportOnly() {
        return reportOnly;
    }

    /** @param reportOnly true to log would-be refusals and let them through */
    @JsonProperty
    public void setReportOnly(Boolean reportOnly) {
        this.reportOnly = reportOnly;
    }

    /** @return a group name to the URL of its list ({@code ipguard.url.<name>}) */
    @JsonProperty
    public Map<String, String> getUrls() {
        return urls;
    }

    /** @param urls a group name to an https URL (http only for loopback hosts) */
    @JsonProperty
    public void setUrls(Map<String, String> urls) {
        this.urls = urls == null ? new LinkedHashMap<>() : urls;
    }

    /** @return a URL group's name to what of its document is the list ({@code ipguard.url-select.<name>}) */
    @JsonProperty
    public Map<String, String> getUrlSelect() {
        return urlSelect;
    }

    /** @param urlSelect a group name to a JSON selection or {@code csv}/{@code csv:N} */
    @JsonProperty
    public void setUrlSelect(Map<String, String> urlSelect) {
        this.urlSelect = urlSelect == null ? new LinkedHashMap<>() : urlSelect;
    }

    /** @return a group name to the path of its list file ({@code ipguard.file.<name>}) */
    @JsonProperty
    public Map<String, String> getFiles() {
        return files;
    }

    /** @param files a group name to a file of one entry a line, watched for changes */
    @JsonProperty
    public void setFiles(Map<String, String> files) {
        this.files = files == null ? new LinkedHashMap<>() : files;
    }

    /** @return seconds between fetches of URL lists ({@code ipguard.url-refresh-seconds}); null for 300 */
    @JsonProperty
    public Integer getUrlRefreshSeconds() {
        return urlRefreshSeconds;
    }

    /** @param urlRefreshSeconds from 1 to 86400 */
    @JsonProperty
    public void setUrlRefreshSeconds(Integer urlRefreshSeconds) {
        this.urlRefreshSeconds = urlRefreshSeconds;
    }

    /** @return seconds a fetch may take ({@code ipguard.url-timeout-seconds}); null for 10 */
    @JsonProperty
    public Integer getUrlTimeoutSeconds() {
        return urlTimeoutSeconds;
    }

    /** @param urlTimeoutSeconds from 1 to 300 */
    @JsonProperty
    public void setUrlTimeoutSeconds(Integer urlTimeoutSeconds) {
        this.urlTimeoutSeconds = urlTimeoutSeconds;
    }

    /** @return the largest URL list accepted, in bytes ({@code ipguard.url-max-bytes}); null for 1048576 */
    @JsonProperty
    public Integer getUrlMaxBytes() {
        return urlMaxBytes;
    }

    /** @param urlMaxBytes from 1 to 67108864 */
    @JsonProperty
    public void setUrlMaxBytes(Integer urlMaxBytes) {
        this.urlMaxBytes = urlMaxBytes;
    }

    /** @return how long an application's own list provider may take ({@code ipguard.provider-timeout-millis}); null for 1000 */
    @JsonProperty
    public Integer getProviderTimeoutMillis() {
        return providerTimeoutMillis;
    }

    /** @param providerTimeoutMillis from 0 (no limit) to 60000 */
    @JsonProperty
    public void setProviderTimeoutMillis(Integer providerTimeoutMillis) {
        this.providerTimeoutMillis = providerTimeoutMillis;
    }

    /**
     * Returns the other {@code ipguard.*} keys, written as the library names them, such as
     * {@code ipguard.url-max-bytes.aws}. A key that a typed field also sets is an error.
     *
     * @return a key to its value
     */
    @JsonProperty
    public Map<String, String> getProperties() {
        return properties;
    }

    /** @param properties a full {@code ipguard.*} key to its value */
    @JsonProperty
    public void setProperties(Map<String, String> properties) {
        this.properties = properties == null ? new LinkedHashMap<>() : properties;
    }
}
