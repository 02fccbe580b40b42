package org.ts4kit.codec;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import org.ts4kit.memory.ObjectPool;

/**
 * zlib streams inflated by libdeflate ({@code libdeflate_zlib_decompress}) through FFM: 2.5x the JDK's
 * bundled zlib on this project's streams (README, "Native inflate"). Safety, in the order it matters:
 * <ul>
 * <li>Mapped memory never reaches native code: a direct buffer's bytes are first copied, by Java,
 *     into a pooled native buffer (a fault of a file shrinking under its mapping is then a Java
 *     {@link InternalError}, not a SIGBUS in C). Heap bytes go as they are.</li>
 * <li>libdeflate writes at most {@code size} bytes, straight into the caller's array
 *     ({@code critical(true)}: no copy back).</li>
 * <li>Any stream it does not decode to exactly {@code size} bytes is handed to {@link ZlibDecoder},
 *     which throws the precise error (offset, reason) or, if zlib accepts what libdeflate refused,
 *     decodes it (counted in {@link #jdkRescues()}): both twins accept and refuse the same streams.</li>
 * </ul>
 * One known difference no check after the fact can catch without decoding again: libdeflate does not
 * refuse the symbols DEFLATE forbids (length symbols 286 and 287, read as length 258; distance
 * symbols 30 and 31, read as distances past 32 KiB, still inside the output), nor dynamic headers
 * declaring more than 286 length or 30 distance codes; zlib refuses them. No encoder writes them, and
 * with a matching checksum such a stream decodes here where the JDK twin refuses it
 * ({@code InflateTwinsTest} pins exactly this). {@code -Dts4kit.inflate=jdk} when that matters.
 * <p>
 * libdeflate's decompressors are not thread-safe and cost ~32 KiB of C heap each, so they come from a
 * bounded pool, like the JDK twin's {@code Inflater}s.
 */
final class LibdeflateDecoder implements Decoder {
    private static final String[] NAMES = {"libdeflate.so.0", "libdeflate.so", "libdeflate.0.dylib", "libdeflate.dylib",
        "libdeflate.dll", "deflate.dll"};
    private static final int SUCCESS = 0;
    /** Streams up to this many stored bytes are copied into a pooled native buffer; longer ones into one of their own. */
    private static final int POOLED_INPUT = 1 << 20;
    private static final LongAdder JDK_RESCUES = new LongAdder();

    private final String library;
    private final MethodHandle alloc;
    private final MethodHandle free;
    private final MethodHandle zlibDecompress;
    private final ObjectPool<State> pool;

