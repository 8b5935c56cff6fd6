"""Einsum contraction-path search: path quality and search time against opt_einsum and cotengrust.

Run from the repository root, in the environment where mechestim is installed::

    python benchmarks/paths.py               # full suite, 5-10 minutes on 2 cores
    python benchmarks/paths.py --quick       # smaller suite, about a minute
    python benchmarks/paths.py --csv out.csv # also write one row per instance and tool
    python benchmarks/paths.py --per-instance   # list every instance, not only the notable ones

What is measured
----------------
* ``mechestim._core.einsum_plan(subscripts, shapes, optimize)`` (no plan cache at this level) for
  ``optimize`` in auto, auto-hq, greedy, dp and branch-2; ``opt_einsum.contract_path(eq, *shapes,
  shapes=True, optimize=name)`` for greedy, dp, branch-2, auto and auto-hq (plus the exhaustive
  ``optimal`` on <= 6 tensors); cotengrust's greedy, 128-trial random greedy and optimal search,
  if cotengrust is installed.
* Path quality: every path is priced by one exact integer evaluator (``path_cost``), never by the
  tool that found it, and divided by the best cost any tool found for that instance. The cost model
  is opt_einsum's and mechestim's: a step costs the product of the sizes of all indices it touches,
  times 2 if it sums an index away.
* Search time: median over repeats (first call discarded as warm-up when there are several) of
  ``time.perf_counter`` around the call alone, with inputs prepared beforehand.

Method
------
* A seeded suite (``numpy.random.default_rng([seed, crc32(name)])`` per instance, so the quick
  suite is a subset of the full one): ML einsums of <= 6 tensors, tensor networks of 10-30 tensors
  (random 3-regular graphs, 2-D and 3-D lattices, MPS and PEPS norms, random circuits), networks of
  50-300 tensors, and three 1,000-tensor networks that only ``auto`` and the greedy searches run on.
* Every search runs in a worker process with a time limit; a worker that exceeds it is killed and
  replaced, and the tool is skipped on larger instances of the same family. Tools are also skipped
  where they are known to blow up (exhaustive searches beyond 30-40 tensors).
* Per group and tool: instances completed, median and worst cost ratio, how often the tool found the
  best known path, median and maximum search time. Medians cover the instances the tool completed.
"""

from __future__ import annotations

import argparse
import csv
import math
import multiprocessing as mp
import resource
import statistics
import sys
import time
import zlib
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial

import numpy as np
import opt_einsum as oe

Path = list[tuple[int, ...]]
Bond = tuple[int, int, int]  # (tensor a, tensor b, size)

WORKER_MEMORY = 8 * 2**30  # address-space cap of the worker process, bytes
GROUPS = (
    ("small", "<= 6 tensors", 1, 6),
    ("medium", "7-30 tensors", 7, 30),
    ("large", "31-300 tensors", 31, 300),
    ("huge", "> 300 tensors (fast searches only)", 301, 10**9),
)


# --------------------------------------------------------------------------------------------- instances


@dataclass(frozen=True)
class Instance:
    """One einsum: index labels of each input and of the output, and the size of every index."""

    name: str
    family: str
    inputs: tuple[tuple[str, ...], ...]
    output: tuple[str, ...]
    sizes: Mapping[str, int]

    @property
    def n(self) -> int:
        return len(self.inputs)

    @property
    def eq(self) -> str:
        return ",".join("".join(t) for t in self.inputs) + "->" + "".join(self.output)

    @property
    def shapes(self) -> list[list[int]]:
        return [[self.sizes[ix] for ix in t] for t in self.inputs]

    @property
    def group(self) -> str:
        return next(name for name, _, lo, hi in GROUPS if lo <= self.n <= hi)

    @property
    def naive_log2(self) -> float:
        """log2 of the size of the full index space (the naive single-step cost, up to a factor 2)."""
        return sum(math.log2(s) for s in self.sizes.values())


