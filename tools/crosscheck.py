#!/usr/bin/env python3
"""Independent cross-check of the ts4kit CLI against a second reader.

This is a from-scratch DBPF 2.1 reader written only from ../shared/FORMAT.md and the CLI
contract in README.md (it does not follow the Java code's logic). For a corpus folder it
computes what `ts4kit ls FILE --json --hash` and `ts4kit conflicts ROOT --json` must print,
runs the Java CLI, and compares stdout, exit codes and the `PATH: offset N: ` error lines.

Usage:
    python3 tools/crosscheck.py CORPUS_DIR [--gen N SEED] [--jobs J] [--no-java]
                                           [--show N] [--dump-expected]

  --gen N SEED     first run `bin/ts4kit gen CORPUS_DIR --packages N --seed SEED`
  --jobs J         JVMs run in parallel for the per-package `ls` runs (default: CPU count)
  --no-java        only compute and summarise the expected results (self-test of the reader)
  --show N         print at most N differences of each kind (default 8)
  --dump-expected  print the expected ls / conflicts output to stdout and exit

Exit status: 0 when Java and this reader agree everywhere, 1 on any mismatch, 2 on usage
errors or when the CLI cannot be built/run.

Standard library only.
"""

import hashlib
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import zipfile
import zlib
from concurrent.futures import ThreadPoolExecutor

HEADER_SIZE = 96
MAX_RESOURCE_BYTES = 256 * 1024 * 1024  # README: default cap 256 MiB; larger is refused

COMP_NONE = 0x0000
COMP_ZLIB = 0x5A42
COMP_REFPACK = 0xFFFF
COMP_REFPACK_STREAMABLE = 0xFFFE
COMP_DELETED = 0xFFE0

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TS4KIT = os.path.join(REPO_ROOT, "bin", "ts4kit")


# --------------------------------------------------------------------------------------------
# Decoders
# --------------------------------------------------------------------------------------------

class DecodeError(Exception):
    pass


def refpack_decode(data, mem_size):
    """Decode a RefPack (QFS) stream exactly per FORMAT.md; must yield exactly mem_size bytes.

    The stream is `data` (the entry's stored bytes). It ends at a stop command (0xFC-0xFF,
    0-3 trailing literals) or, accepted too, exactly where the input ends once the output is
    complete. Bytes after a stop command are ignored.
    """
    n = len(data)
    if n < 2:
        raise DecodeError("refpack: stream shorter than its header")
    flags = data[0]
    if data[1] != 0xFB:
        raise DecodeError("refpack: byte 1 is 0x%02X, not 0xFB" % data[1])
    width = 4 if flags & 0x80 else 3
    p = 2
    if flags & 0x01:
        p += width  # compressed-size field, skipped
    if p + width > n:
        raise DecodeError("refpack: header cut off")
    size = int.from_bytes(data[p:p + width], "big")
    p += width
    if size != mem_size:
        raise DecodeError("refpack: header says %d bytes, index memSize %d" % (size, mem_size))
    out = bytearray()
    while True:
        if p == n:
            if len(out) == size:
                break  # ended exactly with complete output, no stop command: accepted
            raise DecodeError("refpack: input ended after %d of %d bytes" % (len(out), size))
        b0 = data[p]
        stop = False
        if b0 <= 0x7F:
            if p + 2 > n:
                raise DecodeError("refpack: command cut off")
            b1 = data[p + 1]
            lit = b0 & 3
            clen = ((b0 & 0x1C) >> 2) + 3
            off = ((b0 & 0x60) << 3) + b1 + 1
            p += 2
        elif b0 <= 0xBF:
            if p + 3 > n:
                raise DecodeError("refpack: command cut off")
            b1, b2 = data[p + 1], data[p + 2]
            lit = b1 >> 6
            clen = (b0 & 0x3F) + 4
            off = ((b1 & 0x3F) << 8) + b2 + 1
            p += 3
        elif b0 <= 0xDF:
            if p + 4 > n:
                raise DecodeError("refpack: command cut off")
            b1, b2, b3 = data[p + 1], data[p + 2], data[p + 3]
            lit = b0 & 3
            clen = ((b0 & 0x0C) << 6) + b3 + 5
            off = ((b0 & 0x10) << 12) + (b1 << 8) + b2 + 1
            p += 4
        elif b0 <= 0xFB:
            lit = ((b0 & 0x1F) << 2) + 4
            clen = 0
            off = 0
            p += 1
        else:
            lit = b0 & 3
            clen = 0
            off = 0
            p += 1
            stop = True
        if lit:
            if p + lit > n:
                raise DecodeError("refpack: literals run past the input")
            if len(out) + lit > size:
                raise DecodeError("refpack: output would exceed %d bytes" % size)
            out += data[p:p + lit]
            p += lit
        if clen:
            have = len(out)
            if off > have:
                raise DecodeError("refpack: copy offset %d beyond output %d" % (off, have))
            if have + clen > size:
                raise DecodeError("refpack: output would exceed %d bytes" % size)
            start = have - off
            if off >= clen:
                out += out[start:start + clen]
            else:
                for i in range(clen):  # overlapping copy, byte by byte
                    out.append(out[start + i])
        if stop:
            break
    if len(out) != size:
        raise DecodeError("refpack: decoded %d bytes, expected %d" % (len(out), size))
    return bytes(out)


