package org.ts4kit.codec;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;
import org.ts4kit.memory.ResourceBuffer;

/**
 * Compresses resources into self-describing frames, choosing per resource between storing, LZ4 and
 * Brotli by its type, size and first bytes ({@link CompressionStrategy}), and keeping a method only when
 * it saves {@link CompressionStrategy#MIN_SAVING_PERCENT}%. Immutable and thread-safe.
 *
 * <pre>{@code
 * AdaptiveCompressor compressor = AdaptiveCompressor.defaults();
 * byte[] frame = compressor.compress(0x220557DA, bytes, 0, bytes.length);   // a string table: Brotli
 * byte[] back = compressor.decompress(frame);                               // CodecException if the frame lies
 * }</pre>
 *
 * <p><b>Frame</b>: one method byte ({@code 0} none, {@code 1} LZ4 block, {@code 2} Brotli stream), the
 * original length as an unsigned LEB128 varint (1–5 bytes, minimal), then the payload to the end of the
 * frame. A stored payload is exactly the original length; a compressed one must decode to exactly it,
 * from exactly its bytes.
 *
 * <p><b>Untrusted frames</b>: {@link #decompress} checks the header before allocating anything: the
 * original length must be at most the cap ({@link Limits#maxResourceBytes()} unless
 * {@link #withMaxLength}), a stored payload must be that long, and an LZ4 payload must be able to
 * produce it (at most 255 bytes per byte). Brotli has no such bound, so its output array grows only as
 * output arrives. Every refusal is a {@link CodecException} with the frame offset and a reason.
 *
 * <p><b>Without Brotli</b> (no native library for the platform, or {@code -Dts4kit.brotli=off}), or with
 * {@link #withoutBrotli()}, what would be Brotli is LZ4; {@link BrotliCodec#description()} says why once.
 */
public final class AdaptiveCompressor {
    private static final AdaptiveCompressor DEFAULTS = new AdaptiveCompressor(CompressionStrategy.measured(), true, -1);
    /** Scratch output per thread up to this size, so compressing allocates only the frame it returns. */
    private static final int SCRATCH_MAX = 1 << 20;
    private static final ThreadLocal<byte[]> SCRATCH = ThreadLocal.withInitial(() -> new byte[64 << 10]);

    private final CompressionStrategy strategy;
    private final boolean brotli;
    private final long maxLength;

    private AdaptiveCompressor(CompressionStrategy strategy, boolean brotli, long maxLength) {
        this.strategy = strategy;
        this.brotli = brotli;
        this.maxLength = maxLength;
    }

    /** The measured strategy, Brotli when available, the process-wide cap. */
    public static AdaptiveCompressor defaults() {
        return DEFAULTS;
    }

    /** The same, choosing with {@code strategy}. */
    public AdaptiveCompressor withStrategy(CompressionStrategy strategy) {
        return new AdaptiveCompressor(Objects.requireNonNull(strategy), brotli, maxLength);
    }

    /** The same, writing LZ4 where the strategy says Brotli (frames already written still decode). */
    public AdaptiveCompressor withoutBrotli() {
        return new AdaptiveCompressor(strategy, false, maxLength);
    }

    /** The same, refusing frames that declare more than {@code bytes} (instead of {@link Limits#maxResourceBytes()}). */
    public AdaptiveCompressor withMaxLength(long bytes) {
        return new AdaptiveCompressor(strategy, brotli, Limits.checkCap(bytes, "max frame length"));
    }

    public CompressionStrategy strategy() {
        return strategy;
    }

    /** Whether this compressor writes Brotli: asked for and available. */
    public boolean writesBrotli() {
        return brotli && BrotliCodec.isAvailable();
    }

    /** What a frame may declare at most. */
    public long maxLength() {
        return maxLength >= 0 ? maxLength : Limits.maxResourceBytes();
    }

    /** What {@link #compress} will do for this resource: the strategy's choice, with LZ4 for Brotli when it cannot write Brotli. */
    public CompressionStrategy.Choice plan(int type, byte[] data, int off, int len) {
        CompressionStrategy.Choice c = strategy.choose(type, data, off, len);
        return c.method() == CompressionMethod.BROTLI && !writesBrotli() ? CompressionStrategy.Choice.LZ4 : c;
    }

    /** {@link #compress(int, byte[], int, int)} of the whole array. */
    public byte[] compress(int type, byte[] data) {
        return compress(type, data, 0, data.length);
    }