def from_equation(name: str, family: str, eq: str, dims: Mapping[str, Sequence[int]], rng) -> Instance:
    """An instance from ASCII subscripts, each index size drawn from ``dims[index]`` (or ``dims['*']``)."""
    lhs, out = eq.split("->")
    labels = sorted(set(lhs) - {","})
    sizes = {ix: int(rng.choice(dims.get(ix, dims["*"]))) for ix in labels}
    return Instance(name, family, tuple(tuple(t) for t in lhs.split(",")), tuple(out), sizes)


def from_bonds(name: str, family: str, n_tensors: int, bonds: Iterable[Bond]) -> Instance:
    """A closed network: tensor ``a`` and tensor ``b`` share one new index of ``size`` per bond."""
    inputs: list[list[str]] = [[] for _ in range(n_tensors)]
    sizes = {}
    for k, (a, b, size) in enumerate(bonds):
        label = oe.get_symbol(k)
        inputs[a].append(label)
        inputs[b].append(label)
        sizes[label] = size
    return Instance(name, family, tuple(tuple(t) for t in inputs), (), sizes)


def regular_graph(n: int, degree: int, rng) -> list[tuple[int, int]]:
    """Edges of a uniform random simple ``degree``-regular graph (configuration model, rejection)."""
    while True:
        stubs = np.repeat(np.arange(n), degree)
        rng.shuffle(stubs)
        edges = {(min(a, b), max(a, b)) for a, b in stubs.reshape(-1, 2).tolist()}
        if len(edges) == len(stubs) // 2 and all(a != b for a, b in edges):
            return sorted(edges)


def lattice_edges(dims: Sequence[int]) -> list[tuple[int, int]]:
    """Nearest-neighbour edges of an open-boundary lattice; sites numbered in C order."""
    sites = np.arange(math.prod(dims)).reshape(dims)
    edges = []
    for axis in range(len(dims)):
        lo = np.take(sites, range(dims[axis] - 1), axis=axis).ravel()
        hi = np.take(sites, range(1, dims[axis]), axis=axis).ravel()
        edges += zip(lo.tolist(), hi.tolist(), strict=True)
    return edges


def random_bonds(edges: Iterable[tuple[int, int]], choices: Sequence[int], rng) -> list[Bond]:
    return [(a, b, int(rng.choice(choices))) for a, b in edges]


def bra_ket(n_sites: int, edges: Iterable[tuple[int, int]], bond: int, phys: int) -> list[Bond]:
    """<psi|psi> of a tensor network state: ket sites 0..n-1, bra sites n..2n-1, joined by physical legs."""
    bonds = [(a, b, bond) for a, b in edges] + [(a + n_sites, b + n_sites, bond) for a, b in edges]
    return bonds + [(i, i + n_sites, phys) for i in range(n_sites)]


def circuit_bonds(qubits: int, gates: int, rng) -> tuple[int, list[Bond]]:
    """Amplitude <0|U|0> of random 2-qubit gates: input vectors, gate tensors, output vectors."""
    wire_end = list(range(qubits))
    bonds = []
    for gate in range(qubits, qubits + gates):
        for q in rng.choice(qubits, size=2, replace=False).tolist():
            bonds.append((wire_end[q], gate, 2))
            wire_end[q] = gate
    n_tensors = 2 * qubits + gates
    bonds += [(wire_end[q], qubits + gates + q, 2) for q in range(qubits)]
    return n_tensors, bonds


CHAIN_DIMS = {"*": (2, 4, 8, 16, 32, 64, 128, 256, 512, 1024)}
ATTENTION_DIMS = {
    "b": (1, 8, 32),
    "h": (4, 8, 16),
    "q": (16, 128, 1024),
    "k": (16, 128, 1024),
    "d": (32, 64, 128),
    "v": (32, 64, 128),
    "*": (256, 512, 1024),
}
BILINEAR_DIMS = {"b": (1, 8, 64), "*": (16, 64, 256, 1024, 4096)}
MLP_DIMS = {"b": (1, 8, 64, 512), "*": (64, 128, 256, 512, 1024, 2048, 4096)}
MISC_DIMS = {"*": (4, 8, 16, 32, 64, 128)}