def zlib_decode(data, mem_size):
    d = zlib.decompressobj()  # zlib wrapper (2-byte header + adler32) required
    try:
        out = d.decompress(data, mem_size + 1)
    except zlib.error as e:
        raise DecodeError("zlib: %s" % e)
    if len(out) > mem_size:
        raise DecodeError("zlib: inflates past memSize %d" % mem_size)
    if not d.eof:
        # either truncated or more output pending (the latter is caught above)
        try:
            d.flush()
        except zlib.error as e:
            raise DecodeError("zlib: %s" % e)
        raise DecodeError("zlib: stream does not end (got %d of %d bytes)" % (len(out), mem_size))
    if len(out) != mem_size:
        raise DecodeError("zlib: inflated %d bytes, memSize %d" % (len(out), mem_size))
    return out


def compression_name(code):
    if code == COMP_NONE:
        return "none"
    if code == COMP_ZLIB:
        return "zlib"
    if code in (COMP_REFPACK, COMP_REFPACK_STREAMABLE):
        return "refpack"
    if code == COMP_DELETED:
        return "deleted"
    return "%04X" % code


# --------------------------------------------------------------------------------------------
# Package reader
# --------------------------------------------------------------------------------------------

class Problem:
    """One reason a package is broken. `offsets` = the error-line offsets README allows."""

    def __init__(self, kind, offsets, detail, entry=None):
        self.kind = kind
        self.offsets = offsets  # set of ints, or None = any offset is acceptable
        self.detail = detail
        self.entry = entry  # index position of the entry, or None for header/index problems

    def __repr__(self):
        where = "" if self.entry is None else "entry #%d " % self.entry
        offs = "any" if self.offsets is None else "/".join(str(o) for o in sorted(self.offsets))
        return "%s%s (offset %s): %s" % (where, self.kind, offs, self.detail)


class PackageResult:
    def __init__(self, name):
        self.name = name
        self.entries = []  # list of dicts in ls --json order (with "sha256" when decodable)
        self.problems = []  # list of Problem
        self.header_broken = False

    @property
    def broken(self):
        return bool(self.problems)

    def ls_lines(self):
        return [json.dumps(e, separators=(",", ":")) for e in self.entries]


