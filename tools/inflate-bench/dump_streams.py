#!/usr/bin/env python3
"""Write every zlib entry of a DBPF 2.1 package into a stream file for inflate_bench.

Usage: python3 tools/inflate-bench/dump_streams.py PACKAGE OUT [--recompress-none [LEVEL]]

OUT holds one record per zlib entry (compression 0x5A42), in index order:
    uint32 LE compressed length, uint32 LE decompressed length (the index's memSize),
    then the entry's stored bytes (a zlib stream).

--recompress-none: instead, zlib-compress (Python's zlib = the system zlib, LEVEL default 6)
every uncompressed entry (compression 0x0000) and write those streams: a synthetic set of
large streams (ts4kit gen stores its big texture-like entries uncompressed, while the game
stores most resources, large textures included, as zlib).

The index is parsed here, independently of the Java code, the same way tools/crosscheck.py
(read_package) does it; unlike read_package this does not decode the entries, so a 300 MB
package dumps in a second or two. Standard library only.
"""

import mmap
import struct
import sys
import zlib

HEADER_SIZE = 96
COMP_NONE = 0x0000
COMP_ZLIB = 0x5A42
COMP_DELETED = 0xFFE0


class FormatError(Exception):
    pass


def read_index(buf):
    """Yield (type, group, instance, offset, file_size, mem_size, compression) per index entry."""
    size = len(buf)
    if size < HEADER_SIZE:
        raise FormatError("file is %d bytes (< 96): no DBPF header" % size)
    if buf[0:4] != b"DBPF":
        raise FormatError("bad magic %r" % bytes(buf[0:4]))
    major, minor = struct.unpack_from("<II", buf, 4)
    if (major, minor) != (2, 1):
        raise FormatError("version %d.%d, expected 2.1" % (major, minor))
    count = struct.unpack_from("<I", buf, 36)[0]
    pos32 = struct.unpack_from("<I", buf, 40)[0]
    pos64 = struct.unpack_from("<Q", buf, 64)[0]
    index_pos = pos64 if pos64 != 0 else pos32
    if count == 0:
        return
    if index_pos < HEADER_SIZE or index_pos >= size:
        raise FormatError("index position %d outside the file (%d bytes)" % (index_pos, size))
    p = index_pos

    def u32():
        nonlocal p
        if p + 4 > size:
            raise FormatError("index cut off at %d" % p)
        v = struct.unpack_from("<I", buf, p)[0]
        p += 4
        return v

    def u16():
        nonlocal p
        if p + 2 > size:
            raise FormatError("index cut off at %d" % p)
        v = struct.unpack_from("<H", buf, p)[0]
        p += 2
        return v

    flags = u32()
    c_type = u32() if flags & 1 else None
    c_group = u32() if flags & 2 else None
    c_ihi = u32() if flags & 4 else None
    for _ in range(count):
        t = c_type if c_type is not None else u32()
        g = c_group if c_group is not None else u32()
        ihi = c_ihi if c_ihi is not None else u32()
        ilo = u32()
        off = u32()
        fsz_raw = u32()
        msz = u32()
        if fsz_raw & 0x80000000:
            comp = u16()
            u16()  # committed
        else:
            comp = COMP_NONE
        yield t, g, (ihi << 32) | ilo, off, fsz_raw & 0x7FFFFFFF, msz, comp


def main(argv):
    level = None
    if len(argv) >= 4 and argv[3] == "--recompress-none":
        level = int(argv[4]) if len(argv) == 5 else 6
        argv = argv[:3]
    if len(argv) != 3 or (level is not None and not 0 <= level <= 9):
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    package, out_path = argv[1], argv[2]
    want = COMP_NONE if level is not None else COMP_ZLIB
    n = 0
    in_bytes = out_bytes = 0
    other = 0
    with open(package, "rb") as f, open(out_path, "wb") as out:
        with mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) as buf:
            size = len(buf)
            try:
                for t, g, inst, off, fsz, msz, comp in read_index(buf):
                    if comp != want:
                        other += 1
                        continue
                    if off + fsz > size:
                        raise FormatError("entry %08X:%08X:%016X: data %d+%d past the end (%d)"
                                          % (t, g, inst, off, fsz, size))
                    stored = buf[off:off + fsz]
                    if level is not None:
                        if fsz != msz:
                            raise FormatError("uncompressed entry %08X:%08X:%016X: fileSize %d != memSize %d"
                                              % (t, g, inst, fsz, msz))
                        stored = zlib.compress(stored, level)
                    out.write(struct.pack("<II", len(stored), msz))
                    out.write(stored)
                    n += 1
                    in_bytes += len(stored)
                    out_bytes += msz
            except FormatError as e:
                print("dump_streams: %s: %s" % (package, e), file=sys.stderr)
                return 1
    kind = "zlib streams" if level is None else "uncompressed entries compressed at level %d to zlib streams" % level
    print("%s: %d %s, %.1f MB compressed -> %.1f MB decompressed (%d other entries skipped)"
          % (out_path, n, kind, in_bytes / 1e6, out_bytes / 1e6, other))
    return 0 if n else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