SMALL_EQUATIONS = (
    (
        "matrix chain",
        CHAIN_DIMS,
        ("ij,jk,kl->il", "ij,jk,kl,lm->im", "ij,jk,kl,lm,mn->in", "ij,jk,kl,lm,mn,no->io"),
    ),
    (
        "attention",
        ATTENTION_DIMS,
        (
            "bhqd,bhkd->bhqk",
            "bhqk,bhkv->bhqv",
            "bhqd,bhkd,bhkv->bhqv",
            "bqm,mhd,bkn,nhd->bhqk",
            "bqm,mhd,bhkd,bhkv->bhqv",
        ),
    ),
    ("bilinear", BILINEAR_DIMS, ("i,ij,j->", "bi,ij,bj->b", "i,ij,jk,k->", "bi,ij,jk,bk->b")),
    ("mlp", MLP_DIMS, ("bi,ij,jk->bk", "bi,ij,jk,kl->bl", "bi,ij,jk,kl,lm->bm", "bi,ij,jk,kl,lm,mn->bn")),
    (
        "misc",
        MISC_DIMS,
        ("abc,ia,jb,kc->ijk", "ir,jr,kr->ijk", "ij,jk,ki->", "bij,bjk,bkl->bil", "ai,ibj,jck,kd->abcd"),
    ),
)


@dataclass(frozen=True)
class Spec:
    """A named recipe for one instance; ``quick`` marks the members of the quick suite."""

    name: str
    family: str
    make: Callable[[np.random.Generator], tuple[int, list[Bond]]] | None = None  # (tensors, bonds)
    equation: tuple[str, Mapping[str, Sequence[int]]] | None = None  # or subscripts and index sizes
    quick: bool = False

    def build(self, seed: int) -> Instance:
        rng = np.random.default_rng([seed, zlib.crc32(self.name.encode())])
        if self.equation is not None:
            return from_equation(self.name, self.family, *self.equation, rng)
        return from_bonds(self.name, self.family, *self.make(rng))


def small_specs() -> list[Spec]:
    return [
        Spec(f"{family} {eq} ({draw})", family, equation=(eq, dims), quick=draw == "a")
        for family, dims, equations in SMALL_EQUATIONS
        for eq in equations
        for draw in "ab"
    ]


def regular_network(n: int, choices: Sequence[int], rng) -> tuple[int, list[Bond]]:
    return n, random_bonds(regular_graph(n, 3, rng), choices, rng)


def lattice_network(dims: Sequence[int], choices: Sequence[int], rng) -> tuple[int, list[Bond]]:
    return math.prod(dims), random_bonds(lattice_edges(dims), choices, rng)


def mps_norm(length: int, bond: int, _rng) -> tuple[int, list[Bond]]:
    return 2 * length, bra_ket(length, [(i, i + 1) for i in range(length - 1)], bond, 2)


def peps_norm(rows: int, cols: int, bond: int, _rng) -> tuple[int, list[Bond]]:
    return 2 * rows * cols, bra_ket(rows * cols, lattice_edges((rows, cols)), bond, 2)


def _span(choices: Sequence[int]) -> str:
    return f"{choices[0]}-{choices[-1]}" if len(choices) > 1 else str(choices[0])


def regular_spec(n: int, choices: Sequence[int], quick: bool, draw: str = "") -> Spec:
    name = f"3-regular n={n} bond {_span(choices)}" + (f" ({draw})" if draw else "")
    return Spec(name, "3-regular", partial(regular_network, n, choices), quick=quick)


def lattice_spec(dims: Sequence[int], choices: Sequence[int], quick: bool) -> Spec:
    family = f"{len(dims)}-D lattice"
    name = f"{family} {'x'.join(map(str, dims))} bond {_span(choices)}"
    return Spec(name, family, partial(lattice_network, dims, choices), quick=quick)


def mps_spec(length: int, bond: int, quick: bool) -> Spec:
    return Spec(f"MPS norm L={length} D={bond}", "MPS norm", partial(mps_norm, length, bond), quick=quick)


def peps_spec(rows: int, cols: int, bond: int, quick: bool) -> Spec:
    name = f"PEPS norm {rows}x{cols} D={bond}"
    return Spec(name, "PEPS norm", partial(peps_norm, rows, cols, bond), quick=quick)


