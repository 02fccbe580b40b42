package org.ts4kit.cli;

import org.ts4kit.cache.CacheCodec;

/** How the CLI's resource caches store resources. */
final class CacheCodecs {
    private CacheCodecs() {
    }

    static CacheCodec adaptive() {
        return CacheCodec.identity();
    }
}
