package org.ts4kit.catalog;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.ts4kit.cache.BloomFilter;
import org.ts4kit.cache.CacheFormatException;
import org.ts4kit.scan.FileStamp;
import org.ts4kit.scan.PackageInput;
import org.ts4kit.scan.Problem;
import org.ts4kit.search.Keys;
import org.ts4kit.search.PackageDocs;

/**
 * One {@link PackageRecord} as bytes, a header (in the saved index's directory) and a body:
 * <pre>
 * header:
 * name, location             string (varint length + UTF-8)
 * stamp                      path string, size i64, modified ns i64, file key string
 * problems                   count, then location string, offset i64, reason string each
 * resource count             varint (so that counting reads no further)
 * index read                 u8: 1 when the package's header and index were read (its keys are known)
 * key filter                 varint length, then a {@link BloomFilter} over the resources' keys
 * body:
 * decoded entries            count, then types i32[], groups i32[], instances i64[], SHA-256 byte[32][]
 * resources                  count, then per resource: type i32, group i32, instance i64,
 *                            name (varint length + 1, 0 for none), text token count + tokens
 * </pre>
 * A rescan reads headers only; the body is read, checked against its CRC and parsed when a command first
 * asks for the resources ({@link PackageRecord#docs()}). Decoding checks every count against the bytes left ({@link RecordInput}) and the record's own invariants
 * (resources sorted by key and distinct, tokens sorted and distinct): a record that breaks them is refused,
 * so whatever a saved index holds, it holds what a walk would have produced.
 */
final class RecordCodec {
    private RecordCodec() {
    }

    /**
     * A record's resources, still in the file: read, checked against the body's CRC and parsed when first
     * used, each half on its own (conflicts need the decoded keys only, search the documents only).
     */
    record Body(StoredRecord stored, int resources) {
        DecodedKeys decoded(String name) throws IndexFormatException {
            return RecordCodec.decoded(input(name));
        }

        PackageDocs docs(String name) throws IndexFormatException {
            RecordInput in = input(name);
            long keys = in.varint();
            if (keys > in.remaining() / 48) {
                throw in.corrupt(keys + " decoded entries of 48 bytes, " + in.remaining() + " bytes left");
            }
            in.skip((int) keys * 48);
            PackageDocs docs = RecordCodec.docs(in, name);
            if (docs.size() != resources) {
                throw in.corruptAt(in.offset(), "the record's header says " + resources + " resources, its body " + docs.size());
            }
            if (in.remaining() != 0) {
                throw in.corrupt(in.remaining() + " bytes after the record's end");
            }
            return docs;
        }

        private RecordInput input(String name) throws IndexFormatException {
            try {
                return new RecordInput(name, stored.body(), stored.bodyOffset);
            } catch (IndexFormatException e) {
                throw e;
            } catch (java.io.IOException e) {
                throw new IndexFormatException(name, stored.bodyOffset, "cannot read the record: " + e);
            }
        }
    }

    /** The header and body of the record a walk of {@code input} made. */
    static StoredRecord encode(PackageInput input, List<Problem> problems, boolean indexRead, BloomFilter keys, PackageDocs d,
            DecodedKeys k) {
        RecordOutput out = new RecordOutput();
        out.string(input.name());
        out.string(input.location());
        FileStamp s = input.stamp();
        out.string(s.path());
        out.i64(s.size());
        out.i64(s.modifiedNanos());
        out.string(s.fileKey());
        out.varint(problems.size());
        for (Problem p : problems) {
            out.string(p.location());
            out.i64(p.offset());
            out.string(p.reason());
        }
        out.varint(d.size()); // in the header too: counting resources reads no body
        out.u8(indexRead ? 1 : 0);
        byte[] filter = keys.toByteArray();
        out.varint(filter.length);
        out.bytes(filter);
        byte[] header = out.toByteArray();
        out = new RecordOutput();
        out.varint(k.size());
        for (int t : k.types) {
            out.i32(t);
        }
        for (int g : k.groups) {
            out.i32(g);
        }
        for (long in : k.instances) {
            out.i64(in);
        }
        out.bytes(k.sha256);
        out.varint(d.size());
        for (int i = 0; i < d.size(); i++) {
            out.i32(d.type(i));
            out.i32(d.group(i));
            out.i64(d.instance(i));
            out.nullableString(d.resourceName(i));
            String[] text = d.text(i);
            out.varint(text.length);
            for (String t : text) {
                out.string(t);
            }
        }
        return StoredRecord.fresh(header, out.toByteArray());
    }