def circuit_spec(qubits: int, gates: int, quick: bool) -> Spec:
    name = f"circuit {qubits} qubits {gates} gates"
    return Spec(name, "circuit", partial(circuit_bonds, qubits, gates), quick=quick)


def medium_specs() -> list[Spec]:
    bonds = (2, 3, 4)
    return [
        *(regular_spec(n, bonds, quick=n in (10, 18, 26)) for n in (10, 14, 18, 22, 26, 30)),
        *(lattice_spec(d, bonds, quick=d in ((4, 4), (4, 6))) for d in ((4, 4), (4, 5), (5, 5), (4, 6))),
        *(lattice_spec(d, bonds, quick=d == (2, 2, 3)) for d in ((2, 2, 3), (3, 3, 2), (2, 3, 4), (3, 3, 3))),
        *(mps_spec(length, bond, quick=length == 8) for length, bond in ((6, 4), (8, 8), (10, 16), (12, 8))),
        *(
            peps_spec(r, c, bond, quick=bond == 2)
            for r, c, bond in ((2, 3, 3), (3, 3, 2), (3, 3, 3), (3, 4, 2))
        ),
        *(circuit_spec(q, g, quick=g in (8, 14)) for q, g in ((4, 8), (5, 12), (6, 14), (6, 18))),
    ]


def large_specs() -> list[Spec]:
    return [
        *(
            regular_spec(n, (2,), quick=n in (50, 100, 200) and d == "a", draw=d)
            for n in (50, 100, 200, 300)
            for d in "ab"
        ),
        *(lattice_spec(d, (2,), quick=d == (8, 8)) for d in ((8, 8), (10, 10))),
        *(lattice_spec(d, (2,), quick=d == (4, 4, 4)) for d in ((4, 4, 4), (5, 5, 4))),
    ]


def huge_specs() -> list[Spec]:
    """1,000 tensors; the 3-regular graph has no path below 2**64 FLOPs, the other two have cheap ones."""
    return [
        regular_spec(1000, (2,), quick=True),
        lattice_spec((4, 250), (2,), quick=True),
        mps_spec(500, 8, False),
    ]


def build_suite(seed: int, quick: bool) -> list[Instance]:
    specs = small_specs() + medium_specs() + large_specs() + huge_specs()
    return [s.build(seed) for s in specs if s.quick or not quick]


# ------------------------------------------------------------------------------------------------- paths


def ssa_to_linear(ssa_path: Iterable[Sequence[int]], n_inputs: int) -> Path:
    """Convert a path in static single assignment form (every result gets the next new id) to linear form."""
    alive = list(range(n_inputs))
    linear = []
    for new_id, step in enumerate(ssa_path, start=n_inputs):
        positions = sorted(alive.index(s) for s in step)
        linear.append(tuple(positions))
        for p in reversed(positions):
            del alive[p]
        alive.append(new_id)
    return linear


def path_cost(inst: Instance, path: Iterable[Sequence[int]]) -> int:
    """Exact FLOP cost of a linear path: per step, prod(sizes of touched indices) * (terms - 1 + summed)."""
    terms = [frozenset(t) for t in inst.inputs]
    refs = Counter(ix for t in terms for ix in t)  # how many live terms hold each index
    output = frozenset(inst.output)
    total = 0
    for step in path:
        if not step or len(set(step)) != len(step):
            raise ValueError(f"bad step {step!r}")
        taken = [terms.pop(p) for p in sorted(step, reverse=True)]
        for t in taken:
            refs.subtract(t)
        touched = frozenset().union(*taken)
        kept = frozenset(ix for ix in touched if refs[ix] > 0 or ix in output)
        size = math.prod(inst.sizes[ix] for ix in touched)
        total += size * (max(1, len(taken) - 1) + (kept != touched))
        refs.update(kept)
        terms.append(kept)
    if len(terms) != 1:
        raise ValueError(f"path leaves {len(terms)} tensors")
    return total


# ------------------------------------------------------------------------------------------------- tools


@dataclass(frozen=True)
class Tool:
    """A path search: ``prepare(inst)`` returns the call to time and a converter of its result to a path."""

    name: str
    prepare: Callable[[Instance], tuple[Callable[[], object], Callable[[object], Path]]]
    max_n: int = 300  # skipped above this many tensors
    min_n: int = 1
    on_huge: bool = False  # also run on the > 300 tensor group


