package io.ipguard.jaxrs.internal;

import io.ipguard.jaxrs.ClientAddress;
import io.ipguard.jaxrs.IpSet;
import io.ipguard.jaxrs.benchmarks.BenchmarkData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Lists from other lists and from files: a lookup in a group written with references against the
 * same group written out flat (references are compiled away, so the two should not differ), and
 * reading a list file of 10^6 CIDRs at start-up.
 */
@State(Scope.Benchmark)
public class ListsBenchmark {

    private static final int FILE_ENTRIES = 1_000_000;

    IpSet referenced;
    IpSet flat;
    ClientAddress[] lookups;
    int next;
    Path listFile;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        String[] cidrs = BenchmarkData.ipv4Cidrs(3000);
        String a = String.join(",", List.of(cidrs).subList(0, 1000));
        String b = String.join(",", List.of(cidrs).subList(1000, 2000));
        String c = String.join(",", List.of(cidrs).subList(2000, 3000));
        List<Setting> settings = List.of(new Setting("ipguard.group.a", a, null), new Setting("ipguard.group.b", b, null),
                new Setting("ipguard.group.c", c, null),
                new Setting("ipguard.group.staff", "@a, @b, @private, !@c", null),
                new Setting("ipguard.group.flat", a + "," + b + ",10.0.0.0/8,172.16.0.0/12,192.168.0.0/16,fc00::/7,!"
                        + String.join(",!", List.of(cidrs).subList(2000, 3000)), null));
        GuardConfig config = GuardConfig.parse(settings);
        referenced = config.groups().get("staff");
        flat = config.groups().get("flat");
        Random random = new Random(42);
        lookups = new ClientAddress[4096];
        for (int i = 0; i < lookups.length; i++) {
            lookups[i] = i % 2 == 0 ? ClientAddress.parse(cidrs[random.nextInt(cidrs.length)].split("/")[0])
                    : Addresses.ofIpv4(random.nextInt());
        }
        for (ClientAddress lookup : lookups) {
            if (referenced.contains(lookup) != flat.contains(lookup)) {
                throw new IllegalStateException("referenced and flat groups disagree on " + lookup);
            }
        }
        listFile = Files.createTempFile("ipguard-bench", ".txt");
        List<String> lines = new ArrayList<>(List.of("# 10^6 CIDRs, as a provider's export might look"));
        lines.addAll(List.of(BenchmarkData.ipv4Cidrs(FILE_ENTRIES)));
        Files.write(listFile, lines);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        Files.deleteIfExists(listFile);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public boolean lookupInGroupOfReferences() {
        return referenced.contains(lookups[next++ & (lookups.length - 1)]);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public boolean lookupInSameGroupWrittenOut() {
        return flat.contains(lookups[next++ & (lookups.length - 1)]);
    }

    /** Start-up with a list file of 10^6 CIDRs: read, decode, parse every line, compile. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public IpSet loadListFileOfAMillionCidrs() {
        FileListSource source = new FileListSource("big", listFile, Clock.systemUTC());
        source.load();
        return source.set();
    }
}
