"""Time that mechestim adds to NumPy calls, against the targets of the design notes.

Run from the repository root, in the environment where mechestim is installed::

    python benchmarks/overhead.py               # full run, about a minute
    python benchmarks/overhead.py --quick       # fewer repeats, about 10-20 s
    python benchmarks/overhead.py --json out.json

What is measured
----------------
* Per-call time of ``me.<op>`` against ``numpy.<op>`` on the same operands for
  add, multiply, exp, sum, einsum, sqrt and maximum at 1, 100, 10^4 and 10^6
  float64 elements, the mechestim side getting them through ``me.asarray`` as a
  mechestim program holds them. Elementwise ops and ``sum`` take 1-d arrays;
  einsum is ``'ij,j->i'`` with a square matrix of n elements (``sqrt(n)`` by
  ``sqrt(n)``) and a vector, the layer of the seed MLP. Ops that mechestim does
  not provide yet are printed as ``n/a``.
* The seed example's 5-layer, 256-wide MLP at batch 1 (weight init with
  randn/multiply/sqrt, then the forward pass with ``einsum('ij,j->i')`` and
  ``maximum(h, 0)``), run once with ``xp = numpy`` and once with
  ``xp = mechestim`` by the same function.
* ``import mechestim`` after ``import numpy``, in fresh subprocesses: wall time
  and peak RSS added, medians of several runs. Peak RSS is ``VmHWM`` from
  ``/proc/self/status`` where it exists, else ``resource.getrusage``: on Linux
  ``ru_maxrss`` of a spawned child starts at the *parent's* peak (it survives
  fork and exec), which would hide the import entirely. Bytecode is cached in a
  private directory, as an installed package would have it.

Method
------
* BLAS and OpenMP are pinned to one thread (environment set before NumPy loads).
* Each call is timed with ``timeit`` in batches whose loop count is chosen so a
  batch of the slower side lasts a few milliseconds; both sides use the same
  count, so a cost paid once per batch (after the other side ran) is amortised
  alike. Garbage collection is off during a batch.
* NumPy and mechestim batches alternate (and swap order every round), so drift
  in clock speed or cache state affects both alike.
* Reported: the median per-call time of each side over all rounds, and the
  added time and ratio as medians over rounds of the paired difference
  (mechestim - NumPy) and quotient (mechestim / NumPy) of adjacent batches,
  which cancels slow drift better than comparing the two medians. The two
  results are checked against each other before timing.
* Everything runs inside ``me.BudgetContext(flop_budget=10**18, quiet=True)``,
  so the budget never runs out and the explicit-context path is what is timed.

Targets (``shared/design.md``): at most 1 µs added per elementwise or reduction
call on small arrays and at most 4x NumPy at n=1; einsum at most 3 µs added with
a repeated shape signature; at most 1.02x NumPy at >= 10^6 elements; the MLP
forward pass at most 1.3x NumPy; import at most +20 ms and +3 MiB over NumPy.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
import timeit
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass

for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_var] = "1"  # before NumPy is imported, here and in the import probes

import numpy as np  # noqa: E402

import mechestim as me  # noqa: E402

SIZES = (1, 100, 10**4, 10**6)
BINARY = ("add", "multiply", "maximum")  # the others take one array
OPS = ("add", "multiply", "exp", "sum", "einsum", "sqrt", "maximum")
EINSUM_SPEC = "ij,j->i"
MLP_DEPTH, MLP_WIDTH = 5, 256
LARGE = 10**6


# --------------------------------------------------------------------------- settings


@dataclass(frozen=True)
class Settings:
    """How long to measure."""

    mode: str
    rounds: int  # interleaved NumPy/mechestim batch pairs per case
    batch_seconds: float  # target duration of one batch
    import_runs: int  # subprocesses for the import measurement


QUICK = Settings(mode="quick", rounds=101, batch_seconds=0.002, import_runs=9)
FULL = Settings(mode="full", rounds=401, batch_seconds=0.003, import_runs=21)


@dataclass(frozen=True)
class Target:
    """A figure from the design notes; ``None`` limits do not apply."""

    text: str
    max_added_s: float | None = None
    max_ratio: float | None = None

    def verdict(self, added_s: float, ratio: float) -> str:
        ok = (self.max_added_s is None or added_s <= self.max_added_s) and (
            self.max_ratio is None or ratio <= self.max_ratio
        )
        return "PASS" if ok else "FAIL"


def call_target(op: str, n: int) -> Target:
    """The design target for one counted call of ``op`` on ``n`` elements."""
    if n >= LARGE:
        return Target("≤ 1.02x", max_ratio=1.02)
    if op == "einsum":
        return Target("≤ +3 µs", max_added_s=3e-6)
    if n == 1:
        return Target("≤ +1 µs, ≤ 4x", max_added_s=1e-6, max_ratio=4.0)
    return Target("≤ +1 µs", max_added_s=1e-6)


# --------------------------------------------------------------------------- cases

Call = tuple[Callable, tuple]


@dataclass
class Case:
    """One row: the same call made through NumPy and through mechestim."""

    op: str
    n: int
    numpy_call: Call
    mechestim_call: Call | None  # None: not provided by mechestim yet
    target: Target | None
    check: bool = True  # compare the two results once before timing


@dataclass
class Row:
    """One measured (or unavailable) row of the table."""

    op: str
    n: int
    numpy_s: float | None = None
    mechestim_s: float | None = None
    added_s: float | None = None
    ratio: float | None = None
    target: str | None = None
    result: str | None = None  # PASS / FAIL / n/a / None (no target)
    loops: int = 0  # calls per batch, the same for both sides


def mechestim_op(name: str) -> Callable | None:
    """``me.<name>``, or ``None`` while mechestim does not provide it."""
    obj: object = me
    for part in name.split("."):
        obj = getattr(obj, part, None)  # UnsupportedFunctionError is an AttributeError
        if obj is None:
            return None
    return obj  # type: ignore[return-value]


def as_mechestim(values: Sequence) -> tuple:
    """The same arrays as a mechestim program holds them (``me.asarray`` is free)."""
    return tuple(me.asarray(v) if isinstance(v, np.ndarray) else v for v in values)


def op_operands(op: str, n: int, rng: np.random.Generator) -> tuple:
    """Operands of ``op`` with ``n`` elements in total (positive, so sqrt is finite)."""
    if op == "einsum":
        m = math.isqrt(n)
        return (EINSUM_SPEC, rng.uniform(0.5, 1.5, (m, m)), rng.uniform(0.5, 1.5, m))
    if op in BINARY:
        return (rng.uniform(0.5, 1.5, n), rng.uniform(0.5, 1.5, n))
    return (rng.uniform(0.5, 1.5, n),)


def op_cases(ops: Sequence[str], sizes: Sequence[int]) -> list[Case]:
    rng = np.random.default_rng(0)
    cases = []
    for op in ops:
        fn = mechestim_op(op)
        for n in sizes:
            args = op_operands(op, n, rng)
            me_call = None if fn is None else (fn, as_mechestim(args))
            cases.append(Case(op, n, (getattr(np, op), args), me_call, call_target(op, n)))
    return cases


def mlp_init(xp, depth: int = MLP_DEPTH, width: int = MLP_WIDTH):
    """Weight init of the seed example, through the namespace ``xp``."""
    scale = xp.sqrt(xp.array(2 / width))
    weights = [xp.multiply(xp.random.randn(width, width), scale) for _ in range(depth)]
    return weights, xp.random.randn(width)


def mlp_forward(xp, weights, x):
    """Forward pass of the seed example, through the namespace ``xp``."""
    h = x
    for i, W in enumerate(weights):
        h = xp.einsum("ij,j->i", W, h)  # linear layer
        if i < len(weights) - 1:
            h = xp.maximum(h, 0)  # ReLU
    return h


def mlp_seed(xp):
    """The whole seed example: init, then forward."""
    weights, x = mlp_init(xp)
    return mlp_forward(xp, weights, x)


def mlp_cases() -> list[Case]:
    needed = ("sqrt", "array", "multiply", "random.randn", "einsum", "maximum")
    available = all(mechestim_op(name) is not None for name in needed)
    weights, x = mlp_init(np)
    n = MLP_DEPTH * MLP_WIDTH * MLP_WIDTH

    def case(op: str, fn: Callable, args: tuple, me_args: tuple, target: Target | None) -> Case:
        me_call = (fn, (me, *me_args)) if available else None
        return Case(op, n, (fn, (np, *args)), me_call, target, check=False)

    forward_args = (weights, x)
    me_forward_args = (as_mechestim(weights), me.asarray(x))
    return [
        case("mlp init", mlp_init, (), (), None),
        case("mlp forward", mlp_forward, forward_args, me_forward_args, Target("≤ 1.3x", max_ratio=1.3)),
        case("mlp seed (init+fwd)", mlp_seed, (), (), None),
    ]


# --------------------------------------------------------------------------- timing


def make_timer(call: Call) -> timeit.Timer:
    """A ``timeit.Timer`` for ``fn(*args)`` with the arguments bound as globals."""
    fn, args = call
    names = [f"a{i}" for i in range(len(args))]
    namespace = {"fn": fn, **dict(zip(names, args, strict=True))}
    return timeit.Timer(f"fn({', '.join(names)})", globals=namespace)


def calibrate(timers: Sequence[timeit.Timer], batch_seconds: float) -> int:
    """One loop count for all timers: a batch of the slowest lasts about ``batch_seconds``.

    Both sides share it, so any cost paid once per batch is amortised alike.
    """
    for timer in timers:  # warm-up: first-call caches, allocator, page faults
        timer.timeit(3)
    number = 1
    while True:
        elapsed = max(timer.timeit(number) for timer in timers)
        if elapsed >= batch_seconds / 5:
            return max(1, round(number * batch_seconds / elapsed))
        number *= 10


def measure(case: Case, settings: Settings) -> Row:
    """Interleaved batches of NumPy and mechestim; per-call medians."""
    row = Row(case.op, case.n)
    if case.target is not None:
        row.target = case.target.text
    if case.mechestim_call is None:
        row.result = "n/a"
        return row
    if case.check:
        check_same(case)
    timers = (make_timer(case.numpy_call), make_timer(case.mechestim_call))
    number = calibrate(timers, settings.batch_seconds)
    samples: tuple[list[float], list[float]] = ([], [])
    for i in range(settings.rounds):
        for side in (0, 1) if i % 2 == 0 else (1, 0):
            samples[side].append(timers[side].timeit(number) / number)
    row.numpy_s = statistics.median(samples[0])
    row.mechestim_s = statistics.median(samples[1])
    pairs = list(zip(*samples, strict=True))
    row.added_s = statistics.median(m - n for n, m in pairs)
    row.ratio = statistics.median(m / n for n, m in pairs)
    row.loops = number
    if case.target is not None:
        row.result = case.target.verdict(row.added_s, row.ratio)
    return row


def measure_all(cases: Sequence[Case], settings: Settings) -> list[Row]:
    rows = []
    for i, case in enumerate(cases, 1):
        progress(f"[{i}/{len(cases)}] {case.op} n={case.n:,}")
        rows.append(measure(case, settings))
    progress("")
    return rows


def progress(text: str) -> None:
    """A transient status line, only when stderr is a terminal."""
    if sys.stderr.isatty():
        sys.stderr.write(f"\r\033[K{text}")
        sys.stderr.flush()


def check_same(case: Case) -> None:
    """Refuse to time a mechestim call whose result differs from NumPy's."""
    (np_fn, args), (me_fn, me_args) = case.numpy_call, case.mechestim_call
    try:
        np.testing.assert_allclose(np.asarray(me_fn(*me_args)), np.asarray(np_fn(*args)), rtol=1e-12)
    except AssertionError as exc:
        raise SystemExit(f"me.{case.op} (n={case.n}) disagrees with numpy.{case.op}:\n{exc}") from exc