def _mechestim(optimize: str):
    def prepare(inst: Instance):
        from mechestim import _core

        eq, shapes = inst.eq, inst.shapes
        return (lambda: _core.einsum_plan(eq, shapes, optimize)), (lambda info: [tuple(s) for s in info.path])

    return prepare


def _opt_einsum(optimize: str):
    def prepare(inst: Instance):
        eq, shapes = inst.eq, inst.shapes
        call = lambda: oe.contract_path(eq, *shapes, shapes=True, optimize=optimize)  # noqa: E731
        return call, lambda result: [tuple(s) for s in result[0]]

    return prepare


def _cotengrust(kind: str):
    def prepare(inst: Instance):
        import cotengrust as ctg

        args = ([list(t) for t in inst.inputs], list(inst.output), dict(inst.sizes))
        if kind == "greedy":
            call = lambda: ctg.optimize_greedy(*args, seed=0, use_ssa=True)  # noqa: E731
        elif kind == "random-greedy":
            call = lambda: ctg.optimize_random_greedy_track_flops(*args, 128, seed=0, use_ssa=True)[0]  # noqa: E731
        else:
            outer = inst.n <= 6
            call = lambda: ctg.optimize_optimal(*args, minimize="flops", search_outer=outer, use_ssa=True)  # noqa: E731
        return call, lambda ssa: ssa_to_linear(ssa, inst.n)

    return prepare


def _have_cotengrust() -> bool:
    try:
        import cotengrust  # noqa: F401
    except ImportError:
        return False
    return True


TOOLS = [
    Tool("me:auto", _mechestim("auto"), max_n=10**9, on_huge=True),
    Tool("me:auto-hq", _mechestim("auto-hq")),
    Tool("me:greedy", _mechestim("greedy"), max_n=10**9, on_huge=True),
    Tool("me:dp", _mechestim("dp"), max_n=40),
    Tool("me:branch-2", _mechestim("branch-2"), max_n=30),
    Tool("oe:auto", _opt_einsum("auto")),
    Tool("oe:auto-hq", _opt_einsum("auto-hq")),
    Tool("oe:greedy", _opt_einsum("greedy"), max_n=10**9, on_huge=True),
    Tool("oe:dp", _opt_einsum("dp"), max_n=30),
    Tool("oe:branch-2", _opt_einsum("branch-2"), max_n=30),
    Tool("oe:optimal", _opt_einsum("optimal"), max_n=6),
]
if _have_cotengrust():
    TOOLS += [
        Tool("ctg:greedy", _cotengrust("greedy"), max_n=10**9, on_huge=True),
        Tool("ctg:rgreedy-128", _cotengrust("random-greedy")),
        Tool("ctg:optimal", _cotengrust("optimal"), max_n=30),
    ]
TOOL_BY_NAME = {t.name: t for t in TOOLS}


def applies(tool: Tool, inst: Instance) -> bool:
    if inst.group == "huge":
        return tool.on_huge
    return tool.min_n <= inst.n <= tool.max_n


# ------------------------------------------------------------------------------------------------ worker


@dataclass(frozen=True)
class Settings:
    repeats: int  # timed calls after the warm-up call, when they fit in the budget
    budget: float  # seconds of repeated calls per (instance, tool)
    timeout: float  # seconds before the worker is killed


def time_search(call: Callable[[], object], settings: Settings) -> tuple[object, float, int]:
    """Median seconds of ``call`` over repeats; the first call only counts when it is the only one."""
    times: list[float] = []
    while len(times) <= settings.repeats and sum(times) < settings.budget:
        start = time.perf_counter()
        result = call()
        times.append(time.perf_counter() - start)
    if len(times) > 1:
        times = times[1:]
    return result, statistics.median(times), len(times)


