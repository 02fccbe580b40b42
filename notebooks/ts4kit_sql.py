"""SQL over a ts4kit job's output folder (``bin/ts4kit-job --out DIR``), as pandas DataFrames.

    import ts4kit_sql
    out = ts4kit_sql.connect("demo-out")
    out.tables()          # ['conflicts', 'duplicates', 'errors', 'packages', 'resources', 'strings']
    out.sql("SELECT status, count(*) AS n FROM packages GROUP BY status")   # a pandas.DataFrame
    out.summary()         # summary.json as a dict ({} when absent)

Every table folder of the output that holds data files becomes a DuckDB view of the same name:
``CREATE VIEW findings AS SELECT * FROM read_parquet('DIR/findings/*.parquet')``. Spark writes
``part-*.parquet`` plus ``_SUCCESS`` and ``.*.crc`` files; only the ``.parquet`` files are read (with
``--format json``, the ``.json`` parts). A folder that is missing, or holds no data file, is no view:
``out.has("timings")`` says whether a table can be queried, so a notebook can skip what an older job
did not write.

Backend, picked once per connection (the SQL is the same either way, DuckDB's dialect):

1. the ``duckdb`` Python package, when importable (``pip install duckdb pandas``: users' machines);
2. else DuckDB's JDBC driver (``org.duckdb:duckdb_jdbc``, one jar with the native library inside)
   through JPype: for machines with no Python Parquet reader at all (Debian has neither duckdb nor
   pyarrow; ts4kit's CI runs the notebooks this way). The jar is ``$TS4KIT_DUCKDB_JAR``, else the
   newest ``notebooks/.lib/duckdb_jdbc-*.jar`` (``tools/run-notebooks.sh`` fetches it there at the
   version pinned as ``duckdb.version`` in the parent pom.xml). Debian's JPype 1.4.1 needs its
   ``/usr/share/java/org.jpype.jar`` first on the class path. The JVM starts once per process.
   Result sets become DataFrames with pandas' usual types: integers as int64 (float64 with NaN when
   a column has NULLs), HUGEINT sums as int64 when they fit, DECIMAL and floating point as float64,
   booleans as bool (object with None when NULLs), timestamps as datetime64, lists as Python lists,
   NULL text as None.

``TS4KIT_SQL_BACKEND=duckdb|jdbc`` (or ``connect(dir, backend=...)``) forces one.
"""

import glob
import json
import os

__all__ = ["connect", "Output", "KNOWN_TABLES"]

# the job's tables, in the order the README lists them (later ones were added by newer jobs)
KNOWN_TABLES = ("packages", "resources", "conflicts", "duplicates", "strings", "errors",
                "conflict_pairs", "findings", "timings")

_HERE = os.path.dirname(os.path.abspath(__file__))
_JPYPE_JAR = "/usr/share/java/org.jpype.jar"


def connect(out_dir, backend=None):
    """Opens the job output in ``out_dir``: an in-memory DuckDB with one view per table folder."""
    return Output(out_dir, backend or os.environ.get("TS4KIT_SQL_BACKEND") or None)