# --------------------------------------------------------------------------- import cost

_IMPORT_PROBE = """
import json, resource, sys, time

def peak_rss():
    try:  # Linux: the peak of this process image only
        with open("/proc/self/status") as status:
            return next(int(line.split()[1]) * 1024 for line in status if line.startswith("VmHWM:"))
    except (OSError, StopIteration):
        r = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return r if sys.platform == "darwin" else r * 1024  # bytes on macOS, KiB elsewhere

t0 = time.perf_counter()
import numpy
t1 = time.perf_counter()
rss_numpy = peak_rss()
import mechestim
t2 = time.perf_counter()
print(json.dumps({"numpy_s": t1 - t0, "added_s": t2 - t1,
                  "numpy_rss": rss_numpy, "added_rss": peak_rss() - rss_numpy}))
"""


def measure_import(runs: int) -> dict:
    """Medians over ``runs`` fresh interpreters, with bytecode cached as after an install.

    The probes write and read ``.pyc`` files under a private ``PYTHONPYCACHEPREFIX``
    (one discarded warm-up run fills it), so neither package is recompiled on
    every import even where ``PYTHONDONTWRITEBYTECODE`` is set, and the source
    tree is left untouched.
    """
    with tempfile.TemporaryDirectory(prefix="mechestim-bench-pyc-") as pycache:
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env["PYTHONPYCACHEPREFIX"] = pycache
        probes = [run_import_probe(env) for _ in range(runs + 1)][1:]
    medians = {key: statistics.median(p[key] for p in probes) for key in probes[0]}
    return {
        **medians,
        "runs": runs,
        "time_result": "PASS" if medians["added_s"] <= 0.020 else "FAIL",
        "rss_result": "PASS" if medians["added_rss"] <= 3 * 2**20 else "FAIL",
    }


