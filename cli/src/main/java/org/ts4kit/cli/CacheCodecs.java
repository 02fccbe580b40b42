package org.ts4kit.cli;

import org.ts4kit.cache.CacheCodec;
import org.ts4kit.codec.AdaptiveCompressor;

/**
 * How the CLI's resource caches store resources: through the adaptive compressor (Brotli for text, LZ4
 * for large binaries, stored for what is compressed already), so a cache of N MB holds what fits compressed.
 */
final class CacheCodecs {
    private CacheCodecs() {
    }

    static CacheCodec adaptive() {
        AdaptiveCompressor ac = AdaptiveCompressor.defaults();
        return CacheCodec.of(ac::compress, ac::decompress);
    }
}