def serve(conn) -> None:
    """Worker loop: receive (tool name, instance, settings), send back (status, path or message, seconds, n)."""
    resource.setrlimit(resource.RLIMIT_AS, (WORKER_MEMORY, WORKER_MEMORY))
    while (job := conn.recv()) is not None:
        name, inst, settings = job
        try:
            call, to_path = TOOL_BY_NAME[name].prepare(inst)
            result, seconds, repeats = time_search(call, settings)
            conn.send(("ok", to_path(result), seconds, repeats))
        except Exception as exc:  # any failure of a tool is a result to report
            kind = type(exc).__name__
            status = "overflow" if kind == "CostOverflowError" else "error"
            conn.send((status, f"{kind}: {exc}".splitlines()[0][:160], math.nan, 0))


class Worker:
    """A spawned process running ``serve``; killed and replaced when a search overruns its time limit."""

    def __init__(self) -> None:
        self.ctx = mp.get_context("spawn")
        self.proc = None
        self.conn = None

    def start(self) -> None:
        self.conn, child = self.ctx.Pipe()
        self.proc = self.ctx.Process(target=serve, args=(child,), daemon=True)
        self.proc.start()
        child.close()

    def run(self, name: str, inst: Instance, settings: Settings) -> tuple[str, object, float, int]:
        if self.proc is None:
            self.start()
        self.conn.send((name, inst, settings))
        if self.conn.poll(settings.timeout + settings.budget):
            try:
                return self.conn.recv()
            except EOFError:
                self.restart()
                return ("crash", "worker died", math.nan, 0)
        self.restart()
        return ("timeout", f"> {settings.timeout:g} s", math.nan, 0)

    def restart(self) -> None:
        self.stop(kill=True)
        self.start()

    def stop(self, kill: bool = False) -> None:
        if self.proc is None:
            return
        if kill:
            self.proc.kill()
        else:
            self.conn.send(None)
        self.proc.join()
        self.conn.close()
        self.proc = None


# ----------------------------------------------------------------------------------------------- running


@dataclass
class Result:
    inst: Instance
    tool: str
    status: str  # ok, error, overflow (cost > 2**64), timeout, crash, skip
    message: str = ""
    cost: int | None = None
    seconds: float = math.nan
    repeats: int = 0
    ratio: float = math.nan


def run_one(worker: Worker, name: str, inst: Instance, settings: Settings) -> Result:
    status, payload, seconds, repeats = worker.run(name, inst, settings)
    if status != "ok":
        return Result(inst, name, status, str(payload))
    try:
        cost = path_cost(inst, payload)
    except (ValueError, IndexError, KeyError) as exc:
        return Result(inst, name, "error", f"invalid path: {exc}")
    return Result(inst, name, "ok", cost=cost, seconds=seconds, repeats=repeats)


def run_suite(suite: Sequence[Instance], settings: Settings, log) -> list[Result]:
    """All applicable tools on every instance; a tool that timed out skips larger instances of that family."""
    worker = Worker()
    blown: dict[tuple[str, str], int] = {}  # (tool, family) -> smallest size that timed out
    results = []
    try:
        for i, inst in enumerate(sorted(suite, key=lambda x: (x.n, x.name)), start=1):
            log(f"[{i}/{len(suite)}] {inst.name} ({inst.n} tensors)")
            row = []
            for tool in (t for t in TOOLS if applies(t, inst)):
                if inst.n >= blown.get((tool.name, inst.family), math.inf):
                    row.append(Result(inst, tool.name, "skip", "timed out on a smaller instance"))
                    continue
                row.append(run_one(worker, tool.name, inst, settings))
                if row[-1].status == "timeout":
                    blown[(tool.name, inst.family)] = inst.n
            set_ratios(row)
            results += row
    finally:
        worker.stop()
    return results


def set_ratios(row: Sequence[Result]) -> None:
    costs = [r.cost for r in row if r.status == "ok"]
    if not costs:
        return
    best = min(costs)
    for r in row:
        if r.status == "ok":
            r.ratio = 1.0 if r.cost == best else (r.cost / best if best else math.inf)


# --------------------------------------------------------------------------------------------- reporting


def fmt_time(seconds: float) -> str:
    if math.isnan(seconds):
        return "-"
    if seconds < 1e-3:
        return f"{seconds * 1e6:.1f} µs"
    if seconds < 1:
        return f"{seconds * 1e3:.1f} ms"
    return f"{seconds:.2f} s"


