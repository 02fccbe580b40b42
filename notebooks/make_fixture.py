"""Writes a small fake ts4kit-job output folder with every table the notebooks know, written by DuckDB
itself: the tables of today's job plus those newer jobs add (conflict_pairs, findings, timings, the
conflicts' kind/severity, packages' version, summary.json's gc_seconds and widely_shared_keys), with exactly the job's column names and types.
tools/run-notebooks.sh --fixtures runs the notebooks on it (and on an --empty one: every table with
zero rows), so the notebooks are checked against schemas before a job writes them.

    python3 notebooks/make_fixture.py DIR [--empty]
"""

import json
import os
import shutil
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ts4kit_sql  # noqa: E402

N_PACKAGES = 60
# (name, SELECT with the job's columns and types; `i` from range(n) when n is given)
TABLES = {
    "packages": (N_PACKAGES, """
        SELECT printf('Mods/Creator%d/Creator%d_Mod%03d.package', i % 7, i % 7, i) AS path,
               (1000 + hash(i) % 5000000)::BIGINT AS bytes,
               TIMESTAMPTZ '2026-11-01 12:00:00+00' + to_seconds(i * 3600) AS modified,
               (10 + i % 90)::INTEGER AS entries, (10 + i % 90 - i % 3)::INTEGER AS live_entries,
               CASE WHEN i % 13 = 5 THEN 'broken' ELSE 'ok' END AS status,
               sha256(i::VARCHAR) AS file_hash,
               CASE WHEN i % 13 = 5 THEN 'bad magic 0x00000000, expected ''DBPF''' END AS error,
               CASE WHEN i % 13 = 5 THEN NULL WHEN i % 17 = 3 THEN '3.0' ELSE '2.1' END AS version
        FROM range(n) t(i)"""),
    "resources": (N_PACKAGES * 40, """
        SELECT printf('Mods/Creator%d/Creator%d_Mod%03d.package', (i // 40) % 7, (i // 40) % 7, i // 40) AS path,
               ['03B33DDF','545AC67A','034AEECB','C0DB5AE7','220557DA','00B2D882','3C1AF1F2'][1 + i % 7] AS type,
               ['Tuning','SimData','CASPart','ObjectDefinition','StringTable','DSTImage','CASPartThumbnail'][1 + i % 7] AS type_name,
               '00000000' AS "group", printf('%016X', (i % 300) * 7919) AS instance,
               (96 + i * 100)::BIGINT AS offset, (100 + hash(i) % 9000)::BIGINT AS file_size,
               (300 + hash(i) % 30000)::BIGINT AS mem_size,
               ['zlib','none','refpack','zlib','deleted'][1 + i % 5] AS compression,
               CASE WHEN i % 5 = 4 THEN NULL ELSE sha256((i % 500)::VARCHAR) END AS hash,
               printf('resource_%d', i) AS name,
               CASE WHEN i % 7 IN (5, 6) THEN 256 END::INTEGER AS width,
               CASE WHEN i % 7 IN (5, 6) THEN 128 END::INTEGER AS height
        FROM range(n) t(i)"""),
    "conflicts": (300, """
        SELECT printf('%s:00000000:%016X', ['03B33DDF','545AC67A','034AEECB','C0DB5AE7','220557DA','00B2D882','3C1AF1F2'][1 + i % 7], i * 7919) AS key,
               [printf('Mods/Creator%d/Creator%d_Mod%03d.package', i % 7, i % 7, i % 20),
                printf('Mods/Creator%d/Creator%d_Mod%03d.package', (i + 1) % 7, (i + 1) % 7, 20 + i % 9)] AS packages,
               i % 4 = 0 AS identical, 2::BIGINT AS count,
               CASE WHEN i % 4 = 0 THEN 'identical' ELSE 'override' END AS kind,
               CASE WHEN i % 4 = 0 THEN 'none' WHEN i % 7 IN (0, 1) THEN 'high' WHEN i % 7 IN (5, 6) THEN 'low' ELSE 'medium' END AS severity
        FROM range(n) t(i)"""),
    "duplicates": (80, """
        SELECT sha256(i::VARCHAR) AS hash, (500 + hash(i) % 200000)::BIGINT AS bytes,
               (2 + i % 3)::BIGINT AS occurrences,
               [printf('034AEECB:00000000:%016X', i), printf('034AEECB:00000000:%016X', i + 1000)] AS keys
        FROM range(n) t(i)"""),
    "strings": (400, """
        SELECT printf('Mods/Creator%d/Creator%d_Mod%03d.package', i % 7, i % 7, i % 30) AS path,
               printf('%016X', (i % 30) * 31) AS stbl_instance, printf('%08X', hash(i) % 4294967295) AS key_hash,
               repeat('Word ', 1 + i % 12) || i AS text
        FROM range(n) t(i)"""),
    "errors": (N_PACKAGES // 13 + 1, """
        SELECT printf('Mods/Creator%d/Creator%d_Mod%03d.package', (5 + 13 * i) % 7, (5 + 13 * i) % 7, 5 + 13 * i) AS path,
               0::BIGINT AS offset, 'bad magic 0x00000000, expected ''DBPF''' AS reason
        FROM range(n) t(i)"""),
    "conflict_pairs": (40, """
        SELECT printf('Mods/Creator%d/Creator%d_Mod%03d.package', i % 7, i % 7, i) AS package_a,
               printf('Mods/Creator%d/Creator%d_Mod%03d.package', (i + 1) % 7, (i + 1) % 7, i + 20) AS package_b,
               (5 + i * 3)::BIGINT AS shared_keys, (i * 2)::BIGINT AS differing_keys,
               CASE WHEN i = 0 THEN 'none' WHEN i % 3 = 0 THEN 'high' WHEN i % 3 = 1 THEN 'medium' ELSE 'low' END AS severity,
               CASE WHEN i % 3 = 0 THEN i ELSE 0 END::BIGINT AS high_keys,
               CASE WHEN i % 3 = 0 THEN i WHEN i % 3 = 1 THEN 2 * i ELSE 0 END::BIGINT AS medium_keys,
               CASE WHEN i % 3 = 2 THEN 2 * i ELSE 0 END::BIGINT AS low_keys,
               i % 5 = 1 AS versions_of_one_mod, i % 4 = 2 AS same_creator
        FROM range(n) t(i)"""),
    "findings": (24, """
        SELECT ['high','medium','low'][1 + i % 3] AS severity,
               ['too-deep','unextracted-archive','other-game','several-versions','empty-package','duplicate-files',
                'junk','broken-package','conflict'][1 + i % 9] AS "check",
               printf('Mods/Creator%d/Creator%d_Mod%03d.package', i % 7, i % 7, i) AS path,
               [printf('Mods/Creator%d/Creator%d_Mod%03d.package', i % 7, i % 7, i),
                printf('Mods/Old/Creator%d_Mod%03d.package', i % 7, i)][1:1 + i % 2 + 1] AS paths,
               printf('reason %d', i) AS reason, printf('fix %d', i) AS fix
        FROM range(n) t(i)"""),
    "timings": (N_PACKAGES, """
        SELECT printf('Mods/Creator%d/Creator%d_Mod%03d.package', i % 7, i % 7, i) AS path,
               (i % 4)::INTEGER AS partition, ['driver', '0', '1'][1 + i % 3] AS executor,
               (0.05 + (hash(i) % 1000) / 400.0)::DOUBLE AS open_ms, (1 + (hash(i * 7) % 10000) / 100.0)::DOUBLE AS read_ms,
               (1000 + hash(i) % 5000000)::BIGINT AS bytes, (10 + i % 90)::INTEGER AS resources
        FROM range(n) t(i)"""),
}


def write(out_dir, empty=False):
    if os.path.exists(out_dir):
        shutil.rmtree(out_dir)
    os.makedirs(out_dir)
    db = ts4kit_sql.connect(out_dir)  # an empty folder: only the SQL backend is wanted
    for name, (n, select) in TABLES.items():
        folder = os.path.join(out_dir, name)
        os.makedirs(folder)
        query = f"SELECT * FROM ({select.replace('range(n)', f'range({n})')})" + (" WHERE false" if empty else "")
        target = os.path.join(folder, "part-00000-fixture-c000.snappy.parquet")
        db.sql(f"COPY ({query}) TO '{target}' (FORMAT PARQUET)")
        # what Spark leaves beside the parts: the reader must skip them
        open(os.path.join(folder, "_SUCCESS"), "w").close()
        with open(os.path.join(folder, ".part-00000-fixture-c000.snappy.parquet.crc"), "wb") as f:
            f.write(b"crc\0")
    db.close()
    rows = {name: 0 if empty else n for name, (n, _) in TABLES.items()}
    summary = {"files_listed": rows["packages"], "other_files_ignored": 3,
               "packages_ok": rows["packages"] - (0 if empty else N_PACKAGES // 13 + 1),
               "packages_broken": 0 if empty else N_PACKAGES // 13 + 1, "resources": rows["resources"],
               "conflicts": rows["conflicts"], "bytes_read": 0 if empty else 123456789,
               "wall_seconds": 12.5, "mb_per_second": 0.0 if empty else 9.9, "gc_seconds": 0.8,
               "widely_shared_keys": 0 if empty else 7}
    with open(os.path.join(out_dir, "summary.json"), "w") as f:
        json.dump(summary, f)
    with open(os.path.join(out_dir, "report.html"), "w") as f:
        f.write("<html><body>fixture</body></html>\n")


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    if len(args) != 1 or any(a not in ("--empty",) for a in sys.argv[1:] if a.startswith("--")):
        sys.exit("usage: make_fixture.py DIR [--empty]")
    write(args[0], empty="--empty" in sys.argv)
    print(f"fixture written: {args[0]}")
