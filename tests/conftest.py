"""Shared fixtures: every test starts from an empty session."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import mechestim as me

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def _fresh_session():
    me.budget_reset()
    yield
    me.budget_reset()


def run_python(code: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """Run `code` in a fresh interpreter (a fresh session) and capture its output."""
    full_env = {k: v for k, v in os.environ.items() if k != "MECHESTIM_DEFAULT_BUDGET"}
    full_env.update(env or {})
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=full_env, cwd=ROOT, timeout=120
    )
