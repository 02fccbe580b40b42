package org.ts4kit.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;
import java.util.Objects;
import org.ts4kit.dbpf.DbpfFormatException;
import org.ts4kit.resource.NameMap;
import org.ts4kit.resource.NameMapWriter;
import org.ts4kit.resource.PackageNames;
import org.ts4kit.resource.ResourceDetails;
import org.ts4kit.resource.ResourceTypes;
import org.ts4kit.resource.TuningHeader;

/**
 * {@link TuningHeader#sniff} and the tuning name of {@link ResourceDetails#of} on any bytes. Neither
 * documents an exception for content, so none may escape. The header must not depend on how the
 * bytes are held (array, slice of a larger array, direct buffer), and the details' name (its own
 * allocation-free scanner, reused per thread) must be the header's {@code n}, or the name map's when
 * that is absent or empty.
 */
class TuningHeaderFuzzTest {
    private static final long INSTANCE = 0x8000_0000_0000_0001L;
    private static final PackageNames FALLBACK = fallback();

    @FuzzTest(maxDuration = "2m")
    void sniff(byte[] data) {
        TuningHeader header = TuningHeader.sniff(data);
        byte[] padded = Inputs.padded(data);
        String expected = Objects.toString(header);
        Inputs.same(expected, Objects.toString(TuningHeader.sniff(ByteBuffer.wrap(padded, Inputs.PAD, data.length))),
                Objects.toString(TuningHeader.sniff(Inputs.direct(data))));

        String n = header == null || header.name() == null || header.name().isEmpty() ? null : header.name();
        for (int type : new int[] {ResourceTypes.TUNING, ResourceTypes.XML}) {
            expectName(n, ResourceDetails.of(type, INSTANCE, ByteBuffer.wrap(data), PackageNames.NONE), data);
            expectName(n == null ? "Fallback:Name" : n, ResourceDetails.of(type, INSTANCE, Inputs.direct(data), FALLBACK), data);
        }
        // not a tuning type: the bytes are not read for a name
        expectName("Fallback:Name", ResourceDetails.of(ResourceTypes.CAS_PART, INSTANCE, ByteBuffer.wrap(data), FALLBACK), data);
    }

    private static void expectName(String name, ResourceDetails details, byte[] data) {
        if (!Objects.equals(name, details.name()) || details.hasSize()) {
            throw new AssertionError("details " + details + ", expected the name " + name + " and no size, for "
                    + data.length + " bytes");
        }
    }

    private static PackageNames fallback() {
        try {
            return PackageNames.of(NameMap.decode("fallback", new NameMapWriter().add(INSTANCE, "Fallback:Name").toByteArray()));
        } catch (DbpfFormatException e) {
            throw new IllegalStateException("the writer's own name map does not decode", e);
        }
    }
}
