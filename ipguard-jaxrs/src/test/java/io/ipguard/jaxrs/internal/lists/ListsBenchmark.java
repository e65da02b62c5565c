package io.ipguard.jaxrs.internal.lists;

import io.ipguard.jaxrs.ClientAddress;
import io.ipguard.jaxrs.IpSet;
import io.ipguard.jaxrs.benchmarks.BenchmarkData;
import io.ipguard.jaxrs.internal.address.Addresses;
import io.ipguard.jaxrs.internal.address.CompiledIpSet;
import io.ipguard.jaxrs.internal.address.ListEntry;
import io.ipguard.jaxrs.internal.config.ConfigSnapshot;
import io.ipguard.jaxrs.internal.config.Setting;
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
    String awsDocument;
    ListSelection awsSelection;

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
        ConfigSnapshot config = ConfigSnapshot.parse(settings);
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
        awsDocument = awsLikeDocument(random);
        awsSelection = ListSelection.parse("prefixes.ip_prefix, ipv6_prefixes.ipv6_prefix");
        if (awsDocument.length() < 2_000_000) {
            throw new IllegalStateException("the AWS-like document is only " + awsDocument.length() + " characters");
        }
    }

    /** A document in ip-ranges.json's shape and size (about 2 MB): 12,000 IPv4 and 4,000 IPv6 prefixes. */
    private static String awsLikeDocument(Random random) {
        String[] regions = {"us-east-1", "eu-west-1", "ap-southeast-2", "GLOBAL", "sa-east-1"};
        String[] services = {"AMAZON", "EC2", "CLOUDFRONT", "S3", "ROUTE53_HEALTHCHECKS"};
        StringBuilder json = new StringBuilder("{\n  \"syncToken\": \"1732917000\",\n  \"createDate\": \"2024-11-29-21-50-00\",\n  \"prefixes\": [");
        String[] v4 = BenchmarkData.ipv4Cidrs(12_000);
        for (int i = 0; i < v4.length; i++) {
            String region = regions[random.nextInt(regions.length)];
            json.append(i == 0 ? "" : ",").append("\n    {\n      \"ip_prefix\": \"").append(v4[i])
                    .append("\",\n      \"region\": \"").append(region).append("\",\n      \"service\": \"")
                    .append(services[random.nextInt(services.length)]).append("\",\n      \"network_border_group\": \"")
                    .append(region).append("\"\n    }");
        }
        json.append("\n  ],\n  \"ipv6_prefixes\": [");
        for (int i = 0; i < 4_000; i++) {
            String region = regions[random.nextInt(regions.length)];
            json.append(i == 0 ? "" : ",").append("\n    {\n      \"ipv6_prefix\": \"2600:")
                    .append(Integer.toHexString(0x1000 + i)).append("::/36\",\n      \"region\": \"").append(region)
                    .append("\",\n      \"service\": \"").append(services[random.nextInt(services.length)])
                    .append("\",\n      \"network_border_group\": \"").append(region).append("\"\n    }");
        }
        return json.append("\n  ]\n}\n").toString();
    }

    /** A fetched AWS ip-ranges.json (about 2 MB) taken apart and compiled, as a refresh does after the download. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public IpSet compileAwsDocument() {
        List<ListEntry> entries = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        JsonListReader.read(awsDocument, awsSelection, "aws", entries, problems);
        if (!problems.isEmpty()) {
            throw new IllegalStateException(problems.toString());
        }
        return CompiledIpSet.compile(entries);
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
