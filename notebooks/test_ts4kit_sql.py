"""Tests of ts4kit_sql on whichever backend this machine has (tools/run-notebooks.sh --fixtures runs them):
    python3 -m unittest discover -s notebooks -p 'test_*.py'
"""

import contextlib
import io
import json
import os
import shutil
import tempfile
import unittest

import pandas as pd

import ts4kit_sql


class Ts4kitSqlTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.mkdtemp(prefix="ts4kit_sql_test")
        db = ts4kit_sql.connect(cls.dir)
        os.makedirs(os.path.join(cls.dir, "findings"))
        db.sql(f"""COPY (SELECT * FROM (VALUES ('high', 'junk', 'a.package', ['a.package', 'b.package']),
                                              ('low', 'conflict', 'c.package', []::VARCHAR[])) t(severity, "check", path, paths))
                   TO '{cls.dir}/findings/part-00000-x-c000.snappy.parquet' (FORMAT PARQUET)""")
        # Spark's companions of the parts, and folders that are no table
        open(os.path.join(cls.dir, "findings", "_SUCCESS"), "w").close()
        with open(os.path.join(cls.dir, "findings", ".part-00000-x-c000.snappy.parquet.crc"), "w") as f:
            f.write("crc")
        os.makedirs(os.path.join(cls.dir, "timings"))
        open(os.path.join(cls.dir, "timings", "_SUCCESS"), "w").close()
        os.makedirs(os.path.join(cls.dir, "_temporary"))
        with open(os.path.join(cls.dir, "summary.json"), "w") as f:
            json.dump({"packages_ok": 3, "gc_seconds": 0.25}, f)
        db.close()
        cls.db = ts4kit_sql.connect(cls.dir)

    @classmethod
    def tearDownClass(cls):
        cls.db.close()
        shutil.rmtree(cls.dir)

    def test_a_view_per_folder_with_parts_only(self):
        self.assertEqual(self.db.tables(), ["findings"])
        self.assertEqual(self.db.count("findings"), 2)
        self.assertIsNone(self.db.count("timings"))
        self.assertEqual(self.db.columns("findings"), ["severity", "check", "path", "paths"])

    def test_need_names_what_is_missing(self):
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            self.assertTrue(self.db.need("findings", "findings.paths"))
            self.assertFalse(self.db.need("timings", "findings.fix"))
        self.assertEqual(out.getvalue().splitlines(), ["table timings not in this output (older job)",
                                                       "column findings.fix not in this output (older job)"])

    def test_summary(self):
        self.assertEqual(self.db.summary(), {"packages_ok": 3, "gc_seconds": 0.25})
        self.assertEqual(ts4kit_sql.connect(os.path.join(self.dir, "findings")).summary(), {})

    def test_types(self):
        df = self.db.sql("""
            SELECT 7::BIGINT AS n, 2::INTEGER AS i, CASE WHEN x = 1 THEN NULL ELSE 5 END::BIGINT AS maybe,
                   sum(3::BIGINT) OVER () AS huge, 1.5::DOUBLE AS d, 2.25::DECIMAL(10, 2) AS dec,
                   x = 0 AS flag, CASE WHEN x = 1 THEN NULL ELSE 'text' END AS s, ['a', 'b'] AS list,
                   TIMESTAMP '2026-11-30 12:00:00' AS ts
            FROM range(2) t(x) ORDER BY x""")
        self.assertEqual(list(df.dtypes.astype(str)),
                         ["int64", "int32" if self.db.backend == "duckdb" else "int64", "float64",
                          df.dtypes["huge"].name, "float64", "float64", "bool", "object", "object", "datetime64[ns]"])
        self.assertEqual(df["n"].tolist(), [7, 7])
        self.assertEqual(df["huge"].tolist(), [6, 6])
        self.assertTrue(pd.isna(df["maybe"][1]))
        self.assertEqual(df["dec"][0], 2.25)
        self.assertEqual(df["flag"].tolist(), [True, False])
        self.assertEqual(df["s"].tolist(), ["text", None])
        self.assertEqual(list(df["list"][0]), ["a", "b"])
        self.assertEqual(df["ts"][0], pd.Timestamp("2026-11-30 12:00:00"))

    def test_lists_from_parquet_and_empty_results(self):
        df = self.db.sql("SELECT path, paths, len(paths) AS n FROM findings ORDER BY path")
        self.assertEqual([list(p) for p in df["paths"]], [["a.package", "b.package"], []])
        self.assertEqual(df["n"].tolist(), [2, 0])
        empty = self.db.sql("SELECT severity, count(*) AS n FROM findings WHERE false GROUP BY severity")
        self.assertTrue(empty.empty)
        self.assertEqual(list(empty.columns), ["severity", "n"])

    def test_sql_errors_raise(self):
        with self.assertRaises(Exception):
            self.db.sql("SELECT nope FROM findings")


if __name__ == "__main__":
    unittest.main()