def run_import_probe(env: dict[str, str]) -> dict:
    out = subprocess.run(
        [sys.executable, "-c", _IMPORT_PROBE], env=env, check=True, capture_output=True, text=True
    ).stdout
    return json.loads(out)


# --------------------------------------------------------------------------- report


def fmt_time(seconds: float | None, signed: bool = False) -> str:
    if seconds is None:
        return "n/a"
    sign = "+" if signed and seconds >= 0 else ""
    for unit, scale in (("ns", 1e-9), ("µs", 1e-6), ("ms", 1e-3)):
        if abs(seconds) < 999.5 * scale or unit == "ms":
            value = abs(seconds) / scale
            digits = 2 if value < 9.995 else 1 if value < 99.95 else 0
            return f"{sign if seconds >= 0 else '-'}{value:.{digits}f} {unit}"
    raise AssertionError("unreachable")


def fmt_mib(nbytes: float, signed: bool = False) -> str:
    return f"{'+' if signed and nbytes >= 0 else ''}{nbytes / 2**20:.2f} MiB"


def print_table(header: Sequence[str], lines: list[Sequence[str]]) -> None:
    widths = [max(len(str(c)) for c in col) for col in zip(header, *lines, strict=True)]
    for i, line in enumerate([header, *lines]):
        cells = [
            str(c).ljust(w) if j == 0 else str(c).rjust(w)
            for j, (c, w) in enumerate(zip(line, widths, strict=True))
        ]
        print("  ".join(cells).rstrip())
        if i == 0:
            print("  ".join("-" * w for w in widths))


