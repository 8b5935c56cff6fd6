"""Command line.

``python -m mechestim registry`` prints the registry's counts per module;
``python -m mechestim cost NAME ARG... [KEY=VALUE...]`` prints what an
operation costs, from :mod:`mechestim.flops` (``NAME`` is the query without
``_cost``; shapes are written ``256x256``)::

    python -m mechestim cost svd 256 256 k=10
    python -m mechestim cost einsum ij,jk->ik 256x256 256x256
"""

from __future__ import annotations

import argparse
import sys

from mechestim import _core

MODULES = ("core", "linalg", "fft", "random")
KINDS = ("counted", "free", "blocked")


def registry_counts() -> dict[str, dict[str, int]]:
    """``{module: {category: count}}`` over every registry row."""
    counts = {m: dict.fromkeys(KINDS, 0) for m in MODULES}
    for _name, module, category, *_ in _core.registry_rows():
        counts[module][category] += 1
    return counts


def _print_registry(_args: argparse.Namespace) -> int:
    counts = registry_counts()
    print(f"{'module':<8}{'counted':>9}{'free':>7}{'blocked':>9}{'total':>7}")
    for module, c in counts.items():
        print(f"{module:<8}{c['counted']:>9}{c['free']:>7}{c['blocked']:>9}{sum(c.values()):>7}")
    total = {k: sum(c[k] for c in counts.values()) for k in KINDS}
    print(f"{'all':<8}{total['counted']:>9}{total['free']:>7}{total['blocked']:>9}{sum(total.values()):>7}")
    return 0


def _value(text: str):
    """An int, a shape (``256x256``), ``None``, ``True``/``False``, or the text itself."""
    if text in ("None", "True", "False"):
        return {"None": None, "True": True, "False": False}[text]
    try:
        return int(text)
    except ValueError:
        pass
    parts = text.split("x")
    if len(parts) > 1 and all(p.isdigit() for p in parts):
        return tuple(int(p) for p in parts)
    return text


def _print_cost(args: argparse.Namespace) -> int:
    from mechestim import flops

    query = getattr(flops, f"{args.name}_cost", None)
    if query is None:
        names = sorted(n.removesuffix("_cost") for n in flops.__all__)
        print(f"unknown cost query {args.name!r}; one of: {', '.join(names)}", file=sys.stderr)
        return 2
    positional = [_value(a) for a in args.args if "=" not in a]
    keywords = {k: _value(v) for k, v in (a.split("=", 1) for a in args.args if "=" in a)}
    if args.name in ("einsum", "multi_dot"):  # these take a list of shapes
        head = [p for p in positional if not isinstance(p, tuple)]
        positional = [*head, [p for p in positional if isinstance(p, tuple)]]
    print(query(*positional, **keywords))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m mechestim", description="mechestim command line")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser(
        "registry", help="print the number of counted, free and blocked names per module"
    ).set_defaults(run=_print_registry)
    cost = sub.add_parser("cost", help="print what an operation costs, e.g. 'cost svd 256 256 k=10'")
    cost.add_argument("name", help="the query, e.g. svd, solve, fft, einsum (see mechestim.flops)")
    cost.add_argument("args", nargs="*", help="sizes, shapes such as 256x256, and KEY=VALUE options")
    cost.set_defaults(run=_print_cost)
    args = parser.parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