def read_package(name, buf):
    """Parse one package held in `buf` (bytes). Returns a PackageResult."""
    r = PackageResult(name)
    size = len(buf)

    def header_fail(kind, off, detail):
        r.header_broken = True
        r.problems.append(Problem(kind, off, detail))
        return r

    if size < HEADER_SIZE:
        return header_fail("truncated header", {0}, "file is %d bytes (< 96)" % size)
    if buf[0:4] != b"DBPF":
        return header_fail("bad magic", {0}, "magic %r" % bytes(buf[0:4]))
    major = struct.unpack_from("<I", buf, 4)[0]
    if major != 2:
        return header_fail("bad version", {4}, "major version %d" % major)
    count = struct.unpack_from("<I", buf, 36)[0]
    pos32 = struct.unpack_from("<I", buf, 40)[0]
    pos64 = struct.unpack_from("<Q", buf, 64)[0]
    if pos64 != 0:
        index_pos, field = pos64, 64
    else:
        index_pos, field = pos32, 40
    if count == 0:
        return r  # valid whatever the index position says
    if index_pos < HEADER_SIZE or index_pos >= size:
        return header_fail("index outside file", {field},
                           "index position %d (field %d), file %d bytes" % (index_pos, field, size))

    p = index_pos

    def u32():
        nonlocal p
        if p + 4 > size:
            raise DecodeError("index cut off at %d (file %d bytes)" % (p, size))
        v = struct.unpack_from("<I", buf, p)[0]
        p += 4
        return v

    def u16():
        nonlocal p
        if p + 2 > size:
            raise DecodeError("index cut off at %d (file %d bytes)" % (p, size))
        v = struct.unpack_from("<H", buf, p)[0]
        p += 2
        return v

    raw = []
    try:
        flags = u32()
        c_type = u32() if flags & 1 else None
        c_group = u32() if flags & 2 else None
        c_ihi = u32() if flags & 4 else None
        for i in range(count):
            rec = p
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
            raw.append((rec, t, g, (ihi << 32) | ilo, off, fsz_raw & 0x7FFFFFFF, msz, comp))
    except DecodeError as e:
        r.header_broken = True
        r.problems.append(Problem("index cut off", None, str(e)))
        return r

    for i, (rec, t, g, inst, off, fsz, msz, comp) in enumerate(raw):
        e = {
            "type": "%08X" % t,
            "group": "%08X" % g,
            "instance": "%016X" % inst,
            "offset": off,
            "fileSize": fsz,
            "memSize": msz,
            "compression": compression_name(comp),
        }
        r.entries.append(e)
        if comp == COMP_DELETED:
            continue
        if off + fsz > size:
            r.problems.append(Problem("data outside file", {rec},
                                      "data %d+%d past end %d" % (off, fsz, size), i))
            continue
        if comp not in (COMP_NONE, COMP_ZLIB, COMP_REFPACK, COMP_REFPACK_STREAMABLE):
            r.problems.append(Problem("unknown compression", {rec}, "code 0x%04X" % comp, i))
            continue
        if msz > MAX_RESOURCE_BYTES:
            r.problems.append(Problem("size over cap", {rec}, "memSize %d" % msz, i))
            continue
        stored = bytes(buf[off:off + fsz])
        try:
            if comp == COMP_NONE:
                if fsz != msz:
                    # "size impossible" (record) or "size mismatch" (data): README allows both
                    raise DecodeError("none: fileSize %d != memSize %d" % (fsz, msz))
                data = stored
            elif comp == COMP_ZLIB:
                data = zlib_decode(stored, msz)
            else:
                data = refpack_decode(stored, msz)
        except DecodeError as ex:
            allowed = {off}
            # A declared size the codec cannot produce from the stored bytes is "impossible"
            # and may be reported at the index record (README: zlib ~1032x, RefPack ~257x, none 1x).
            ratio = {COMP_NONE: 1, COMP_ZLIB: 1032, COMP_REFPACK: 257,
                     COMP_REFPACK_STREAMABLE: 257}[comp]
            if comp == COMP_NONE or msz > fsz * (ratio - 8):
                allowed.add(rec)
            r.problems.append(Problem("corrupt data", allowed, str(ex), i))
            continue
        e["sha256"] = hashlib.sha256(data).hexdigest()
    return r


# --------------------------------------------------------------------------------------------
# Corpus walking
# --------------------------------------------------------------------------------------------

class CorpusPackage:
    def __init__(self, name, path, zip_path=None, inner=None):
        self.name = name  # as conflicts must print it
        self.path = path  # loose: filesystem path; in zip: the archive's path
        self.zip_path = zip_path
        self.inner = inner
        self.result = None

    @property
    def in_zip(self):
        return self.zip_path is not None


def walk_corpus(root):
    """Returns (packages, unreadable_zips)."""
    packages, bad_zips = [], []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        for fn in sorted(filenames):
            full = os.path.join(dirpath, fn)
            rel = os.path.relpath(full, root).replace(os.sep, "/")
            low = fn.lower()
            if low.endswith(".package"):
                packages.append(CorpusPackage(rel, full))
            elif low.endswith(".zip"):
                try:
                    with zipfile.ZipFile(full) as z:
                        for info in z.infolist():
                            if info.is_dir() or not info.filename.lower().endswith(".package"):
                                continue
                            packages.append(CorpusPackage("%s!/%s" % (rel, info.filename), full,
                                                          zip_path=full, inner=info.filename))
                except (zipfile.BadZipFile, OSError) as e:
                    bad_zips.append((rel, str(e)))
    return packages, bad_zips


