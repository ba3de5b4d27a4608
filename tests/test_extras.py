"""Optional dependencies: a missing extra is one clear error naming it, and the core needs none of them.

Missing modules are simulated by putting None in sys.modules, which makes `import x` raise
ModuleNotFoundError as if x were not installed.
"""
from __future__ import annotations

import importlib
import io
import subprocess
import sys

import pytest
from click.testing import CliRunner

from newsgraph.cli import main
from newsgraph.extras import EXTRAS, MissingExtra, needs_extra
from newsgraph.store import Store

# What the extras of pyproject.toml bring; the core may import none of it (Jinja2 is left out: spaCy needs it).
EXTRA_MODULES = ("fastapi", "uvicorn", "starlette", "psycopg", "pyarrow", "pandas", "pyspark")


def hide(monkeypatch: pytest.MonkeyPatch, *modules: str) -> None:
    """Make `modules` (and their submodules already imported) unimportable for one test."""
    for name in list(sys.modules):
        if name.partition(".")[0] in modules:
            monkeypatch.delitem(sys.modules, name)
    for name in modules:
        monkeypatch.setitem(sys.modules, name, None)


def forget(monkeypatch: pytest.MonkeyPatch, *packages: str) -> None:
    """Drop our modules from the import cache so the next import runs their module-level imports again."""
    for name in list(sys.modules):
        if any(name == p or name.startswith(p + ".") for p in packages):
            monkeypatch.delitem(sys.modules, name)


def test_a_missing_module_names_the_extra_to_install(monkeypatch):
    hide(monkeypatch, "uvicorn")
    with pytest.raises(MissingExtra) as caught, needs_extra("web", "newsgraph serve"):
        import uvicorn  # noqa: F401
    assert str(caught.value) == ("newsgraph serve needs the web extra (uvicorn is not installed): "
                                 "pip install 'newsgraph[web]'")
    assert isinstance(caught.value, ImportError) and caught.value.extra == "web"


def test_a_missing_module_of_our_own_is_not_blamed_on_an_extra():
    with pytest.raises(ModuleNotFoundError), needs_extra("web", "anything"):
        import newsgraph.no_such_module  # noqa: F401


def test_only_extras_of_pyproject_can_be_named():
    import tomllib
    from pathlib import Path

    declared = tomllib.loads((Path(__file__).parent.parent / "pyproject.toml").read_text())
    assert set(EXTRAS) <= set(declared["project"]["optional-dependencies"])
    with pytest.raises(ValueError, match="unknown extra"), needs_extra("webb", "a typo"):
        pass


def test_serve_without_the_web_extra(monkeypatch, tmp_path):
    hide(monkeypatch, "uvicorn", "fastapi")
    result = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "x.db")])
    assert result.exit_code == 1
    assert "Error: newsgraph serve needs the web extra" in result.output
    assert "pip install 'newsgraph[web]'" in result.output and "Traceback" not in result.output


def test_importing_the_web_package_without_the_web_extra(monkeypatch):
    hide(monkeypatch, "fastapi", "starlette")
    forget(monkeypatch, "newsgraph.web")
    with pytest.raises(MissingExtra, match=r"newsgraph\.web .* needs the web extra"):
        importlib.import_module("newsgraph.web")


def test_batch_without_the_parquet_extra(monkeypatch, tmp_path):
    hide(monkeypatch, "pyarrow")
    forget(monkeypatch, "newsgraph.run.batch", "newsgraph.io.tables")
    (tmp_path / "a.txt").write_text("Turkey accused Greece on Friday.\n")
    result = CliRunner().invoke(main, ["batch", str(tmp_path), str(tmp_path / "out")])
    assert result.exit_code == 1
    assert "newsgraph batch needs the parquet extra (pyarrow is not installed)" in result.output


def test_parquet_export_without_pyarrow_but_csv_works(monkeypatch, tmp_path):
    from newsgraph.io.export import export

    hide(monkeypatch, "pyarrow")
    with Store.open(str(tmp_path / "x.db")) as store:
        with pytest.raises(MissingExtra, match=r"pip install 'newsgraph\[parquet\]'"):
            export(store, "parquet", io.BytesIO())
        assert export(store, "csv", io.StringIO()) == 0


def test_frames_without_pandas(monkeypatch, tmp_path):
    hide(monkeypatch, "pandas")
    with Store.open(str(tmp_path / "x.db")) as store:
        assert store.events() == []
        with pytest.raises(MissingExtra, match=r"as_frame=True needs the pandas extra"):
            store.events(as_frame=True)


def test_postgres_without_psycopg(monkeypatch):
    hide(monkeypatch, "psycopg")
    with pytest.raises(MissingExtra, match=r"pip install 'newsgraph\[postgres\]'"):
        Store.open("postgresql://nobody@127.0.0.1:1/none")


def test_the_core_imports_no_extra():
    """`import newsgraph` and the CLI's help work when every extra's modules are missing."""
    code = (f"import sys\nfor m in {EXTRA_MODULES!r}: sys.modules[m] = None\n"
            "import newsgraph, newsgraph.cli\nfrom click.testing import CliRunner\n"
            "r = CliRunner().invoke(newsgraph.cli.main, ['--help'])\nassert r.exit_code == 0, r.output\n")
    done = subprocess.run([sys.executable, "-c", code], check=False, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
