package org.ts4kit.io.zip;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The two rules that keep one small archive from inflating without end: members may not share bytes
 * (central records that point into another member's local header or data are refused: a thousand
 * records naming one deflate stream is how zip bombs multiply), and the archive's members together
 * may inflate to at most a budget ({@code Limits.decodeBudget}: a ratio of the archive's size,
 * bounded). Computed once at open; the budget is charged as members are read, from any thread.
 */
final class MemberGuard {
    /** For each entry (central directory order), the entry whose bytes it overlaps, or -1. */
    private final int[] overlaps;
    private final long budget;
    private final AtomicLong inflated = new AtomicLong();

    MemberGuard(List<ZipEntryInfo> entries, long archiveLength, long budget) {
        this.budget = budget;
        this.overlaps = new int[entries.size()];
        Arrays.fill(overlaps, -1);
        Integer[] byOffset = new Integer[entries.size()];
        for (int i = 0; i < byOffset.length; i++) {
            byOffset[i] = i;
        }
        // by local header offset, central order among equals: the first record of a shared header keeps it
        Arrays.sort(byOffset, (a, b) -> {
            int c = Long.compareUnsigned(entries.get(a).localHeaderOffset(), entries.get(b).localHeaderOffset());
            return c != 0 ? c : Integer.compare(a, b);
        });
        int owner = -1; // the entry whose extent reaches furthest so far
        long reach = 0;
        for (int k : byOffset) {
            ZipEntryInfo e = entries.get(k);
            if (archiveLength < EntryReader.LOCAL_HEADER_SIZE
                    || Long.compareUnsigned(e.localHeaderOffset(), archiveLength - EntryReader.LOCAL_HEADER_SIZE) > 0) {
                // no local header fits there: not a share of another member's bytes, whatever that one's size
                // claims; the reader refuses it at its central record as lying outside the archive
                continue;
            }
            if (owner >= 0 && Long.compareUnsigned(e.localHeaderOffset(), reach) < 0) {
                overlaps[k] = owner;
                continue; // a refused member does not extend what the others may not touch
            }
            // at least the fixed local header and the data: names and extra fields only add to it
            long end = e.localHeaderOffset() + EntryReader.LOCAL_HEADER_SIZE + e.compressedSize();
            if (end < 0 || Long.compareUnsigned(end, reach) > 0) {
                reach = end < 0 ? Long.MAX_VALUE : end;
                owner = k;
            }
        }
    }

    /** Refuses a member that shares bytes with another. */
    void checkOwnBytes(ZipEntryInfo entry, List<ZipEntryInfo> entries, String archive) throws ZipFormatException {
        int other = overlaps[entry.index()];
        if (other >= 0) {
            throw new ZipFormatException(archive + "!/" + entry.name(), entry.localHeaderOffset(),
                    "its bytes overlap those of member '" + entries.get(other).name() + "' (local header at "
                            + entries.get(other).localHeaderOffset() + "): refused, members may not share data");
        }
    }

    /** Charges {@code bytes} of inflated output to the archive's budget, or refuses them. */
    void charge(ZipEntryInfo entry, String archive) throws ZipFormatException {
        if (inflated.addAndGet(entry.size()) > budget) {
            inflated.addAndGet(-entry.size());
            throw new ZipFormatException(archive + "!/" + entry.name(), entry.centralHeaderOffset(), "its " + entry.size()
                    + " bytes would bring what this archive inflated over its limit of " + budget
                    + " bytes (-Dts4kit.maxDecodeRatio x the archive's size; at most -Dts4kit.maxDecodedBytes)");
        }
    }
}
