package org.ts4kit.resource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.ts4kit.dbpf.Compression;
import org.ts4kit.dbpf.DbpfPackage;
import org.ts4kit.dbpf.DbpfWriter;
import org.ts4kit.dbpf.ResourceKey;
import org.ts4kit.memory.ResourceBuffer;
import org.ts4kit.testkit.corpus.TuningXml;

/** The details API on hand-made resources and packages: which source wins, what is absent, what it costs. */
class ResourceDetailsTest {
    static final int BUFF = 0x6017E896;
    static final long A = 0x8000_0000_0000_00A1L;
    static final long B = 0x8000_0000_0000_00B2L;

    static ByteBuffer utf8(String s) {
        return ByteBuffer.wrap(s.getBytes(StandardCharsets.UTF_8));
    }

    static PackageNames names(long instance, String name) {
        try {
            return PackageNames.of(NameMap.decode("map", new NameMapWriter().add(instance, name).toByteArray()));
        } catch (org.ts4kit.dbpf.DbpfFormatException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aTuningNamesItselfBeforeTheNameMap() {
        ResourceDetails d = ResourceDetails.of(BUFF, A, utf8("<I c=\"Buff\" n=\"Mod:Buff\" s=\"1\"/>"), names(A, "Map:Buff"));
        assertEquals("Mod:Buff", d.name());
        assertFalse(d.hasSize());
        assertEquals(-1, d.width());
    }

    @Test
    void withoutAnNAttributeOrWithAnEmptyOneTheNameMapNames() {
        PackageNames map = names(A, "Map:Buff");
        assertEquals("Map:Buff", ResourceDetails.of(BUFF, A, utf8("<I c=\"Buff\" s=\"1\"/>"), map).name());
        assertEquals("Map:Buff", ResourceDetails.of(BUFF, A, utf8("<I n=\"\" s=\"1\"/>"), map).name());
        assertEquals("Map:Buff", ResourceDetails.of(ResourceTypes.XML, A, utf8("<ASM name=\"x\"/>"), map).name());
        assertEquals("Map:Buff", ResourceDetails.of(BUFF, A, null, map).name(), "not decoded: the map still names it");
        assertSame(ResourceDetails.NONE, ResourceDetails.of(BUFF, B, utf8("lorem ipsum"), map));
    }

    @Test
    void onlyTuningTypesAreReadForANameAndOnlyImageTypesForASize() {
        ByteBuffer xml = utf8("<I n=\"Looks:Like_Tuning\" s=\"1\"/>");
        assertSame(ResourceDetails.NONE, ResourceDetails.of(ResourceTypes.SIM_DATA, A, xml, PackageNames.NONE));
        ByteBuffer dds = ByteBuffer.wrap(ImageInfoTest.dds(64, 32, "DST5"));
        assertEquals(64, ResourceDetails.of(ResourceTypes.DST_IMAGE, A, dds, PackageNames.NONE).width());
        assertSame(ResourceDetails.NONE, ResourceDetails.of(ResourceTypes.CAS_PART, A, dds, PackageNames.NONE));
        assertTrue(ResourceDetails.readsBytes(ResourceTypes.RLES_IMAGE) && ResourceDetails.readsBytes(BUFF));
        assertFalse(ResourceDetails.readsBytes(ResourceTypes.STRING_TABLE) || ResourceDetails.readsBytes(ResourceTypes.NAME_MAP));
    }

    @Test
    void everyImageFormatGivesItsSize() throws Exception {
        assertSize(32, 16, ResourceTypes.DST_IMAGE, ImageInfoTest.dds(32, 16, "DST5"));
        assertSize(40, 40, 0xB6C8B6A0, ImageInfoTest.dds(40, 40, null));
        assertSize(1024, 2048, ResourceTypes.RLE2_IMAGE, ImageInfoTest.rle("RLE2", 1024, 2048));
        assertSize(64, 8, ResourceTypes.RLES_IMAGE, ImageInfoTest.rle("RLES", 64, 8));
        assertSize(37, 21, ResourceTypes.PNG_IMAGE, ImageInfoTest.encode("png", 37, 21));
        assertSize(130, 66, 0x3C1AF1F2, ImageInfoTest.encode("jpg", 130, 66));
        assertSize(9, 7, 0xE88DB35F, ImageInfoTest.encode("jpg", 9, 7));
    }

    private static void assertSize(int width, int height, int type, byte[] image) {
        ResourceDetails d = ResourceDetails.of(type, A, ByteBuffer.wrap(image), names(A, "tex"));
        assertEquals(width + "x" + height + " tex", d.width() + "x" + d.height() + " " + d.name(), Integer.toHexString(type));
    }

    @Test
    void theBufferIsReadFromItsPositionToItsLimitAndNotMoved() {
        byte[] xml = "junk<I n=\"Mod:Trait\" s=\"2\"/>junk".getBytes(StandardCharsets.UTF_8);
        ByteBuffer heap = ByteBuffer.wrap(xml, 4, xml.length - 8);
        assertEquals("Mod:Trait", ResourceDetails.of(BUFF, A, heap, PackageNames.NONE).name());
        assertEquals(4, heap.position());
        ByteBuffer direct = ByteBuffer.allocateDirect(xml.length).put(xml).position(4);
        assertEquals("Mod:Trait", ResourceDetails.of(BUFF, A, direct, PackageNames.NONE).name());
        ByteBuffer cut = ByteBuffer.wrap(xml, 4, 10); // limit inside the start tag
        assertSame(ResourceDetails.NONE, ResourceDetails.of(BUFF, A, cut, PackageNames.NONE));
        byte[] wide = "\uFEFF<I n=\"wide ☃\"/>".getBytes(StandardCharsets.UTF_16BE);
        assertEquals("wide ☃", ResourceDetails.of(BUFF, A, ByteBuffer.wrap(wide), PackageNames.NONE).name());
        assertThrows(NullPointerException.class, () -> ResourceDetails.of(BUFF, A, heap, null));
    }

    @Test
    void packageNamesTriesItsMapsInIndexOrderAndPassesOverBrokenOnes() throws Exception {
        DbpfWriter w = DbpfWriter.inMemory();
        w.add(new ResourceKey(ResourceTypes.NAME_MAP, 0, 1), new byte[] {2, 0, 0, 0, 0, 0, 0, 0}, Compression.NONE); // version 2
        w.add(new ResourceKey(ResourceTypes.NAME_MAP, 1, 1), new NameMapWriter().add(A, "").add(B, "first:B").toByteArray(), Compression.NONE);
        w.addDeleted(new ResourceKey(ResourceTypes.NAME_MAP, 2, 1));
        w.add(new ResourceKey(ResourceTypes.NAME_MAP, 3, 1), new NameMapWriter().add(A, "second:A").add(B, "second:B").toByteArray(),
                Compression.ZLIB);
        w.add(new ResourceKey(ResourceTypes.NAME_MAP, 4, 1), new NameMapWriter().add(A, "unreadable").toByteArray(), Compression.ZLIB);
        byte[] bytes = w.toByteArray();
        try (DbpfPackage clean = DbpfPackage.open("clean", ByteBuffer.wrap(bytes))) {
            int last = clean.index().find(new ResourceKey(ResourceTypes.NAME_MAP, 4, 1));
            bytes[(int) clean.index().offset(last) + 2] ^= (byte) 0xFF; // damage its zlib stream
        }
        try (DbpfPackage pkg = DbpfPackage.open("mod.package", ByteBuffer.wrap(bytes))) {
            PackageNames names = PackageNames.load(pkg, pkg.reader(new ResourceBuffer()));
            assertEquals(2, names.mapCount(), "the version-2 map, the deleted and the corrupt one name nothing");
            assertEquals("first:B", names.nameOf(B));
            assertEquals("second:A", names.nameOf(A), "an empty name is no name: the next map answers");
            assertNull(names.nameOf(0xC));
        }
        assertEquals(0, PackageNames.NONE.mapCount());
        assertNull(PackageNames.NONE.nameOf(A));
    }

    @Test
    void aTuningNameCostsItsStringAndNothingElse() {
        com.sun.management.ThreadMXBean mx = threadBean();
        SplittableRandom rnd = new SplittableRandom(1);
        ByteBuffer tuning = ByteBuffer.wrap(TuningXml.generate(rnd, "MyMod_Buff_0042", A, 6000));
        ByteBuffer dds = ByteBuffer.wrap(ImageInfoTest.dds(256, 256, "DST5"));
        ByteBuffer casPart = ByteBuffer.allocate(600);
        PackageNames names = names(B, "MyMod_CasPart_0001");
        // a tuning name: the String (~56 bytes) and the result (24); decoding a 1 KiB prefix would cost 1 KiB+
        assertAllocatesAtMost(mx, 160, () -> ResourceDetails.of(BUFF, A, tuning, PackageNames.NONE).name().length());
        assertAllocatesAtMost(mx, 48, () -> ResourceDetails.of(ResourceTypes.DST_IMAGE, A, dds, PackageNames.NONE).width());
        assertAllocatesAtMost(mx, 160, () -> ResourceDetails.of(ResourceTypes.CAS_PART, B, casPart, names).name().length());
        assertAllocatesAtMost(mx, 8, () -> ResourceDetails.of(ResourceTypes.CAS_PART, A, casPart, names).width());
    }

    private static com.sun.management.ThreadMXBean threadBean() {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        Assumptions.assumeTrue(bean instanceof com.sun.management.ThreadMXBean, "no per-thread allocation counter on this JVM");
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) bean;
        Assumptions.assumeTrue(mx.isThreadAllocatedMemorySupported() && mx.isThreadAllocatedMemoryEnabled(),
                "per-thread allocation counting is off");
        return mx;
    }

    private static void assertAllocatesAtMost(com.sun.management.ThreadMXBean mx, long bytesPerCall, java.util.function.IntSupplier call) {
        long sink = 0;
        for (int i = 0; i < 20_000; i++) { // first use: the thread's scanner, the map's look-up table, class loading
            sink += call.getAsInt();
        }
        int calls = 50_000;
        long tid = Thread.currentThread().getId();
        long before = mx.getThreadAllocatedBytes(tid);
        for (int i = 0; i < calls; i++) {
            sink += call.getAsInt();
        }
        long perCall = (mx.getThreadAllocatedBytes(tid) - before) / calls;
        assertTrue(perCall <= bytesPerCall, perCall + " bytes per call, expected at most " + bytesPerCall + " (" + sink + ")");
    }
}