    /** The record whose header {@code stored} holds (its body is parsed when first used). */
    static PackageRecord decode(String file, StoredRecord stored, long headerOffset) throws IndexFormatException {
        RecordInput in = new RecordInput(file, stored.header.duplicate(), headerOffset);
        String name = in.string();
        String location = in.string();
        String path = in.string();
        long size = in.i64();
        long modified = in.i64();
        String fileKey = in.string();
        FileStamp stamp = size < 0 ? FileStamp.NONE : new FileStamp(path, size, modified, fileKey);
        int problemCount = in.count(10, "problems");
        List<Problem> problems = new ArrayList<>(problemCount);
        for (int i = 0; i < problemCount; i++) {
            problems.add(new Problem(in.string(), in.i64(), in.string()));
        }
        long resourceCount = in.varint(); // the body's count, checked against it when the body is read
        if (resourceCount > Integer.MAX_VALUE) {
            throw in.corrupt(resourceCount + " resources");
        }
        int resources = (int) resourceCount;
        int indexRead = in.u8();
        if (indexRead > 1) {
            throw in.corrupt("index-read flag " + indexRead);
        }
        int filterBytes = in.count(1, "key filter bytes");
        long filterAt = in.offset();
        BloomFilter keys;
        try {
            keys = BloomFilter.readFrom(in.slice(filterBytes));
        } catch (CacheFormatException e) {
            throw in.corruptAt(filterAt, "key filter: " + e.getMessage());
        }
        if (in.remaining() != 0) {
            throw in.corrupt(in.remaining() + " bytes after the record's header");
        }
        return new PackageRecord(name, location, stamp, problems, resources, indexRead == 1, keys, new Body(stored, resources));
    }

    private static DecodedKeys decoded(RecordInput in) throws IndexFormatException {
        int n = in.count(48, "decoded entries");
        int[] types = new int[n];
        int[] groups = new int[n];
        long[] instances = new long[n];
        for (int i = 0; i < n; i++) {
            types[i] = in.i32();
        }
        for (int i = 0; i < n; i++) {
            groups[i] = in.i32();
        }
        for (int i = 0; i < n; i++) {
            instances[i] = in.i64();
        }
        byte[] sha = in.bytes(32 * n);
        return new DecodedKeys(types, groups, instances, sha);
    }

    private static PackageDocs docs(RecordInput in, String name) throws IndexFormatException {
        int n = in.count(18, "resources");
        int[] types = new int[n];
        int[] groups = new int[n];
        long[] instances = new long[n];
        String[] names = new String[n];
        String[][] texts = new String[n][];
        int pt = 0;
        int pg = 0;
        long pi = 0;
        for (int i = 0; i < n; i++) {
            long at = in.offset();
            int type = in.i32();
            int group = in.i32();
            long instance = in.i64();
            if (i > 0 && Keys.compare(pt, pg, pi, type, group, instance) >= 0) {
                throw in.corruptAt(at, "resources out of key order or repeated");
            }
            pt = type;
            pg = group;
            pi = instance;
            String resourceName = in.nullableString();
            int tokens = in.count(1, "text tokens");
            String[] text = tokens == 0 ? null : new String[tokens];
            for (int t = 0; t < tokens; t++) {
                text[t] = in.string();
                if (t > 0 && text[t].compareTo(text[t - 1]) <= 0) {
                    throw in.corrupt("text tokens out of order");
                }
            }
            types[i] = type;
            groups[i] = group;
            instances[i] = instance;
            names[i] = resourceName;
            texts[i] = text;
        }
        return PackageDocs.ofSorted(name, types, groups, instances, names, texts);
    }
}