def load_bytes(pkg):
    if pkg.in_zip:
        with zipfile.ZipFile(pkg.zip_path) as z:
            return z.read(pkg.inner)
    with open(pkg.path, "rb") as f:
        return f.read()


def expected_conflicts(packages):
    by_key = {}
    for pkg in packages:
        r = pkg.result
        if r.broken:
            continue
        for e in r.entries:
            if e["compression"] == "deleted":
                continue
            key = "%s:%s:%s" % (e["type"], e["group"], e["instance"])
            by_key.setdefault(key, []).append((pkg.name, e["sha256"]))
    lines = []
    for key in sorted(by_key):
        copies = by_key[key]
        names = sorted(set(n for n, _ in copies))
        if len(names) < 2:
            continue
        identical = len(set(h for _, h in copies)) == 1
        lines.append(json.dumps({"key": key, "packages": names, "identical": identical},
                                separators=(",", ":")))
    return lines


# --------------------------------------------------------------------------------------------
# Running the Java CLI
# --------------------------------------------------------------------------------------------

def run_cli(args, timeout=600):
    p = subprocess.run([TS4KIT] + args, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       timeout=timeout)
    return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")


def ensure_cli():
    """Build the jar once (bin/ts4kit builds on demand) before running JVMs in parallel."""
    rc, out, err = run_cli(["--help"], timeout=1800)
    jar = os.path.join(REPO_ROOT, "cli", "target", "ts4kit.jar")  # bin/ts4kit's jar since the module split
    if rc != 0 or not os.path.isfile(jar):
        sys.stderr.write("crosscheck: bin/ts4kit could not build its jar (rc %d):\n%s\n"
                         % (rc, "\n".join(err.splitlines()[-25:])))
        return False
    return True


def split_lines(text):
    return [l for l in text.split("\n") if l != ""]


class Mismatches:
    def __init__(self):
        self.items = {}  # kind -> list of messages

    def add(self, kind, msg):
        self.items.setdefault(kind, []).append(msg)

    def count(self, kind=None):
        if kind is None:
            return sum(len(v) for v in self.items.values())
        return len(self.items.get(kind, []))


def compare_ls(pkg, display_path, rc, out, err, mm, stats):
    r = pkg.result
    exp_lines = r.ls_lines()
    got_lines = split_lines(out)
    ok = True
    fmt_exact = got_lines == exp_lines
    if len(got_lines) != len(exp_lines):
        mm.add("ls stdout", "%s: %d lines expected, %d printed%s" % (
            pkg.name, len(exp_lines), len(got_lines),
            "" if not got_lines else "; first printed: " + got_lines[0][:200]))
        ok = False
    for i, (el, gl) in enumerate(zip(exp_lines, got_lines)):
        try:
            g = json.loads(gl)
        except ValueError:
            mm.add("ls stdout", "%s: entry #%d: not JSON: %s" % (pkg.name, i, gl[:200]))
            ok = False
            continue
        ej = json.loads(el)
        if g != ej:
            diffs = []
            for k in sorted(set(ej) | set(g)):
                if ej.get(k, "<absent>") != g.get(k, "<absent>"):
                    diffs.append("%s: expected %s, Java %s" % (k, json.dumps(ej.get(k, "<absent>")),
                                                              json.dumps(g.get(k, "<absent>"))))
            mm.add("ls stdout", "%s: entry #%d (%s:%s:%s %s): %s" % (
                pkg.name, i, ej["type"], ej["group"], ej["instance"], ej["compression"],
                "; ".join(diffs)))
            ok = False
    if ok:
        stats["ls_stdout_ok"] += 1
        if not fmt_exact:
            stats["ls_format_diff"] += 1  # same JSON values, other spacing or key order
    exp_rc = 1 if r.broken else 0
    if rc != exp_rc:
        mm.add("ls exit", "%s: exit %d expected, Java %d (%s)%s" % (
            pkg.name, exp_rc, rc, "; ".join(map(repr, r.problems[:3])) or "no problems found",
            ("; stderr: " + err.strip().splitlines()[0][:200]) if err.strip() else ""))
    else:
        stats["ls_exit_ok"] += 1
    if display_path is None:
        return  # package from a zip, extracted under a temp name: stderr paths not compared
    if not r.broken:
        return
    pat = re.compile(r"^" + re.escape(display_path) + r": offset (\d+): ")
    offs = []
    for line in err.splitlines():
        m = pat.match(line)
        if m:
            offs.append(int(m.group(1)))
    if not offs:
        mm.add("ls stderr", "%s: no stderr line starting '%s: offset N: ' (stderr: %s)" % (
            pkg.name, display_path, err.strip()[:300] or "<empty>"))
        return
    stats["ls_stderr_ok"] += 1
    # README offsets: every broken entry gets an error line at an allowed offset.
    for prob in r.problems:
        if prob.offsets is None:
            continue
        if not any(o in prob.offsets for o in offs):
            mm.add("ls error offset", "%s: %r; Java printed offsets %s" % (pkg.name, prob, offs))


