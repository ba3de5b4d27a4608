"""The wheel people install: the package, its data and front-end files, py.typed; never node_modules.

The wheel is built with the dev extra's setuptools (no isolated build), so the test needs no network.
`make install` must have run first: it copies the front-end files from npm into web/static/vendor/.
"""
from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
MAX_WHEEL_BYTES = 5 * 1024 * 1024
VENDOR = "newsgraph/web/static/vendor/"
# The scripts and map boundaries the pages load and the notices that must travel with them (@kurkle/color is
# bundled in Chart.js).
VENDOR_FILES = ("chart.umd.min.js", "cytoscape.min.js", "chart.js.LICENSE.md", "kurkle-color.LICENSE.md",
                "cytoscape.LICENSE", "topojson-client.min.js", "topojson-client.LICENSE", "countries-110m.json",
                "world-atlas.LICENSE")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    missing = [f for f in VENDOR_FILES if not (REPO / VENDOR / f).is_file()]
    assert not missing, f"run `make install` first: {VENDOR} lacks {missing}"
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
                    "--wheel-dir", str(out), str(REPO)],
                   check=True, timeout=600)
    [built] = out.glob("newsgraph-*.whl")
    return built


@pytest.mark.slow
def test_wheel_is_small_and_ships_what_the_pages_load(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    assert wheel.stat().st_size < MAX_WHEEL_BYTES
    assert not [n for n in names if "node_modules" in n or n.endswith(("package.json", "package-lock.json"))]
    assert "newsgraph/py.typed" in names
    assert {VENDOR + f for f in VENDOR_FILES} <= set(names)
    templates = (REPO / "newsgraph/web/templates").glob("*.html")
    loaded = {src.rsplit("/", 1)[1] for t in templates for src in scripts_of(t.read_text()) if "/vendor/" in src}
    assert loaded and {VENDOR + f for f in loaded} <= set(names)


@pytest.mark.slow
def test_wheel_declares_ranges_and_extras(wheel):
    with zipfile.ZipFile(wheel) as z:
        metadata = z.read(next(n for n in z.namelist() if n.endswith(".dist-info/METADATA"))).decode()
    requires = [line.split(":", 1)[1].strip() for line in metadata.splitlines() if line.startswith("Requires-Dist:")]
    assert not [r for r in requires if "==" in r.split(";")[0]], "exact pins belong in requirements/constraints.txt"
    core = [r for r in requires if "extra ==" not in r]
    assert not [r for r in core if r.lower().startswith(("fastapi", "uvicorn", "psycopg", "pyarrow", "pandas",
                                                         "pyspark", "python-multipart"))]
    extras = {line.split(":", 1)[1].strip() for line in metadata.splitlines() if line.startswith("Provides-Extra:")}
    assert {"web", "postgres", "parquet", "pandas", "spark"} <= extras


def scripts_of(html: str) -> list[str]:
    import re

    return re.findall(r'<script src="([^"]+)"', html)


def test_every_range_has_a_pin_inside_it():
    """`make install` pins what pyproject.toml ranges: every requirement has a constraint that satisfies it."""
    import tomllib

    from packaging.requirements import Requirement
    from packaging.utils import canonicalize_name

    project = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))["project"]
    pins = {}
    for line in (REPO / "requirements/constraints.txt").read_text("utf-8").splitlines():
        if line and not line.startswith("#"):
            name, _, version = line.partition("==")
            pins[canonicalize_name(name)] = version
    ranged = project["dependencies"] + [r for extra in project["optional-dependencies"].values() for r in extra]
    for requirement in map(Requirement, ranged):
        pinned = pins.get(canonicalize_name(requirement.name))
        assert pinned, f"{requirement.name} has no pin in requirements/constraints.txt"
        assert requirement.specifier.contains(pinned), f"{requirement.name}=={pinned} is outside {requirement}"