def fmt_ratio(ratio: float) -> str:
    if math.isnan(ratio):
        return "-"
    return f"{ratio:.3f}" if ratio < 100 else f"{ratio:.3g}"


@dataclass
class Summary:
    ok: list[Result] = field(default_factory=list)
    failed: Counter = field(default_factory=Counter)
    total: int = 0

    def ratio(self, how: Callable[[list[float]], float]) -> float:
        return how([r.ratio for r in self.ok]) if self.ok else math.nan

    def time(self, how: Callable[[list[float]], float]) -> float:
        return how([r.seconds for r in self.ok]) if self.ok else math.nan

    @property
    def n_best(self) -> int:
        return sum(r.ratio == 1.0 for r in self.ok)


def summarize(results: Iterable[Result]) -> Summary:
    s = Summary()
    for r in results:
        s.total += 1
        if r.status == "ok":
            s.ok.append(r)
        else:
            s.failed[r.status] += 1
    return s


def group_table(results: Sequence[Result], group: str, label: str) -> list[str]:
    mine = [r for r in results if r.inst.group == group]
    n_instances = len({r.inst.name for r in mine})
    if not mine:
        return []
    header = f"{'tool':<16} {'done':>7} {'ratio med':>10} {'ratio max':>10} {'=best':>6} "
    header += f"{'time med':>10} {'time max':>10}  not done"
    lines = [f"== {group}: {label}, {n_instances} instances ==", header, "-" * len(header)]
    for tool in TOOLS:
        s = summarize(r for r in mine if r.tool == tool.name)
        if s.total == 0:
            continue
        missing = ", ".join(f"{k} {v}" for k, v in sorted(s.failed.items()))
        lines.append(
            f"{tool.name:<16} {len(s.ok):>3}/{s.total:<3} {fmt_ratio(s.ratio(statistics.median)):>10} "
            f"{fmt_ratio(s.ratio(max)):>10} {s.n_best:>6} {fmt_time(s.time(statistics.median)):>10} "
            f"{fmt_time(s.time(max)):>10}  {missing}"
        )
    return lines


def instance_lines(results: Sequence[Result], only_notable: bool) -> list[str]:
    """mechestim auto against opt_einsum auto per instance (all, or only where auto is not best or failed)."""
    by_inst: dict[str, dict[str, Result]] = {}
    for r in results:
        by_inst.setdefault(r.inst.name, {})[r.tool] = r
    header = f"{'instance':<44} {'n':>4} {'log2 best':>9}  {'me:auto':>22}  {'oe:auto':>22}"
    lines = [header, "-" * len(header)]
    for name, row in by_inst.items():
        me, theirs = row.get("me:auto"), row.get("oe:auto")
        if only_notable and me is not None and me.status == "ok" and me.ratio == 1.0:
            continue
        best = min((r.cost for r in row.values() if r.status == "ok"), default=None)
        log2_best = f"{math.log2(best):.1f}" if best else "-"
        inst = next(iter(row.values())).inst
        lines.append(f"{name:<44} {inst.n:>4} {log2_best:>9}  {_cell(me):>22}  {_cell(theirs):>22}")
    return lines


def _cell(r: Result | None) -> str:
    if r is None:
        return "n/a"
    if r.status != "ok":
        return r.status
    return f"{fmt_ratio(r.ratio)} in {fmt_time(r.seconds)}"


@dataclass(frozen=True)
class Target:
    label: str
    group: str
    tool: str
    max_ratio: float
    median_ratio: float
    median_time: float
    allow_failures: bool = False  # judge the instances that completed (and need at least one)

    def check(self, results: Sequence[Result]) -> tuple[str, bool]:
        s = summarize(r for r in results if r.inst.group == self.group and r.tool == self.tool)
        if s.total == 0:
            return "not run", False
        med_r, max_r, med_t = s.ratio(statistics.median), s.ratio(max), s.time(statistics.median)
        measured = f"ratio med {fmt_ratio(med_r)} max {fmt_ratio(max_r)}, time med {fmt_time(med_t)}"
        if s.failed:
            measured += f"; {sum(s.failed.values())}/{s.total} not done"
        if not s.ok or (s.failed and not self.allow_failures):
            return measured, False
        ok = max_r <= self.max_ratio and med_r <= self.median_ratio and med_t <= self.median_time
        return measured, ok


