package org.ts4kit.report;

import java.util.List;

/** The report data the tests render: a small Mods folder with something in every section, hostile names included. */
final class ReportSamples {
    static final String SCRIPT_NAME = "<script>alert(1)</script>.package";
    static final String QUOTE_NAME = "\"onerror=alert(2) x=\".package";
    static final String BIDI_NAME = "Mods/evil\u202Egepj.package";

    private ReportSamples() {
    }

    static ReportData rich() {
        return ReportData.builder()
                .title("ts4kit doctor: Mods")
                .subtitle("/home/simmer/Documents/Electronic Arts/The Sims 4/Mods · 2024-05-01 12:00 UTC")
                .finding(new FindingRow("low", "loose-file", List.of("Mods/readme.txt"), "Not a mod file.", "Delete it or move it out of Mods."))
                .finding(new FindingRow("high", "too-deep", List.of("Mods/a/b/c/d/e/scripts.ts4script"),
                        "Script mods load only one folder deep.", "Move it to Mods/a/."))
                .finding(new FindingRow("medium", "duplicate", List.of("Mods/CAS/hair.package", "Mods/old/hair.package"),
                        "The same package twice.", "Keep one."))
                .finding(new FindingRow("high", "broken", List.of(SCRIPT_NAME), "The index is cut short.", "Download it again."))
                .pair(new PairRow("Mods/tuning-a.package", "Mods/tuning-b.package", 40, 2, "low", 0, 0, 2, false, false))
                .pair(new PairRow("Mods/MCCC/mc_cmd_center.package", "Mods/MCCC old/mc_cmd_center.package", 40, 39, "high",
                        37, 2, 0, true, true))
                .pair(new PairRow("Mods/cc/hair1.package", "Mods/cc/hair2.package", 12, 0, "none", 0, 0, 0, false, true))
                .pair(new PairRow("Mods/ui.package", QUOTE_NAME, 8, 8, "medium", 0, 8, 0, false, false))
                .broken(new BrokenRow(BIDI_NAME, 96, "index offset 4096 past the end of a 2,000-byte file"))
                .broken(new BrokenRow("Mods/empty.package", 0, "not a DBPF file (magic \u0000\u0001\u0002\u0003)"))
                .totals(new CollectionTotals(1_234, 1_200, 2, 345_678, 9_876_543_210L))
                .type(new TypeRow("CASPart", 40_000, 120_000_000))
                .type(new TypeRow("DST image", 30_000, 4_000_000_000L))
                .type(new TypeRow("0x6017E896", 500, 2_000_000))
                .type(new TypeRow("StringTable", 8_000, 60_000_000))
                .compression(new CompressionRow("zlib", 300_000, 8_000_000_000L, 20_000_000_000L))
                .compression(new CompressionRow("refpack", 20_000, 500_000_000, 900_000_000))
                .compression(new CompressionRow("none", 25_000, 1_200_000_000, 1_200_000_000))
                .compression(new CompressionRow("deleted", 678, 0, 0))
                .largest(new PackageSizeRow("Mods/cc/big-world.package", 1_500_000_000, 12_000))
                .largest(new PackageSizeRow("Mods/cc/hair.package", 25_000_000, 300))
                .largest(new PackageSizeRow(SCRIPT_NAME, 4_096, 3))
                .duplicate(new DuplicateRow("Mods/CAS/hair.package, Mods/old/hair.package", 25_000_000, 2))
                .duplicate(new DuplicateRow("3 keys of type DST image", 1_000, 5))
                .run(new RunStats(1_234, 9_876_543_210L, 12.5, 8, new Latency("open a package", 1_234, 0.8, 3.2, 9.5, 40.1),
                        new Latency("read a resource", 345_678, 0.02, 0.1, 0.4, 12.0), 14, 0.35))
                .partition(new PartitionRow(0, 300, 2_500_000_000L, 3.1))
                .partition(new PartitionRow(1, 310, 2_400_000_000L, 2.9))
                .partition(new PartitionRow(2, 290, 2_600_000_000L, 4.4))
                .build();
    }
}