def crosscheck(root, jobs, show, no_java, dump):
    root = os.path.abspath(root)
    packages, bad_zips = walk_corpus(root)
    for pkg in packages:
        pkg.result = read_package(pkg.name, load_bytes(pkg))
    exp_conf = expected_conflicts(packages)
    n_broken = sum(1 for p in packages if p.result.broken)

    if dump:
        for pkg in packages:
            print("## %s%s" % (pkg.name, "  BROKEN: " + "; ".join(map(repr, pkg.result.problems))
                               if pkg.result.broken else ""))
            for l in pkg.result.ls_lines():
                print(l)
        print("## conflicts")
        for l in exp_conf:
            print(l)
        return 0

    print("crosscheck: %s" % root)
    print("  packages: %d (%d loose, %d in zips), expected broken: %d, unreadable zips: %d" % (
        len(packages), sum(1 for p in packages if not p.in_zip),
        sum(1 for p in packages if p.in_zip), n_broken, len(bad_zips)))
    for pkg in packages:
        if pkg.result.broken:
            print("    broken: %s: %s" % (pkg.name, "; ".join(map(repr, pkg.result.problems[:3]))))
    comp_counts = {}
    for pkg in packages:
        for e in pkg.result.entries:
            comp_counts[e["compression"]] = comp_counts.get(e["compression"], 0) + 1
    print("  entries: %d (%s), expected conflict lines: %d" % (
        sum(comp_counts.values()),
        ", ".join("%s %d" % kv for kv in sorted(comp_counts.items())), len(exp_conf)))
    if no_java:
        return 0
    if len(packages) > 100:
        print("  note: %d packages; one JVM per package is slow" % len(packages))

    if not ensure_cli():
        return 2

    mm = Mismatches()
    stats = {k: 0 for k in ("ls_stdout_ok", "ls_exit_ok", "ls_stderr_ok", "ls_format_diff")}
    tmp = tempfile.mkdtemp(prefix="ts4kit-crosscheck-")
    try:
        def job(i_pkg):
            i, pkg = i_pkg
            if pkg.in_zip:
                d = os.path.join(tmp, str(i))
                os.makedirs(d)
                path = os.path.join(d, os.path.basename(pkg.inner) or "x.package")
                with open(path, "wb") as f:
                    f.write(load_bytes(pkg))
                display = None
            else:
                path = os.path.join(root, pkg.name)
                display = path
            rc, out, err = run_cli(["ls", path, "--json", "--hash"])
            return pkg, display, rc, out, err

        with ThreadPoolExecutor(max_workers=max(1, jobs)) as ex:
            results = list(ex.map(job, enumerate(packages)))
        for pkg, display, rc, out, err in results:
            compare_ls(pkg, display, rc, out, err, mm, stats)

        rc, out, err = run_cli(["conflicts", root, "--json"])
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    got_conf = split_lines(out)
    conf_ok_lines = 0
    exp_set, got_set = set(exp_conf), set(got_conf)
    for l in exp_conf:
        if l in got_set:
            conf_ok_lines += 1
    if got_conf != exp_conf:
        # explain by key
        def by_key(lines):
            d = {}
            for l in lines:
                try:
                    d[json.loads(l)["key"]] = l
                except (ValueError, KeyError, TypeError):
                    d["<unparsable> " + l[:80]] = l
            return d
        ek, gk = by_key(exp_conf), by_key(got_conf)
        for k in sorted(set(ek) | set(gk)):
            if k not in gk:
                mm.add("conflicts stdout", "missing line: %s" % ek[k])
            elif k not in ek:
                mm.add("conflicts stdout", "unexpected line: %s" % gk[k])
            elif ek[k] != gk[k]:
                mm.add("conflicts stdout", "expected %s\n      Java     %s" % (ek[k], gk[k]))
        if not mm.count("conflicts stdout"):
            if sorted(got_conf) == sorted(exp_conf):
                mm.add("conflicts stdout", "same lines but not in the expected (key) order")
            else:
                mm.add("conflicts stdout", "duplicate lines printed")
    exp_crc = 1 if (n_broken or bad_zips) else 0
    if rc != exp_crc:
        mm.add("conflicts exit", "exit %d expected, Java %d" % (exp_crc, rc))
    for pkg in packages:
        if pkg.result.broken and (pkg.name + ": offset ") not in err:
            mm.add("conflicts stderr", "%s broken (%r) but no '%s: offset N:' line on stderr" % (
                pkg.name, pkg.result.problems[0], pkg.name))

    n = len(packages)
    nb_loose = sum(1 for p in packages if p.result.broken and not p.in_zip)
    rows = [
        ("ls stdout (per package)", "%d/%d" % (stats["ls_stdout_ok"], n), mm.count("ls stdout")),
        ("ls exit code", "%d/%d" % (stats["ls_exit_ok"], n), mm.count("ls exit")),
        ("ls stderr PATH: offset N:", "%d/%d" % (stats["ls_stderr_ok"], nb_loose), mm.count("ls stderr")),
        ("ls error offsets (README)", "-", mm.count("ls error offset")),
        ("conflicts stdout lines", "%d/%d (Java %d)" % (conf_ok_lines, len(exp_conf), len(got_conf)),
         mm.count("conflicts stdout")),
        ("conflicts exit code", "exp %d, Java %d" % (exp_crc, rc), mm.count("conflicts exit")),
        ("conflicts stderr names", "%d broken" % n_broken, mm.count("conflicts stderr")),
    ]
    print()
    print("  %-28s %-22s %s" % ("check", "agree", "mismatches"))
    print("  %-28s %-22s %s" % ("-" * 28, "-" * 22, "-" * 10))
    for name, agree, bad in rows:
        print("  %-28s %-22s %d" % (name, agree, bad))
    if stats["ls_format_diff"]:
        print("  note: %d packages' ls lines are equal as JSON but not byte-identical to compact JSON"
              % stats["ls_format_diff"])
    total = mm.count()
    if total:
        print()
        print("MISMATCHES: %d" % total)
        for kind, msgs in mm.items.items():
            print("  [%s] %d" % (kind, len(msgs)))
            for m in msgs[:show]:
                print("    - " + m)
            if len(msgs) > show:
                print("    ... %d more" % (len(msgs) - show))
        return 1
    print()
    print("OK: Java and the independent reader agree.")
    return 0


