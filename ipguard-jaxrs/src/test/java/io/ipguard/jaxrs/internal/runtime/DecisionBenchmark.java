package io.ipguard.jaxrs.internal.runtime;

import io.ipguard.jaxrs.ClientAddress;
import io.ipguard.jaxrs.internal.client.StubRequest;
import io.ipguard.jaxrs.internal.config.ConfigLoader;
import io.ipguard.jaxrs.internal.config.Setting;
import io.ipguard.jaxrs.internal.model.AnnotatedGuard;
import io.ipguard.jaxrs.internal.model.ResourceGuards;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.glassfish.jersey.server.ExtendedUriInfo;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The whole guard decision without HTTP: peer address text from the "container", client
 * resolution, group lookup, request property. Allowed requests, as most are. The group holds
 * 1,000 blocks besides the client's.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class DecisionBenchmark {

    private static final String CHAIN = "203.0.113.9, 10.0.0.5, 10.0.0.4, 10.0.0.3, 10.0.0.2";

    Gate peerOnly;
    Gate peerOnlyMetered;
    Gate forwardedFor;
    Gate forwarded;
    StubRequest plain;
    InheritedGroupFilter applicationGuarded;
    GroupFilter peerOnlyFilter;
    SecondLineFilter secondLine;
    StubRequest matchedWithoutLocators;
    StubRequest withForwardedFor;
    StubRequest withForwarded;

    private static Gate guard(String peer, String... keyValues) {
        return guard(false, peer, keyValues);
    }

    /** A guard over a group of 1,002 blocks; {@code metered}: decisions counted in a Micrometer registry. */
    private static Gate guard(boolean metered, String peer, String... keyValues) {
        Map<String, Setting> settings = new LinkedHashMap<>();
        StringBuilder group = new StringBuilder("192.0.2.0/24, 203.0.113.0/24");
        for (String cidr : io.ipguard.jaxrs.benchmarks.BenchmarkData.ipv4Cidrs(1000)) {
            group.append(',').append(cidr);
        }
        settings.put("ipguard.group.default", new Setting("ipguard.group.default", group.toString(), null));
        for (int i = 0; i < keyValues.length; i += 2) {
            settings.put(keyValues[i], new Setting(keyValues[i], keyValues[i + 1], null));
        }
        ConfigLoader loader = ConfigLoader.load(settings, null, List.of(), Clock.systemUTC());
        return Guards.guard(loader, peer, metered);
    }

    @Setup
    public void setUp() {
        peerOnly = guard("192.0.2.10");
        peerOnlyMetered = guard(true, "192.0.2.10");
        forwardedFor = guard("10.0.0.1", "ipguard.trusted-proxies", "10.0.0.0/8",
                "ipguard.client-ip-header", "X-Forwarded-For");
        forwarded = guard("10.0.0.1", "ipguard.trusted-proxies", "10.0.0.0/8",
                "ipguard.client-ip-header", "Forwarded");
        plain = new StubRequest();
        ResourceGuards plan = new ResourceGuards();
        plan.deployed(AnnotatedGuard.group("default", "application Bench"), Map.of("default", "GET /bench"), List.of());
        applicationGuarded = new InheritedGroupFilter(peerOnly, plan, AnnotatedGuard.INHERIT, "GET /bench");
        peerOnlyFilter = new GroupFilter(peerOnly, "default", "GET /bench");
        secondLine = new SecondLineFilter(peerOnly);
        // Jersey's routing context, as far as the filter reads it: no locators on the way.
        matchedWithoutLocators = new StubRequest().uriInfo((UriInfo) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ExtendedUriInfo.class}, (proxy, method, args) -> List.of()));
        applicationGuarded.filter(matchedWithoutLocators);
        if (!"192.0.2.10".equals(String.valueOf(matchedWithoutLocators.getProperty(ClientAddress.PROPERTY)))) {
            throw new IllegalStateException("decision benchmark set up wrong: the application's guard did not decide");
        }
        withForwardedFor = new StubRequest().header("X-Forwarded-For", CHAIN);
        withForwarded = new StubRequest().header("Forwarded", "for=" + CHAIN.replace(", ", ", for="));
        for (Object[] check : new Object[][] {{peerOnly, plain, "192.0.2.10"}, {forwardedFor, withForwardedFor, "203.0.113.9"},
                {forwarded, withForwarded, "203.0.113.9"}}) {
            StubRequest request = (StubRequest) check[1];
            ((Gate) check[0]).check(request, "default", "GET /bench");
            Object client = request.getProperty(ClientAddress.PROPERTY);
            if (request.aborted != null || !String.valueOf(client).equals(check[2])) {
                throw new IllegalStateException("decision benchmark set up wrong: client " + client);
            }
        }
    }

    /** The method's own group, then the second line that Jersey's name binding adds behind the guard. */
    @Benchmark
    public Object peerOnly() {
        peerOnlyFilter.filter(plain);
        secondLine.filter(plain);
        return plain.getProperty(ClientAddress.PROPERTY);
    }

    /** The guard's decision alone, as measured before the second line existed. */
    @Benchmark
    public Object peerOnlyWithoutSecondLine() {
        peerOnly.check(plain, "default", "GET /bench");
        return plain.getProperty(ClientAddress.PROPERTY);
    }

    /** The same decision with metrics on: a Micrometer counter per group, outcome and reason. */
    @Benchmark
    public Object peerOnlyWithMetrics() {
        peerOnlyMetered.check(plain, "default", "GET /bench");
        return plain.getProperty(ClientAddress.PROPERTY);
    }

    /** The same decision for a method guarded by the Application's annotation, which asks the way the request came. */
    @Benchmark
    public Object applicationGuardPeerOnly() {
        applicationGuarded.filter(matchedWithoutLocators);
        return matchedWithoutLocators.getProperty(ClientAddress.PROPERTY);
    }

    @Benchmark
    public Object xForwardedFor5Hops() {
        forwardedFor.check(withForwardedFor, "default", "GET /bench");
        return withForwardedFor.getProperty(ClientAddress.PROPERTY);
    }

    @Benchmark
    public Object forwarded5Hops() {
        forwarded.check(withForwarded, "default", "GET /bench");
        return withForwarded.getProperty(ClientAddress.PROPERTY);
    }
}
