"""Every ```python block of the docs and the README runs; a ```text block right
after one is its exact expected output."""

from __future__ import annotations

import contextlib
import io
import re
import warnings

import pytest

from conftest import ROOT

FENCE = re.compile(r"^```(\w*)[^\n]*\n(.*?)^```[ \t]*$", re.S | re.M)
PAGES = [*sorted((ROOT / "docs").rglob("*.md")), ROOT / "README.md"]


def blocks(path):
    """(code, expected output or None) for each python block of a page."""
    found = [(m.group(1), m.group(2), m.end()) for m in FENCE.finditer(path.read_text())]
    out = []
    for i, (lang, body, _end) in enumerate(found):
        if lang != "python":
            continue
        nxt = found[i + 1] if i + 1 < len(found) else None
        out.append((body, nxt[1] if nxt and nxt[0] == "text" else None))
    return out


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(ROOT)))
def test_page_examples_run(page):
    namespace: dict = {"__name__": "__docs__"}
    for code, expected in blocks(page):
        buf = io.StringIO()
        with contextlib.redirect_stdout(buf), warnings.catch_warnings():
            warnings.simplefilter("ignore")
            exec(compile(code, str(page), "exec"), namespace)
        if expected is not None:
            got = "\n".join(line.rstrip() for line in buf.getvalue().rstrip().splitlines())
            want = "\n".join(line.rstrip() for line in expected.rstrip().splitlines())
            assert got == want, f"{page.name}: output differs for block:\n{code}"
