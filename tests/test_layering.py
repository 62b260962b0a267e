"""Which package may import which, and who declares tables (STYLE.md, "Which module may import which").

Read from the source with ``ast`` (imports inside functions and ``TYPE_CHECKING`` blocks count too), so a rule
broken anywhere in a module fails here, whether or not a test happens to import that module.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "brinkwatch"


def _modules(package: str | None = None) -> list[Path]:
    root = SRC / package if package else SRC
    return sorted(root.rglob("*.py"))


def _package_of(path: Path) -> str:
    parts = path.relative_to(SRC).parts
    return parts[0] if len(parts) > 1 else parts[0].removesuffix(".py")


def _imported(path: Path) -> set[str]:
    """The brinkwatch packages a module imports (``brinkwatch.store.db`` -> ``store``), by name or by string."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and \
                re.fullmatch(r"brinkwatch(\.\w+)+", node.value):
            names = [node.value]  # importlib.import_module("brinkwatch.x.y"), a monkeypatch target...
        found.update(name.split(".")[1] for name in names if name.startswith("brinkwatch."))
    return found


def _violations(package: str, allowed: set[str]) -> list[str]:
    out = []
    for path in _modules(package):
        bad = _imported(path) - allowed - {package}
        if bad:
            out.append(f"{path.relative_to(SRC)} imports {sorted(bad)}")
    return out


def test_the_store_only_stores():
    # Orchestration (pipeline), coding (extract, nlp), reading (ingest) and analysis build on the store, never
    # the reverse: the store knows articles, mentions and events, and nothing of how they were made or read.
    assert _violations("store", {"errors", "model"}) == []


def test_the_pipeline_orchestrates_and_is_no_face():
    # It reads (ingest), codes (a coder passed in, or extract), stores (store) and merges (analyze); the CLI,
    # the HTTP API, the dashboard and the Dask runner call it, so it imports none of them.
    allowed = {"store", "extract", "ingest", "analyze", "model", "errors", "config"}
    assert _violations("pipeline", allowed) == []


@pytest.mark.parametrize(
    ("package", "forbidden"),
    [
        ("extract", {"store", "pipeline", "analyze", "ingest"}),  # pure: text and knowledge in, events out
        ("ingest", {"store", "pipeline", "extract"}),  # reads sources, never writes the database
        ("analyze", {"pipeline", "extract", "ingest"}),  # reads the store
        ("actors", {"extract"}), ("ontology", {"extract"}), ("geo", {"extract"}),  # knowledge never imports extract
        ("model", {"store", "pipeline", "extract", "analyze"}), ("errors", {"store", "model"}),
    ],
)
def test_data_flows_one_way(package, forbidden):
    paths = _modules(package) if (SRC / package).is_dir() else [SRC / f"{package}.py"]
    wrong = {str(p.relative_to(SRC)): sorted(_imported(p) & forbidden) for p in paths}
    assert {name: bad for name, bad in wrong.items() if bad} == {}


def test_no_library_module_imports_a_face():
    faces = {"cli", "api", "web"}
    wrong = [f"{p.relative_to(SRC)} imports {sorted(_imported(p) & faces)}"
             for p in _modules() if _package_of(p) not in faces and _imported(p) & faces]
    assert wrong == []


# A statement that makes a table or an index last in the database file; temporary working tables
# (``CREATE OR REPLACE TEMP TABLE``) are a query's business and are not matched.
_DDL = re.compile(r"\b(CREATE\s+(OR\s+REPLACE\s+)?TABLE|ALTER\s+TABLE|CREATE\s+(UNIQUE\s+)?INDEX\s+"
                  r"(IF\s+NOT\s+EXISTS\s+)?\w+\s+ON)\b", re.IGNORECASE)


def _ddl_strings(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [node.value.strip()[:60] for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and _DDL.search(node.value)]


def test_every_table_is_declared_by_the_store():
    wrong = {str(p.relative_to(SRC)): _ddl_strings(p) for p in _modules() if _package_of(p) != "store"}
    assert {name: ddl for name, ddl in wrong.items() if ddl} == {}


def test_the_ddl_check_sees_a_table_in_an_f_string(tmp_path):
    # The rule would be empty if it missed the usual spelling of DDL in this code base: an f-string.
    module = tmp_path / "m.py"
    module.write_text('TABLE = "t"\nDDL = f"""\nCREATE TABLE IF NOT EXISTS {TABLE} (a INT)"""\n'
                      'TMP = "CREATE OR REPLACE TEMP TABLE _x AS SELECT 1"\n'
                      'IDX = "CREATE INDEX IF NOT EXISTS idx_t ON t (a)"\n')
    assert sorted(_ddl_strings(module)) == ["CREATE INDEX IF NOT EXISTS idx_t ON t (a)", "CREATE TABLE IF NOT EXISTS"]


# A statement that writes rows of a table the store declares (or drops its index); a query's own temporary working
# tables are named with a leading underscore (``_dd_pairs``, ``_daily_keys``) and are not matched.
_WRITE = re.compile(r"\b(INSERT\s+(OR\s+REPLACE\s+)?INTO|UPDATE|DELETE\s+FROM)\s+(?!_)(\{?\w+\}?)"
                    r"|\bDROP\s+INDEX\b", re.IGNORECASE)


def _write_strings(path: Path) -> list[str]:
    """The string literals (an f-string with ``{...}`` for what it fills in: a table named by a variable counts)
    that write a table."""
    texts = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.JoinedStr):
            texts.append("".join(v.value if isinstance(v, ast.Constant) else "{x}" for v in node.values))
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            texts.append(node.value)
    return [text.strip()[:60] for text in texts if _WRITE.search(text)]


