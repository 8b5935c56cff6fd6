"""Command line: ``python -m mechestim registry`` prints the registry's counts."""

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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m mechestim", description="mechestim command line")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser(
        "registry", help="print the number of counted, free and blocked names per module"
    ).set_defaults(run=_print_registry)
    args = parser.parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
