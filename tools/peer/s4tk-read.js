#!/usr/bin/env node
// Reads a .package with S4TK (@s4tk/models 0.6.5) the way bin/ts4kit-peer-bench times it against ts4kit.
//   node s4tk-read.js FILE                 every resource decompressed and hashed: one JSON line per index
//                                          entry, in index order, with ts4kit's keys and formatting
//                                          {"type":"220557DA","group":"80000000","instance":"0021000000000001","sha256":"..."}
//   node s4tk-read.js FILE --index-only    the keys only: {"type":...,"group":...,"instance":...}
// Needs @s4tk/models on the module path (the bench sets NODE_PATH to its scratch install).
// Exit 0 on success; 1 with "s4tk-read: ..." on stderr when S4TK cannot read the file or a resource.
"use strict";
const fs = require("fs");
const crypto = require("crypto");

function usage(message) {
  process.stderr.write(`s4tk-read: ${message}\nusage: node s4tk-read.js FILE [--index-only]\n`);
  process.exit(2);
}

const args = process.argv.slice(2);
const indexOnly = args.includes("--index-only");
const files = args.filter((a) => a !== "--index-only");
if (files.length !== 1 || files[0].startsWith("--")) usage("one FILE expected");
const file = files[0];

let Package;
try {
  ({ Package } = require("@s4tk/models"));
} catch (e) {
  process.stderr.write(`s4tk-read: cannot load @s4tk/models (${e.message}); run bin/ts4kit-peer-bench, which installs it\n`);
  process.exit(1);
}

const hex = (n, digits) => n.toString(16).toUpperCase().padStart(digits, "0");
const keyJson = (key) =>
  `"type":"${hex(key.type >>> 0, 8)}","group":"${hex(key.group >>> 0, 8)}","instance":"${hex(key.instance, 16)}"`;

// Index-only read. S4TK's own index-only API, Package.indexResources, needs the native
// @s4tk/plugin-bufferfromfile (an mmap addon); it does not build on Node 20 (its C++ fails to compile, and
// its prebuilt binaries are on GitHub, not on npm), so it is not an option here. Instead: S4TK's regular
// parser (Package.extractResources, which takes a whole-file Buffer) with a resourceFilter that records each
// key and rejects it: the filter runs on every index entry in index order, and a rejected entry's data is
// never sliced, decompressed or parsed. The Buffer has the file's size but only the 96-byte header and the
// index are read into it (Buffer.allocUnsafe does not touch the rest), so like `ts4kit ls` (which maps the
// file and reads the index) this reads what the index needs, not the 300 MB of resource data.
function readIndexOnly(path) {
  const fd = fs.openSync(path, "r");
  try {
    const size = fs.fstatSync(fd).size;
    if (size < 96) throw new Error(`Not a package file (${size} bytes, shorter than a DBPF header).`);
    const buffer = Buffer.allocUnsafe(size);
    fs.readSync(fd, buffer, 0, 96, 0);
    const low = buffer.readUInt32LE(40);
    const high = Number(buffer.readBigUInt64LE(64));
    const indexPos = high || low;
    if (indexPos < 96 || indexPos >= size) throw new Error(`Index position ${indexPos} is outside the file (${size} bytes).`);
    fs.readSync(fd, buffer, indexPos, size - indexPos, indexPos); // the index (and anything after it)
    const out = [];
    Package.extractResources(buffer, {
      resourceFilter: (type, group, instance) => {
        out.push(`{${keyJson({ type, group, instance })}}`);
        return false;
      },
    });
    return out;
  } finally {
    fs.closeSync(fd);
  }
}

// Full read. The fastest documented way to get every resource's decompressed bytes from S4TK:
//  - loadRaw: true           every resource becomes a RawResource (a buffer): no tuning/SimData/string-table
//                            models are parsed, which ts4kit's `ls --hash` does not do either;
//  - decompressBuffers: true the raw buffers are decompressed while reading (zlib through Node's zlib.unzipSync,
//                            RefPack in S4TK's JavaScript), so `bufferCache.buffer` is the decompressed bytes;
//  - recoveryMode: false     (the default) a resource S4TK cannot decompress throws instead of being kept
//                            compressed, so a failure is reported, not hashed as something else.
// saveBuffer is not needed (raw resources keep their buffer anyway) and keepDeletedRecords stays false:
// deleted records have no bytes (the bench compares deleted-free packages).
// Package.extractResources returns the entries in index order without building a Package map.
function readFull(path) {
  const buffer = fs.readFileSync(path);
  const entries = Package.extractResources(buffer, { loadRaw: true, decompressBuffers: true });
  const out = new Array(entries.length);
  for (let i = 0; i < entries.length; i++) {
    const { key, value } = entries[i];
    const cache = value.bufferCache;
    if (!cache || cache.compressionType !== 0) {
      throw new Error(`resource ${i} (${keyJson(key)}) was not decompressed (${value.reason || "no buffer"})`);
    }
    const sha = crypto.createHash("sha256").update(cache.buffer).digest("hex");
    out[i] = `{${keyJson(key)},"sha256":"${sha}"}`;
  }
  return out;
}

let lines;
try {
  if (!fs.existsSync(file)) throw new Error("no such file");
  lines = indexOnly ? readIndexOnly(file) : readFull(file);
} catch (e) {
  process.stderr.write(`s4tk-read: S4TK could not read ${file}: ${e && e.message ? e.message : e}\n`);
  process.exit(1);
}
process.stdout.write(lines.length ? lines.join("\n") + "\n" : "");
