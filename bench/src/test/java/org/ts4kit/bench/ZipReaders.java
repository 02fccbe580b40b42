package org.ts4kit.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.zip.CRC32;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.ts4kit.io.zip.ZipFormatException;
import org.ts4kit.io.ByteSources;
import org.ts4kit.io.zip.ZipArchive;
import org.ts4kit.io.zip.ZipEntryInfo;

/**
 * Core's zip reader and Commons Compress's, each asked to open an archive and read every member,
 * and what came of it: the worst outcome over the members, so one bad member makes the archive's
 * outcome. Each run is bounded by a timeout (a hang) and reads at most {@link #CAP} bytes a member.
 */
final class ZipReaders {
    static final long CAP = 1 << 20;
    static final long TIMEOUT_SECONDS = 10;

    /** Best to worst. */
    enum Outcome {
        /** Every member read, bytes as written and as the directory declares. */
        OK,
        /** Refused with the reader's own checked exception (ZipFormatException, IOException). */
        REJECTED,
        /** Bytes as written, but their length or CRC-32 is not what the directory declares: damage not noticed. */
        INCONSISTENT,
        /** Failed with an unchecked exception (a bug in the reader, not a verdict on the input). */
        CRASH,
        /** Returned bytes other than the ones written, without an error. */
        WRONG,
        OOM,
        HANG
    }

    record Result(Outcome outcome, String detail) {
        static final Result OK = new Result(Outcome.OK, "");

        Result worst(Result other) {
            return other.outcome.compareTo(outcome) > 0 ? other : this;
        }

        @Override
        public String toString() {
            return detail.isEmpty() ? outcome.name() : outcome + " (" + detail + ")";
        }
    }

    interface Reader {
        String name();

        Result read(byte[] archive, Map<String, byte[]> original) throws Exception;
    }

    private static ExecutorService worker = newWorker();

    private ZipReaders() {
    }

    /** Runs {@code reader} on {@code archive} in a worker thread; a run past the timeout is a hang. */
    static Result run(Reader reader, byte[] archive, Map<String, byte[]> original) {
        Future<Result> f = worker.submit(() -> {
            try {
                return reader.read(archive, original);
            } catch (OutOfMemoryError e) {
                return new Result(Outcome.OOM, "");
            } catch (IOException e) { // ZipFormatException is one
                return new Result(Outcome.REJECTED, brief(e));
            } catch (RuntimeException | LinkageError e) { // LinkageError: a codec's optional jar is missing
                return new Result(Outcome.CRASH, brief(e));
            }
        });
        try {
            return f.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            worker.shutdownNow();
            worker = newWorker(); // the stuck thread is a daemon and is left behind
            return new Result(Outcome.HANG, "over " + TIMEOUT_SECONDS + " s");
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "zip-reader");
            t.setDaemon(true);
            return t;
        });
    }

    static final Reader TS4KIT = new Reader() {
        @Override
        public String name() {
            return "ts4kit ZipArchive";
        }

        @Override
        public Result read(byte[] archive, Map<String, byte[]> original) throws ZipFormatException {
            Result worst = Result.OK;
            try (ZipArchive zip = ZipArchive.open(ByteSources.wrap("hostile.zip", archive), CAP)) {
                for (ZipEntryInfo e : zip.entries()) {
                    try {
                        ByteBuffer data = zip.data(e);
                        byte[] b = new byte[data.remaining()];
                        data.get(b);
                        worst = worst.worst(judge(e.name(), b, e.size(), e.crc(), original));
                    } catch (ZipFormatException x) {
                        worst = worst.worst(new Result(Outcome.REJECTED, brief(x)));
                    }
                }
            }
            return worst;
        }
    };

    static final Reader COMMONS_COMPRESS = new Reader() {
        @Override
        public String name() {
            return "Commons Compress 1.28.0 ZipFile";
        }

        @Override
        public Result read(byte[] archive, Map<String, byte[]> original) throws IOException {
            Result worst = Result.OK;
            try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(archive)).get()) {
                for (Enumeration<ZipArchiveEntry> en = zip.getEntries(); en.hasMoreElements();) {
                    ZipArchiveEntry e = en.nextElement();
                    try (InputStream in = zip.getInputStream(e)) {
                        byte[] b = in.readNBytes((int) CAP + 1);
                        worst = worst.worst(judge(e.getName(), b, e.getSize(), e.getCrc(), original));
                    } catch (IOException x) {
                        worst = worst.worst(new Result(Outcome.REJECTED, brief(x)));
                    }
                }
            }
            return worst;
        }
    };

    /** A member's bytes against what was written under its name and what the directory declares. */
    static Result judge(String name, byte[] got, long declaredSize, long declaredCrc, Map<String, byte[]> original) {
        byte[] want = original.get(name);
        boolean consistent = got.length == declaredSize && crc(got) == declaredCrc;
        if (want != null && !Arrays.equals(want, got) || want == null && !consistent) {
            return new Result(Outcome.WRONG, "'" + name + "': " + got.length + " bytes"
                    + (want != null ? " differ from the " + want.length + " written" : ", CRC or size not as declared"));
        }
        if (!consistent) {
            return new Result(Outcome.INCONSISTENT, "'" + name + "': declared " + declaredSize + " bytes, CRC "
                    + Long.toHexString(declaredCrc) + "; got " + got.length + ", CRC " + Long.toHexString(crc(got)));
        }
        return Result.OK;
    }

    static long crc(byte[] b) {
        CRC32 c = new CRC32();
        c.update(b);
        return c.getValue();
    }

    private static String brief(Throwable t) {
        String m = t.getClass().getSimpleName() + ": " + (t instanceof ZipFormatException d ? d.reason() : t.getMessage());
        m = m.replaceAll("\\s+", " ");
        return m.length() > 90 ? m.substring(0, 87) + "..." : m;
    }
}