def test_analysis_writes_its_tables_through_the_store():
    # Dedup's merged events and the daily cache are written by functions of brinkwatch.store (store/derived.py),
    # on the tables store/schema.py declares: no INSERT, UPDATE or DELETE of them in analyze/.
    wrong = {str(p.relative_to(SRC)): _write_strings(p) for p in _modules("analyze")}
    assert {name: sql for name, sql in wrong.items() if sql} == {}


def test_the_write_check_sees_writes_in_f_strings_and_not_temp_tables(tmp_path):
    module = tmp_path / "m.py"
    module.write_text('T = "events"\nA = f"DELETE FROM {T} WHERE x"\nB = "INSERT INTO events (a) SELECT 1"\n'
                      'C = f"INSERT INTO _dd_pairs {T}"\nD = "UPDATE _dd_f SET pending = true"\n'
                      'E = "INSERT OR REPLACE INTO meta VALUES (?, ?)"\nF = "DROP INDEX idx"\n'
                      'G = "UPDATE event_mentions SET event_id = NULL"\n')
    assert len(_write_strings(module)) == 5


# --- no shims, no silently dropped modules ---------------------------------------------------------------
def _handles_import_error(handler: ast.ExceptHandler) -> bool:
    names = handler.type.elts if isinstance(handler.type, ast.Tuple) else [handler.type]
    return any(isinstance(n, ast.Name) and n.id in ("ImportError", "ModuleNotFoundError") for n in names)


def _silent_import_guards(path: Path) -> list[int]:
    """Lines of ``try: <import a brinkwatch module> except ImportError:`` whose handler may carry on without it."""
    lines = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Try):
            continue
        body = ast.Module(body=node.body, type_ignores=[])
        imports_own = any(
            (isinstance(n, ast.ImportFrom) and (n.module or "").startswith("brinkwatch"))
            or (isinstance(n, ast.Import) and any(a.name.startswith("brinkwatch") for a in n.names))
            or (isinstance(n, ast.Call) and getattr(n.func, "attr", "") == "import_module")
            for n in ast.walk(body))
        for handler in node.handlers:
            # Loud: the handler ends by raising or failing whatever the error was (re-raising only when
            # ``exc.name`` is some other module still drops the module itself).
            last = handler.body[-1]
            loud = isinstance(last, ast.Raise) or (isinstance(last, ast.Expr) and isinstance(last.value, ast.Call)
                                                   and getattr(last.value.func, "id", "") == "fail")
            if imports_own and _handles_import_error(handler) and not loud:
                lines.append(handler.lineno)
    return lines


def test_no_brinkwatch_module_is_imported_only_if_present():
    # A moved or broken module must fail loudly, not leave a command group or a merge step silently out.
    wrong = {str(p.relative_to(SRC)): _silent_import_guards(p) for p in _modules()}
    assert {name: lines for name, lines in wrong.items() if lines} == {}


def test_the_silent_guard_check_sees_the_old_cli_loop(tmp_path):
    module = tmp_path / "m.py"
    module.write_text("import importlib\nfor name in ('a', 'b'):\n    try:\n"
                      "        importlib.import_module(f'brinkwatch.cli.{name}')\n"
                      "    except ModuleNotFoundError as exc:\n        if exc.name != name:\n            raise\n"
                      "try:\n    from brinkwatch.analyze import dedup\nexcept ImportError:\n    dedup = None\n")
    assert sorted(_silent_import_guards(module)) == [5, 10]


def test_store_and_pipeline_import_statically():
    # No importlib in the store or the pipeline: what they use is named in their imports, where this file's
    # rules (and a reader) can see it.
    wrong = [str(p.relative_to(SRC)) for package in ("store", "pipeline") for p in _modules(package)
             if "importlib" in p.read_text(encoding="utf-8")]
    assert wrong == []


def test_the_old_homes_are_gone():
    # No compatibility modules left behind in the store for the pipeline's modules.
    assert [name for name in ("pipeline", "watch", "budget") if (SRC / "store" / f"{name}.py").exists()] == []


# --- every command group is registered ----------------------------------------------------------------------
COMMANDS = ["ingest", "events", "export", "code", "demo", "tension", "network", "dedup", "evaluate", "serve",
            "watch", "scale", "convert"]


def test_every_command_is_registered_in_order():
    from brinkwatch.cli import command

    assert list(command().commands) == COMMANDS


def _app_call(node: ast.AST, method: str) -> bool:
    """``app.<method>(...)``: a top-level command (a sub-app's ``convert_app.command`` is not one)."""
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == method \
        and getattr(node.func.value, "id", "") == "app"


def test_every_command_a_group_module_defines_is_registered():
    from brinkwatch.cli import command

    registered = set(command().commands)
    defined: dict[str, list[str]] = {}
    for path in _modules("cli"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            name = None
            if isinstance(node, ast.FunctionDef):
                for deco in node.decorator_list:
                    if _app_call(deco, "command"):
                        name = deco.args[0].value if deco.args else node.name.replace("_", "-")
            elif _app_call(node, "add_typer"):
                name = next(k.value.value for k in node.keywords if k.arg == "name")
            if name is not None:
                defined.setdefault(path.name, []).append(name)
    assert defined  # the scan found the commands
    missing = {module: sorted(set(names) - registered) for module, names in defined.items()}
    assert {module: names for module, names in missing.items() if names} == {}
