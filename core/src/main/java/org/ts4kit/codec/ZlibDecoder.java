package org.ts4kit.codec;

import java.nio.ByteBuffer;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.ts4kit.memory.ObjectPool;

/**
 * Inflates zlib streams (with their 2-byte header) from any buffer, mapped ones included, into a
 * caller's array, never writing past the declared size. {@link Inflater}s are native objects and
 * costly to create, so they come from a bounded pool and are reset, not ended, after use.
 */
public final class ZlibDecoder implements Decoder {
    /**
     * Deflate's bound: a 258-byte match costs at least 2 bits, so one input byte yields at most
     * ~1032 output bytes. Zip members (raw deflate) share it.
     */
    public static final long MAX_RATIO = 1032;
    public static final ZlibDecoder INSTANCE = new ZlibDecoder();

    private static final ObjectPool<Inflater> POOL = new ObjectPool<>(
            Math.max(4, 2 * Runtime.getRuntime().availableProcessors()), Inflater::new, Inflater::reset, Inflater::end);

    /** Scratch for "is there more output?"; its content is never read, so threads may share it. */
    private static final byte[] PROBE = new byte[1];

    private ZlibDecoder() {
    }

    /**
     * Inflates all of {@code src}'s remaining bytes into {@code dst[off..off+size)}. The stream must
     * end exactly at {@code size} bytes of output; {@code src}'s position is not changed. Off-heap
     * input reaches zlib through a heap chunk ({@link HeapInput}), never as mapped memory.
     */
    @Override
    public void decode(ByteBuffer src, byte[] dst, int off, int size) throws CodecException {
        Inflater inf = POOL.borrow();
        int position = src.position();
        Feed feed = new Feed(src);
        try {
            if (!feed.chunked) {
                // the inflater advances the buffer it reads; the position is put back in finally
                // (cheaper than a duplicate per resource: the read path allocates little)
                inf.setInput(src);
            }
            int n = 0;
            while (n < size) {
                feed.topUp(inf);
                int r = inf.inflate(dst, off + n, size - n);
                n += r;
                if (r == 0 && !feed.canTopUp(inf)) {
                    if (inf.finished()) {
                        throw new CodecException(inf.getBytesRead(), "zlib stream ends after " + n + " bytes, mem size is " + size);
                    }
                    if (inf.needsDictionary()) {
                        throw new CodecException(inf.getBytesRead(), "zlib stream needs a preset dictionary");
                    }
                    if (inf.needsInput()) {
                        throw new CodecException(inf.getBytesRead(), "zlib data is truncated: " + n + " of " + size + " bytes decoded");
                    }
                    throw new CodecException(inf.getBytesRead(), "zlib stream makes no progress");
                }
            }
            // all output is there: what is left must be the end of the stream (last block, checksum), nothing more
            while (!inf.finished()) {
                feed.topUp(inf);
                if (inf.inflate(PROBE) > 0) {
                    throw new CodecException(inf.getBytesRead(), "zlib data decodes to more than the mem size of " + size + " bytes");
                }
                if (!inf.finished() && !feed.canTopUp(inf)) {
                    throw new CodecException(inf.getBytesRead(), "zlib stream is not terminated (missing end block or checksum)");
                }
            }
        } catch (DataFormatException e) {
            throw new CodecException(inf.getBytesRead(), "corrupt zlib data: " + e.getMessage());
        } finally {
            POOL.release(inf);
            src.position(position);
        }
    }

    /** The input of one decode: given whole (a heap buffer), or chunk by chunk through the heap (off-heap). */
    private static final class Feed {
        final ByteBuffer src;
        final boolean chunked;
        int next;

        Feed(ByteBuffer src) {
            this.src = src;
            this.chunked = !src.hasArray();
            this.next = src.position();
        }

        /** Whether the inflater wants input that is still to come. */
        boolean canTopUp(Inflater inf) {
            return chunked && inf.needsInput() && next < src.limit();
        }

        void topUp(Inflater inf) {
            if (canTopUp(inf)) {
                int len = Math.min(HeapInput.CHUNK, src.limit() - next);
                inf.setInput(HeapInput.copy(src, next, len), 0, len);
                next += len;
            }
        }
    }

    @Override
    public long maxRatio() {
        return MAX_RATIO;
    }
}