    /**
     * A frame of {@code data[off..off+len)}, a resource of type {@code type}; {@code data} is not kept. A frame
     * of more than {@link #maxLength()} bytes is written, but decompressing it refuses it.
     */
    public byte[] compress(int type, byte[] data, int off, int len) {
        Objects.checkFromIndexSize(off, len, data.length);
        CompressionStrategy.Choice c = plan(type, data, off, len);
        if (c.method() != CompressionMethod.NONE) {
            int header = FrameHeader.size(len);
            int limit = CompressionStrategy.maxPayload(len);
            byte[] out = header + limit <= SCRATCH_MAX ? scratch(header + limit) : new byte[header + limit];
            FrameHeader.write(out, c.method(), len);
            int n = c.method() == CompressionMethod.LZ4
                    ? Lz4Codec.compress(data, off, len, out, header, limit)
                    : BrotliCodec.compress(data, off, len, c.quality(), out, header, limit);
            if (n >= 0) {
                return Arrays.copyOf(out, header + n);
            }
        }
        byte[] frame = new byte[FrameHeader.size(len) + len];
        int header = FrameHeader.write(frame, CompressionMethod.NONE, len);
        System.arraycopy(data, off, frame, header, len);
        return frame;
    }

    /** The original bytes of {@code frame}, in a new array of exactly their length. */
    public byte[] decompress(byte[] frame) throws CodecException {
        FrameHeader h = FrameHeader.parse(frame, maxLength());
        int payload = frame.length - h.payload;
        switch (h.method) {
            case NONE:
                checkStored(h, payload);
                return Arrays.copyOfRange(frame, h.payload, frame.length);
            case LZ4:
                checkLz4(h, payload);
                byte[] out = new byte[h.length];
                decode(frame, h, out, 0);
                return out;
            default:
                try {
                    return BrotliCodec.decompress(frame, h.payload, payload, h.length);
                } catch (CodecException e) {
                    throw shifted(e, h.payload);
                }
        }
    }

    /**
     * Decodes {@code frame} into {@code buffer} and returns a view of exactly the original bytes, valid
     * until the buffer's next use: the allocation-free path for a thread that reads many frames.
     */
    public ByteBuffer decompress(byte[] frame, ResourceBuffer buffer) throws CodecException {
        FrameHeader h = FrameHeader.parse(frame, maxLength());
        int payload = frame.length - h.payload;
        if (h.method == CompressionMethod.NONE) {
            checkStored(h, payload);
        } else if (h.method == CompressionMethod.LZ4) {
            checkLz4(h, payload);
        }
        // past the checks, a lying Brotli frame can make the buffer grow to the cap at most
        ByteBuffer view = buffer.view(h.length);
        decode(frame, h, view.array(), 0);
        return view;
    }

    /** The length {@code frame} declares for its original bytes (its header is checked, the payload is not). */
    public int originalLength(byte[] frame) throws CodecException {
        return FrameHeader.parse(frame, maxLength()).length;
    }

    /** How {@code frame} stores its bytes (its header is checked, the payload is not). */
    public CompressionMethod method(byte[] frame) throws CodecException {
        return FrameHeader.parse(frame, maxLength()).method;
    }

    /** A line for reports: the strategy and whether Brotli is written. */
    public String description() {
        return "brotli q" + CompressionStrategy.BROTLI_QUALITY + " for text, lz4 for binary, stored when saving under "
                + CompressionStrategy.MIN_SAVING_PERCENT + "%; brotli: " + (brotli ? BrotliCodec.description() : "off (withoutBrotli)");
    }

    private static void decode(byte[] frame, FrameHeader h, byte[] dst, int dstOff) throws CodecException {
        int payload = frame.length - h.payload;
        try {
            switch (h.method) {
                case NONE:
                    System.arraycopy(frame, h.payload, dst, dstOff, h.length);
                    break;
                case LZ4:
                    Lz4Codec.decompress(frame, h.payload, payload, dst, dstOff, h.length);
                    break;
                default:
                    BrotliCodec.decompress(frame, h.payload, payload, dst, dstOff, h.length);
            }
        } catch (CodecException e) {
            throw shifted(e, h.payload);
        }
    }

    private static void checkStored(FrameHeader h, int payload) throws CodecException {
        if (payload != h.length) {
            throw new CodecException(h.payload, "stored frame holds " + payload + " bytes, declares " + h.length);
        }
    }

    /** Before allocating: an LZ4 block cannot make more than 255 bytes of each of its bytes. */
    private static void checkLz4(FrameHeader h, int payload) throws CodecException {
        try {
            Lz4Codec.checkDeclared(payload, h.length);
        } catch (CodecException e) {
            throw shifted(e, h.payload);
        }
    }

    /** A codec's error with its position moved from the payload's start to the frame's. */
    private static CodecException shifted(CodecException e, int header) {
        return new CodecException(header + e.position(), e.getMessage(), e.getCause());
    }

    private static byte[] scratch(int size) {
        byte[] s = SCRATCH.get();
        if (s.length < size) {
            s = new byte[Math.min(SCRATCH_MAX, Math.max(size, 2 * s.length))];
            SCRATCH.set(s);
        }
        return s;
    }
}