class Output:
    def __init__(self, out_dir, backend=None):
        self.out_dir = os.path.abspath(out_dir)
        if not os.path.isdir(self.out_dir):
            raise FileNotFoundError(f"no job output folder: {self.out_dir} (run bin/demo or bin/ts4kit-job --out DIR ...)")
        if backend not in (None, "duckdb", "jdbc"):
            raise ValueError(f"backend must be duckdb or jdbc, not {backend!r}")
        if backend is None:
            try:
                import duckdb  # noqa: F401
                backend = "duckdb"
            except ImportError:
                backend = "jdbc"
        self.backend = backend
        self._db = _DuckDbPython() if backend == "duckdb" else _DuckDbJdbc()
        self._views = {}
        self._columns = {}
        for name in sorted(os.listdir(self.out_dir)):
            folder = os.path.join(self.out_dir, name)
            if not os.path.isdir(folder) or name.startswith((".", "_")):
                continue
            reader = _reader(folder)
            if reader is not None:
                self._db.execute(f'CREATE VIEW "{name}" AS SELECT * FROM {reader}')
                self._views[name] = folder

    def tables(self):
        """The names of the tables that can be queried, sorted."""
        return sorted(self._views)

    def has(self, table):
        return table in self._views

    def columns(self, table):
        """The column names of ``table`` ([] when the output has no such table)."""
        if not self.has(table):
            return []
        if table not in self._columns:
            self._columns[table] = list(self.sql(f'DESCRIBE "{table}"')["column_name"])
        return self._columns[table]

    def need(self, *names):
        """A notebook cell's guard: True when every name (``"table"`` or ``"table.column"``) can be queried;
        otherwise prints what is missing (``table findings not in this output (older job)``) and returns False."""
        ok = True
        for name in names:
            table, _, column = name.partition(".")
            if not self.has(table):
                print(f"table {table} not in this output (older job)")
                ok = False
            elif column and column not in self.columns(table):
                print(f"column {table}.{column} not in this output (older job)")
                ok = False
        return ok

    def sql(self, query):
        """Runs one DuckDB SQL statement and returns its result as a pandas.DataFrame."""
        return self._db.query(query)

    def count(self, table):
        """Rows of ``table``, or None when the output has no such table."""
        if not self.has(table):
            return None
        return int(self.sql(f'SELECT count(*) AS n FROM "{table}"')["n"].iloc[0])

    def summary(self):
        """``summary.json`` as a dict; {} when the output has none."""
        path = os.path.join(self.out_dir, "summary.json")
        if not os.path.isfile(path):
            return {}
        with open(path, encoding="utf-8") as f:
            return json.load(f)

    def close(self):
        self._db.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def __repr__(self):
        return f"ts4kit_sql.Output({self.out_dir!r}, backend={self.backend!r}, tables={self.tables()})"


def _quote(path):
    return "'" + path.replace("'", "''") + "'"


def _reader(folder):
    """The DuckDB table function reading a Spark table folder, or None when it holds no data file."""
    if glob.glob(os.path.join(glob.escape(folder), "*.parquet")):
        return f"read_parquet({_quote(os.path.join(folder, '*.parquet'))})"
    if glob.glob(os.path.join(glob.escape(folder), "*.json")):
        return f"read_json_auto({_quote(os.path.join(folder, '*.json'))}, format = 'newline_delimited')"
    return None


class _DuckDbPython:
    def __init__(self):
        import duckdb
        self._con = duckdb.connect(":memory:")

    def execute(self, statement):
        self._con.execute(statement)

    def query(self, statement):
        return self._con.execute(statement).df()

    def close(self):
        self._con.close()


def find_jar():
    """The DuckDB JDBC jar: $TS4KIT_DUCKDB_JAR, else the newest notebooks/.lib/duckdb_jdbc-*.jar."""
    jar = os.environ.get("TS4KIT_DUCKDB_JAR")
    if jar:
        if not os.path.isfile(jar):
            raise FileNotFoundError(f"TS4KIT_DUCKDB_JAR={jar}: no such file")
        return jar
    jars = glob.glob(os.path.join(_HERE, ".lib", "duckdb_jdbc-*.jar"))
    if not jars:
        raise FileNotFoundError(
            "no duckdb Python package and no DuckDB JDBC jar: pip install duckdb, or run tools/run-notebooks.sh "
            f"(fetches {os.path.join(_HERE, '.lib')}/duckdb_jdbc-<version>.jar), or set TS4KIT_DUCKDB_JAR")

    def version(path):
        v = os.path.basename(path)[len("duckdb_jdbc-"):-len(".jar")]
        return tuple(int(p) if p.isdigit() else 0 for p in v.split("."))
    return max(jars, key=version)


def _start_jvm():
    import jpype
    if jpype.isJVMStarted():
        return jpype
    jar = find_jar()
    classpath = [jar]
    if os.path.isfile(_JPYPE_JAR):  # Debian's JPype: its support jar must come first
        classpath.insert(0, _JPYPE_JAR)
    jpype.startJVM(classpath=classpath, convertStrings=True)
    return jpype