TARGETS = (
    Target("<= 6 tensors: auto optimal, <= 20 µs median", "small", "me:auto", 1.0, 1.0, 20e-6),
    Target("7-30 tensors: auto <= 1.1x (median 1.0), <= 10 ms", "medium", "me:auto", 1.1, 1.0, 10e-3),
    Target("50-300 tensors: auto median <= 1.5x, <= 100 ms", "large", "me:auto", math.inf, 1.5, 100e-3),
    Target("1,000 tensors: greedy <= 50 ms", "huge", "me:greedy", math.inf, math.inf, 50e-3, True),
)


def target_lines(results: Sequence[Result]) -> list[str]:
    lines = [f"{'target':<52} {'measured':<58} verdict", "-" * 120]
    for target in TARGETS:
        measured, ok = target.check(results)
        lines.append(f"{target.label:<52} {measured:<58} {'PASS' if ok else 'FAIL'}")
    return lines


def error_lines(results: Sequence[Result]) -> list[str]:
    """Distinct failure messages per tool, with how many instances each hit."""
    seen = Counter(
        (r.tool, r.status, r.message) for r in results if r.status in ("error", "overflow", "crash")
    )
    return [
        f"{tool}: {status} x{count}: {message}" for (tool, status, message), count in sorted(seen.items())
    ]


def write_csv(path: str, results: Sequence[Result]) -> None:
    fields = ["group", "family", "instance", "tensors", "log2_naive", "tool", "status", "cost", "ratio"]
    fields += ["seconds", "repeats", "message"]
    with open(path, "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(fields)
        for r in results:
            i = r.inst
            row = [i.group, i.family, i.name, i.n, f"{i.naive_log2:.2f}", r.tool, r.status, r.cost]
            writer.writerow([*row, r.ratio, r.seconds, r.repeats, r.message])


def versions() -> str:
    from importlib.metadata import PackageNotFoundError, version

    parts = []
    for package in ("mechestim", "opt_einsum", "cotengrust"):
        try:
            parts.append(f"{package} {version(package)}")
        except PackageNotFoundError:
            parts.append(f"{package} not installed")
    return ", ".join(parts) + f"; Python {sys.version.split()[0]}"


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="smaller suite, fewer repeats, tighter limits")
    parser.add_argument("--seed", type=int, default=0, help="seed of the instance suite")
    parser.add_argument("--csv", metavar="PATH", help="write one row per instance and tool")
    parser.add_argument("--per-instance", action="store_true", help="list every instance, not only notable")
    parser.add_argument("--verbose", action="store_true", help="print each instance as it runs")
    args = parser.parse_args(argv)

    settings = Settings(repeats=5, budget=0.3, timeout=3.0) if args.quick else Settings(15, 1.0, 8.0)
    suite = build_suite(args.seed, args.quick)
    print(versions())
    print(f"{len(suite)} instances, {len(TOOLS)} tools, time limit {settings.timeout:g} s per search")
    start = time.perf_counter()
    log = (lambda msg: print(msg, file=sys.stderr, flush=True)) if args.verbose else (lambda msg: None)
    results = run_suite(suite, settings, log)
    print(f"ran in {time.perf_counter() - start:.0f} s\n")

    for group, label, _, _ in GROUPS:
        lines = group_table(results, group, label)
        if lines:
            print("\n".join(lines) + "\n")
    title = "every instance" if args.per_instance else "instances where me:auto is not at the best known cost"
    print(f"== {title} (cost ratio in search time) ==")
    print("\n".join(instance_lines(results, only_notable=not args.per_instance)) + "\n")
    errors = error_lines(results)
    if errors:
        print("== failures ==\n" + "\n".join(errors) + "\n")
    print("== targets (mechestim) ==\n" + "\n".join(target_lines(results)))
    if args.csv:
        write_csv(args.csv, results)
        print(f"\nwrote {args.csv}")


if __name__ == "__main__":
    main()