def main(argv):
    args = list(argv)
    gen = None
    jobs = os.cpu_count() or 2
    show = 8
    no_java = False
    dump = False
    rest = []
    i = 0
    try:
        while i < len(args):
            a = args[i]
            if a == "--gen":
                gen = (int(args[i + 1]), int(args[i + 2]))
                i += 3
            elif a == "--jobs":
                jobs = int(args[i + 1])
                i += 2
            elif a == "--show":
                show = int(args[i + 1])
                i += 2
            elif a == "--no-java":
                no_java = True
                i += 1
            elif a == "--dump-expected":
                dump = True
                i += 1
            elif a in ("-h", "--help"):
                print(__doc__)
                return 0
            elif a.startswith("--"):
                raise ValueError("unknown option " + a)
            else:
                rest.append(a)
                i += 1
    except (IndexError, ValueError) as e:
        sys.stderr.write("crosscheck: %s\n%s" % (e, __doc__))
        return 2
    if len(rest) != 1:
        sys.stderr.write(__doc__)
        return 2
    root = rest[0]
    if gen is not None:
        rc, out, err = run_cli(["gen", root, "--packages", str(gen[0]), "--seed", str(gen[1])],
                               timeout=1800)
        if rc != 0:
            sys.stderr.write("crosscheck: gen failed (exit %d):\n%s%s" % (rc, out, err[-3000:]))
            return 2
    if not os.path.isdir(root):
        sys.stderr.write("crosscheck: %s is not a directory\n" % root)
        return 2
    return crosscheck(root, jobs, show, no_java, dump)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
