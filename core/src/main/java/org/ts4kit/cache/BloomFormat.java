package org.ts4kit.cache;

import java.nio.ByteBuffer;

/** Parses {@link BloomFilter}'s serialised form from untrusted bytes: each field checked before it is used. */
final class BloomFormat {
    private BloomFormat() {
    }

    /** The words of a filter from {@code le} (little-endian, position 0 = the filter's first byte). */
    static long[] read(ByteBuffer le) throws CacheFormatException {
        int available = le.remaining();
        if (available < BloomFilter.HEADER_BYTES) {
            throw new CacheFormatException(available, "truncated Bloom filter header: " + available + " of "
                    + BloomFilter.HEADER_BYTES + " bytes");
        }
        int magic = le.getInt();
        if (magic != BloomFilter.MAGIC) {
            throw new CacheFormatException(0, String.format("not a Bloom filter: magic 0x%08X, expected 0x%08X (\"TSBF\")",
                    magic, BloomFilter.MAGIC));
        }
        int version = le.get() & 0xFF;
        if (version != BloomFilter.VERSION) {
            throw new CacheFormatException(4, "unsupported Bloom filter version " + version + " (this library reads "
                    + BloomFilter.VERSION + ")");
        }
        int scheme = le.get() & 0xFF;
        if (scheme != BloomFilter.SCHEME_SBBF) {
            throw new CacheFormatException(5, "unknown Bloom filter hash scheme " + scheme + " (this library knows "
                    + BloomFilter.SCHEME_SBBF + ", split-block)");
        }
        int reserved = le.getShort() & 0xFFFF;
        if (reserved != 0) {
            throw new CacheFormatException(6, "reserved field is " + reserved + ", not 0");
        }
        long blocks = le.getInt() & 0xFFFF_FFFFL;
        if (blocks < 1 || blocks > BloomFilter.MAX_BLOCKS) {
            throw new CacheFormatException(8, "block count " + blocks + " is not in [1, " + BloomFilter.MAX_BLOCKS + "]");
        }
        long need = blocks * BloomSizing.BYTES_PER_BLOCK;
        if (need > le.remaining()) {
            throw new CacheFormatException(8, "block count " + blocks + " needs " + need + " bytes after the header, only "
                    + le.remaining() + " follow");
        }
        long[] bits = new long[(int) blocks * 4];
        for (int i = 0; i < bits.length; i++) {
            bits[i] = le.getLong();
        }
        return bits;
    }
}