def print_calls(rows: list[Row]) -> None:
    header = ("op", "n", "numpy", "mechestim", "added", "ratio", "target", "result")
    lines = [
        (
            r.op,
            f"{r.n:,}",
            fmt_time(r.numpy_s),
            fmt_time(r.mechestim_s),
            fmt_time(r.added_s, signed=True),
            "n/a" if r.ratio is None else f"{r.ratio:.3f}x",
            r.target or "-",
            r.result or "-",
        )
        for r in rows
    ]
    print_table(header, lines)


def print_import(imp: dict) -> None:
    header = ("import", "numpy", "numpy+mechestim", "added", "target", "result")
    lines = [
        (
            "wall time",
            fmt_time(imp["numpy_s"]),
            fmt_time(imp["numpy_s"] + imp["added_s"]),
            fmt_time(imp["added_s"], signed=True),
            "≤ +20 ms",
            imp["time_result"],
        ),
        (
            "peak RSS",
            fmt_mib(imp["numpy_rss"]),
            fmt_mib(imp["numpy_rss"] + imp["added_rss"]),
            fmt_mib(imp["added_rss"], signed=True),
            "≤ +3 MiB",
            imp["rss_result"],
        ),
    ]
    print_table(header, lines)


def environment() -> dict:
    return {
        "mechestim": me.__version__,
        "numpy": np.__version__,
        "python": platform.python_version(),
        "platform": f"{platform.system()} {platform.machine()}",
        "cpus": os.cpu_count(),
        "blas_threads": os.environ["OPENBLAS_NUM_THREADS"],
    }


def print_header(env: dict, settings: Settings) -> None:
    print(
        f"mechestim {env['mechestim']} overhead vs numpy {env['numpy']} "
        f"(Python {env['python']}, {env['platform']}, {env['cpus']} CPUs, BLAS threads {env['blas_threads']})"
    )
    print(
        f"{settings.mode} run: per-call medians over {settings.rounds} interleaved rounds, "
        f"batches of ~{settings.batch_seconds * 1e3:.0f} ms; added and ratio: medians of paired batches"
    )
    print()


def print_notes() -> None:
    print()
    print("elementwise ops and sum: 1-d float64 arrays of n elements (binary ops: two such arrays).")
    print(f"einsum: '{EINSUM_SPEC}' with W of √n x √n (n elements) and v of √n.")
    print(
        f"mlp: the seed example, {MLP_DEPTH} layers x {MLP_WIDTH}, batch 1 (n = weight elements); "
        "init = sqrt/randn/multiply, forward = einsum + maximum(h, 0); target applies to forward."
    )
    print()


# --------------------------------------------------------------------------- main


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repeats (about 10-20 s)")
    parser.add_argument("--json", metavar="PATH", help="also write the results as JSON to PATH")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> None:
    args = parse_args(argv)
    settings = QUICK if args.quick else FULL
    started = time.perf_counter()
    env = environment()
    print_header(env, settings)

    with me.BudgetContext(flop_budget=10**18, quiet=True):
        rows = measure_all(op_cases(OPS, SIZES) + mlp_cases(), settings)
    print_calls(rows)
    print_notes()

    imp = measure_import(settings.import_runs)
    print_import(imp)
    print(f"\n(finished in {time.perf_counter() - started:.0f} s)")

    if args.json:
        report = {
            "environment": env,
            "settings": asdict(settings),
            "calls": [asdict(r) for r in rows],
            "import": imp,
        }
        with open(args.json, "w", encoding="utf-8") as fh:
            json.dump(report, fh, indent=2)
            fh.write("\n")


if __name__ == "__main__":
    main()
