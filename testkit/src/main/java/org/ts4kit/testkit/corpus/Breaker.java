package org.ts4kit.testkit.corpus;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.ts4kit.dbpf.Compression;
import org.ts4kit.dbpf.DbpfFormatException;
import org.ts4kit.dbpf.DbpfIndex;
import org.ts4kit.dbpf.DbpfPackage;

/** Breaks a well-formed package in one of the {@link BrokenKind} ways, locating fields with ts4kit's own reader. */
final class Breaker {
    private Breaker() {
    }

    static byte[] breakPackage(byte[] good, BrokenKind kind, SplittableRandom rnd) {
        byte[] b = good.clone();
        ByteBuffer le = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        DbpfIndex index;
        try {
            index = DbpfPackage.open("generated", ByteBuffer.wrap(good)).index();
        } catch (DbpfFormatException e) {
            throw new IllegalStateException("the generator wrote an unreadable package", e);
        }
        long indexPos = le.getLong(64);
        switch (kind) {
            case INDEX_PAST_END:
                le.putLong(64, b.length + 64 + rnd.nextInt(4096));
                return b;
            case ZEROED_HEADER:
                Arrays.fill(b, 0, 96, (byte) 0);
                return b;
            case TRUNCATED_INDEX:
                return Arrays.copyOf(b, (int) (indexPos + 4 + (b.length - indexPos - 4) / 2));
            case BAD_VERSION:
                le.putInt(4, 3);
                return b;
            case TRUNCATED_HEADER:
                return Arrays.copyOf(b, 40 + rnd.nextInt(50));
            default:
                break;
        }
        int e = pick(index, kind);
        int record = (int) index.recordOffset(e);
        // the record's tail is always: instance low, position, file size, mem size, compression, committed
        int tail = record + recordHead(index.flags());
        switch (kind) {
            case CORRUPT_ZLIB:
            case CORRUPT_REFPACK: {
                int off = (int) index.offset(e);
                int len = (int) index.fileSize(e);
                // keep the first bytes (zlib header / RefPack header) so the damage is in the body
                int keep = kind == BrokenKind.CORRUPT_ZLIB ? 2 : 5;
                for (int i = off + keep; i < off + len; i++) {
                    b[i] = (byte) rnd.nextInt();
                }
                if (kind == BrokenKind.CORRUPT_ZLIB && len > 3) {
                    b[off + 2] = (byte) 0xFF; // a reserved block type: never valid deflate
                }
                return b;
            }
            case ENTRY_OUTSIDE:
                le.putInt(tail + 4, b.length + 1000 + rnd.nextInt(1000));
                return b;
            case SIZE_MISMATCH:
                le.putInt(tail + 12, (int) index.memSize(e) + 1 + rnd.nextInt(100));
                return b;
            case OVER_CAP:
                le.putInt(tail + 12, 0x7FFF_0000);
                return b;
            case UNKNOWN_COMPRESSION:
                le.putShort(tail + 16, (short) 0x1234);
                return b;
            default:
                throw new AssertionError(kind);
        }
    }

    /** Bytes of a record before its instance-low field: type, group, instance high unless constant. */
    private static int recordHead(int flags) {
        return 4 * (3 - Integer.bitCount(flags & 7));
    }

    private static int pick(DbpfIndex index, BrokenKind kind) {
        for (int i = 0; i < index.size(); i++) {
            int c = index.compression(i);
            boolean fits = kind == BrokenKind.CORRUPT_ZLIB ? c == Compression.ZLIB && index.fileSize(i) > 8
                    : kind == BrokenKind.CORRUPT_REFPACK ? c == Compression.REFPACK && index.fileSize(i) > 16
                    : kind == BrokenKind.SIZE_MISMATCH ? c == Compression.ZLIB
                    : c != Compression.DELETED;
            if (fits) {
                return i;
            }
        }
        throw new IllegalStateException("no entry to break as " + kind);
    }
}