    private LibdeflateDecoder(String library, SymbolLookup lookup) {
        this.library = library;
        Linker linker = Linker.nativeLinker();
        MemoryLayout sizeT = linker.canonicalLayouts().get("size_t");
        if (sizeT.byteSize() != Long.BYTES) {
            throw new IllegalStateException("size_t is " + sizeT.byteSize() + " bytes here; the binding expects 8");
        }
        ValueLayout.OfLong size = ValueLayout.JAVA_LONG;
        this.alloc = linker.downcallHandle(find(lookup, "libdeflate_alloc_decompressor"), FunctionDescriptor.of(ValueLayout.ADDRESS));
        this.free = linker.downcallHandle(find(lookup, "libdeflate_free_decompressor"), FunctionDescriptor.ofVoid(ValueLayout.ADDRESS));
        // critical: a short call that may read and write heap arrays in place (no GC while it runs)
        this.zlibDecompress = linker.downcallHandle(find(lookup, "libdeflate_zlib_decompress"),
                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.ADDRESS, size,
                        ValueLayout.ADDRESS, size, ValueLayout.ADDRESS),
                Linker.Option.critical(true));
        this.pool = new ObjectPool<>(Math.max(4, 2 * Runtime.getRuntime().availableProcessors()), this::newState, s -> { }, this::dispose);
    }

    /** Loads libdeflate ({@code library}, else the usual names) and binds it; throws when it cannot. */
    static LibdeflateDecoder load(String library) {
        List<String> tried = new ArrayList<>();
        for (String name : library != null ? new String[] {library} : NAMES) {
            SymbolLookup lookup;
            try {
                lookup = SymbolLookup.libraryLookup(name, Arena.global());
            } catch (IllegalArgumentException e) {
                tried.add(name);
                continue;
            }
            LibdeflateDecoder decoder = new LibdeflateDecoder(name, lookup);
            decoder.pool.release(decoder.pool.borrow()); // fails here, not on the first resource, if alloc does
            return decoder;
        }
        throw new UnsupportedOperationException("libdeflate not found (tried " + String.join(", ", tried)
                + "; Debian/Ubuntu: apt-get install libdeflate0)");
    }

    private static MemorySegment find(SymbolLookup lookup, String symbol) {
        return lookup.find(symbol).orElseThrow(() -> new IllegalStateException("libdeflate has no " + symbol));
    }

    /** How many streams libdeflate refused and the JDK twin then decoded (the differential tests expect none). */
    static long jdkRescues() {
        return JDK_RESCUES.sum();
    }

    @Override
    public void decode(ByteBuffer src, byte[] dst, int off, int size) throws CodecException {
        if (off < 0 || size < 0 || size > dst.length - off) {
            throw new IndexOutOfBoundsException("no room for " + size + " bytes at " + off + " of " + dst.length);
        }
        int len = src.remaining();
        State state = pool.borrow();
        int result;
        long actual;
        try {
            if (!src.isDirect()) { // heap bytes: read in place
                result = inflate(state, MemorySegment.ofBuffer(src), dst, off, size);
            } else if (len <= POOLED_INPUT) {
                MemorySegment.copy(MemorySegment.ofBuffer(src), 0, state.input, 0, len);
                result = inflate(state, state.input.asSlice(0, len), dst, off, size);
            } else {
                try (Arena call = Arena.ofConfined()) {
                    MemorySegment input = call.allocate(len);
                    MemorySegment.copy(MemorySegment.ofBuffer(src), 0, input, 0, len);
                    result = inflate(state, input, dst, off, size);
                }
            }
            actual = state.actual.get(ValueLayout.JAVA_LONG, 0);
        } finally {
            pool.release(state);
        }
        if (result != SUCCESS || actual != size) {
            // corrupt, short, long or unusual: the JDK twin says exactly what is wrong (or decodes it after all)
            ZlibDecoder.INSTANCE.decode(src, dst, off, size);
            JDK_RESCUES.increment();
        }
    }

    private int inflate(State state, MemorySegment in, byte[] dst, int off, int size) {
        try {
            return (int) zlibDecompress.invokeExact(state.decompressor, in, in.byteSize(),
                    MemorySegment.ofArray(dst).asSlice(off, size), (long) size, state.actual);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /**
     * One decompressor and its buffers, owned by one thread at a time. The buffers belong to an automatic
     * arena, freed by the GC with the state: closing a shared arena on dispose failed under a stress test
     * ("Session is acquired by 1 clients", ConcurrentReadStressTest on Java 25), and nothing but this
     * state ever holds them.
     */
    private static final class State {
        final Arena arena = Arena.ofAuto();
        final MemorySegment input = arena.allocate(POOLED_INPUT);
        final MemorySegment actual = arena.allocate(ValueLayout.JAVA_LONG);
        MemorySegment decompressor;
    }

    private State newState() {
        State s = new State();
        try {
            s.decompressor = (MemorySegment) alloc.invokeExact();
        } catch (Throwable t) {
            throw rethrow(t);
        }
        if (s.decompressor.equals(MemorySegment.NULL)) {
            throw new OutOfMemoryError("libdeflate_alloc_decompressor returned NULL");
        }
        return s;
    }

    /** Frees a state the pool has no room for: its decompressor now, its buffers with the state. */
    private void dispose(State s) {
        try {
            free.invokeExact(s.decompressor);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    private static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        throw new IllegalStateException(t);
    }

    @Override
    public long maxRatio() {
        return ZlibDecoder.MAX_RATIO;
    }

    @Override
    public String toString() {
        return "libdeflate (" + library + ") via FFM";
    }
}