class _DuckDbJdbc:
    def __init__(self):
        jpype = _start_jvm()
        self._types = jpype.JClass("java.sql.Types")
        self._con = jpype.JClass("java.sql.DriverManager").getConnection("jdbc:duckdb:")

    def execute(self, statement):
        st = self._con.createStatement()
        try:
            st.execute(statement)
        finally:
            st.close()

    def query(self, statement):
        import pandas as pd
        st = self._con.createStatement()
        try:
            if not st.execute(statement):
                return pd.DataFrame()
            rs = st.getResultSet()
            md = rs.getMetaData()
            n = md.getColumnCount()
            names = [str(md.getColumnLabel(i)) for i in range(1, n + 1)]
            kinds = [_kind(str(md.getColumnTypeName(i)), int(md.getColumnType(i)), self._types) for i in range(1, n + 1)]
            cols = [[] for _ in range(n)]
            while rs.next():
                for i in range(n):
                    cols[i].append(_value(rs, i + 1, kinds[i]))
            rs.close()
        finally:
            st.close()
        return pd.DataFrame({name: _series(values, kind) for name, values, kind in zip(names, cols, kinds)},
                            columns=names)

    def close(self):
        self._con.close()


_INTS = {"TINYINT", "SMALLINT", "INTEGER", "BIGINT", "UTINYINT", "USMALLINT", "UINTEGER"}
_BIGINTS = {"UBIGINT", "HUGEINT", "UHUGEINT"}


def _kind(type_name, sql_type, types):
    t = type_name.upper()
    if t.endswith("[]") or t.startswith(("LIST", "STRUCT", "MAP", "UNION")) or sql_type in (types.ARRAY, types.STRUCT):
        return "nested"
    if t in _INTS:
        return "int"
    if t in _BIGINTS:
        return "bigint"
    if t in ("FLOAT", "DOUBLE", "REAL") or t.startswith(("DECIMAL", "NUMERIC")):
        return "float"
    if t == "BOOLEAN":
        return "bool"
    if t.startswith(("TIMESTAMP", "DATE")):
        return "time"
    return "text"


def _value(rs, i, kind):
    if kind == "int":
        v = rs.getLong(i)
        return None if rs.wasNull() else int(v)
    if kind == "bigint":  # HUGEINT (DuckDB's sum of BIGINTs), UBIGINT: a BigInteger
        o = rs.getObject(i)
        return None if o is None else int(str(o))
    if kind == "float":
        v = rs.getDouble(i)
        return None if rs.wasNull() else float(v)
    if kind == "bool":
        v = rs.getBoolean(i)
        return None if rs.wasNull() else bool(v)
    if kind == "nested":
        return _py(rs.getObject(i))
    s = rs.getString(i)  # text and times (times parsed per column below)
    return None if s is None else str(s)


def _py(o):
    """A Java value from a nested column (a list, a struct) as a Python value."""
    import jpype
    if o is None or isinstance(o, (str, int, float, bool)):
        return o
    if isinstance(o, jpype.JClass("java.sql.Array")):
        return [_py(x) for x in o.getArray()]
    if isinstance(o, jpype.JClass("java.sql.Struct")):
        return [_py(x) for x in o.getAttributes()]
    if isinstance(o, jpype.JClass("java.util.Map")):
        return {_py(e.getKey()): _py(e.getValue()) for e in o.entrySet()}
    if isinstance(o, (jpype.JClass("java.lang.Boolean"),)):
        return bool(o)
    if isinstance(o, (jpype.JClass("java.lang.Long"), jpype.JClass("java.lang.Integer"),
                      jpype.JClass("java.lang.Short"), jpype.JClass("java.lang.Byte"),
                      jpype.JClass("java.math.BigInteger"))):
        return int(str(o))
    if isinstance(o, (jpype.JClass("java.lang.Double"), jpype.JClass("java.lang.Float"),
                      jpype.JClass("java.math.BigDecimal"))):
        return float(str(o))
    if isinstance(o, jpype.JArray):
        return [_py(x) for x in o]
    return str(o)


def _series(values, kind):
    import pandas as pd
    if kind in ("int", "bigint"):
        if any(v is None for v in values):
            return pd.Series([float("nan") if v is None else float(v) for v in values], dtype="float64")
        if all(-2**63 <= v < 2**63 for v in values):
            return pd.Series(values, dtype="int64")
        return pd.Series([float(v) for v in values], dtype="float64")
    if kind == "float":
        return pd.Series([float("nan") if v is None else v for v in values], dtype="float64")
    if kind == "bool":
        return pd.Series(values, dtype="object" if any(v is None for v in values) else "bool")
    if kind == "time":
        return pd.to_datetime(pd.Series(values, dtype="object"), errors="coerce")
    return pd.Series(values, dtype="object")
