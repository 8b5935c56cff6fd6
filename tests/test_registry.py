"""The registry drives the surface: every row has a wrapper with NumPy's
signature, every blocked row raises, and no public wrapper exists without a row."""

from __future__ import annotations
import __future__

import inspect
import subprocess
import sys

import numpy as np
import pytest

import mechestim as me
from mechestim import _core
from mechestim.__main__ import registry_counts

from conftest import ROOT

ROWS = _core.registry_rows()
CORE = [r for r in ROWS if r[1] == "core"]
FFT = [r for r in ROWS if r[1] == "fft"]
# Names of the public API that are not NumPy names (they have no registry row).
API = {
    "__version__",
    "ndarray",
    "fft",
    "linalg",
    "flops",
    "random",
    "BudgetContext",
    "BudgetSummary",
    "OpRecord",
    "budget_reset",
    "budget_summary",
    "budget_summary_dict",
    "PathInfo",
    "ContractionStep",
    "SymmetricTensor",
    "SymmetryInfo",
    "as_symmetric",
    "is_symmetric",
}
API |= set(me.errors.__all__)


def numpy_object(name: str):
    module, _, short = name.rpartition(".")
    return getattr(getattr(np, module) if module else np, short)


@pytest.mark.parametrize("row", ROWS, ids=[r[0] for r in ROWS])
def test_every_row_names_a_numpy_object(row):
    name = row[0]
    if name == "newaxis":
        assert np.newaxis is None
        return
    if name in ("random.integers", "random.multivariate_hypergeometric", "random.permuted"):
        assert hasattr(np.random.Generator, name.split(".")[1])  # Generator-only methods
        return
    numpy_object(name)


@pytest.mark.parametrize("row", [r for r in CORE if r[2] != "blocked"], ids=lambda r: r[0])
def test_core_rows_have_wrappers_with_numpy_signatures(row):
    name = row[0]
    ours = getattr(me, name)
    theirs = getattr(np, name, None)
    if name == "newaxis":
        assert ours is None
        return
    if name in ("mgrid", "ogrid", "r_", "c_"):  # index tricks: objects indexed with [...]
        assert hasattr(type(ours), "__getitem__")
        return
    if not callable(theirs) or isinstance(theirs, type):
        assert ours is theirs
        return
    assert callable(ours)
    try:
        expected = inspect.signature(theirs)
    except ValueError:  # multi-output ufuncs have no introspectable signature
        return
    if name in EXTENDED:
        accepts_numpy_parameters(inspect.signature(ours), expected, EXTENDED[name])
        return
    assert inspect.signature(ours) == expected, name


@pytest.mark.parametrize("row", [r for r in FFT if r[2] != "blocked"], ids=lambda r: r[0])
def test_fft_rows_have_wrappers_with_numpy_signatures(row):
    short = row[0].split(".", 1)[1]
    ours = getattr(me.fft, short)
    assert callable(ours)
    assert inspect.signature(ours) == inspect.signature(getattr(np.fft, short)), row[0]


def test_fft_has_no_public_name_without_a_row():
    rows = {r[0].split(".", 1)[1] for r in FFT if r[2] != "blocked"}
    public = {
        name
        for name, obj in vars(me.fft).items()
        if not name.startswith("_") and obj is not __future__.annotations
    }
    assert sorted(public - rows) == []
    assert sorted(rows - public) == []
    assert set(me.fft.__all__) == rows
    assert len(rows) == 18


# Documented extensions of NumPy's signature: NumPy's keywords (those it takes
# through **kwargs included) are all accepted; the defaults listed differ.
EXTENDED = {
    "einsum": {"optimize": "auto"},  # NumPy: False (one unoptimized loop)
    "einsum_path": {},
}


def accepts_numpy_parameters(ours: inspect.Signature, theirs: inspect.Signature, defaults: dict):
    for p in theirs.parameters.values():
        if p.kind is p.VAR_KEYWORD:
            continue
        mine = ours.parameters[p.name]
        assert mine.kind == p.kind, p.name
        assert mine.default == defaults.get(p.name, p.default), p.name
    assert {"dtype", "order", "casting"} <= set(ours.parameters) or "einsum_call" in ours.parameters


@pytest.mark.parametrize("row", [r for r in ROWS if r[2] == "blocked"], ids=lambda r: r[0])
def test_blocked_rows_raise(row):
    with pytest.raises(me.UnsupportedFunctionError, match="blocked") as info:
        getattr(me, row[0])
    assert info.value.reason == row[5] and info.value.alternative == row[6]


def test_no_public_wrapper_without_a_row():
    names = {r[0] for r in ROWS}
    public = set(me.__all__) - API
    assert sorted(public - names) == []
    assert "einsum" in names


def test_counted_rows_have_a_family_and_free_rows_cost_zero():
    for name, _module, category, family, formula, _r, _a in ROWS:
        if category == "counted":
            assert family and formula, name
        elif category == "free":
            assert formula == "0", name


def test_counts_command_matches_the_rows_and_the_docs():
    counts = registry_counts()
    for module, by_kind in counts.items():
        for kind, n in by_kind.items():
            assert n == sum(1 for r in ROWS if r[1] == module and r[2] == kind)
    assert counts["core"]["blocked"] == 32
    out = subprocess.run(
        [sys.executable, "-m", "mechestim", "registry"], capture_output=True, text=True, check=True
    )
    core_line = next(line for line in out.stdout.splitlines() if line.startswith("core"))
    c = counts["core"]
    assert core_line.split() == [
        "core",
        str(c["counted"]),
        str(c["free"]),
        str(c["blocked"]),
        str(sum(c.values())),
    ]
    page = (ROOT / "docs" / "concepts" / "operation-categories.md").read_text()
    assert f"| `core` | {c['counted']} | {c['free']} | {c['blocked']} | {sum(c.values())} |" in page


def test_generated_files_are_fresh():
    proc = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "generate.py"), "--check"], capture_output=True, text=True
    )
    assert proc.returncode == 0, f"run `make gen`: {proc.stdout}{proc.stderr}"
