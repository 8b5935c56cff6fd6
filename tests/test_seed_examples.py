"""The two examples of the landing page, run in fresh interpreters."""

from __future__ import annotations

import sys

from conftest import ROOT, run_python

# Written out from the cost model (not from the implementation):
#   sqrt of a 0-d array: 1
#   randn(256, 256): 65,536 each, 5 times; randn(256): 256     -> 327,936 in 6 calls
#   multiply((256,256), 0-d): 65,536 each, 5 times              -> 327,680
#   einsum 'ij,j->i' 256x256: 256*256 * (max(1, 2-1) + 1) = 131,072, 5 times -> 655,360
#   maximum(h(256), 0): 256 each, 4 times                       -> 1,024
SECOND_EXAMPLE_OUTPUT = """\
mechestim FLOP Budget Summary
==============================
Namespace:      mlp-forward
Total budget:   100,000,000
Used:             1,312,001  (1.3%)
Remaining:       98,687,999  (98.7%)

By operation:
  einsum          655,360  ( 50.0%)  [5 calls]
  random.randn    327,936  ( 25.0%)  [6 calls]
  multiply        327,680  ( 25.0%)  [5 calls]
  maximum           1,024  (  0.1%)  [4 calls]
  sqrt                  1  (  0.0%)  [1 call]
"""

FIRST_EXAMPLE = """
import mechestim as me

# No BudgetContext needed — the global default is active
scale = me.sqrt(me.array(2 / 256))
W = me.multiply(me.random.randn(256, 256), scale)
x = me.einsum('ij,j->i', W, me.random.randn(256))
print(me.budget_summary())
"""


def test_second_example_prints_exactly_the_seed_numbers():
    script = (ROOT / "examples" / "mlp_forward.py").read_text()
    proc = run_python(script)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == SECOND_EXAMPLE_OUTPUT
    assert proc.stderr == ""


def test_first_example_runs_under_the_global_default():
    proc = run_python(FIRST_EXAMPLE)
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    used = 1 + (65_536 + 256) + 65_536 + 131_072
    budget = 10**15
    assert lines[2] == "Namespace:      (global default)"
    assert lines[3].split() == ["Total", "budget:", f"{budget:,}"]
    assert lines[4].split() == ["Used:", f"{used:,}", f"({100 * used / budget:.1f}%)"]
    by_op = {line.split()[0]: line.split()[1] for line in lines[8:]}
    assert by_op == {
        "einsum": "131,072",
        "random.randn": "65,792",
        "multiply": "65,536",
        "sqrt": "1",
    }


def test_default_budget_can_be_overridden_from_the_environment():
    proc = run_python(FIRST_EXAMPLE, env={"MECHESTIM_DEFAULT_BUDGET": "1e7"})
    assert proc.returncode == 0, proc.stderr
    assert "Total budget:   10,000,000" in proc.stdout


def test_default_budget_from_the_environment_is_enforced():
    proc = run_python(FIRST_EXAMPLE, env={"MECHESTIM_DEFAULT_BUDGET": "100000"})
    assert proc.returncode != 0
    assert "BudgetExhaustedError" in proc.stderr
    assert "multiply" in proc.stderr  # sqrt (1) and randn (65,536) fit; multiply does not


def test_default_budget_off_requires_a_context():
    code = (
        "import mechestim as me\n"
        "try:\n    me.sqrt(me.array(1.0))\nexcept me.NoBudgetContextError as e:\n    print('refused', e.op_name)\n"
        "with me.BudgetContext(flop_budget=10):\n    me.sqrt(me.array(1.0))\n"
        "print(me.budget_summary_dict()['flops_used'])\n"
    )
    proc = run_python(code, env={"MECHESTIM_DEFAULT_BUDGET": "off"})
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split() == ["refused", "sqrt", "1"]


def test_malformed_default_budget_is_a_clear_error():
    proc = run_python(
        "import mechestim as me\nme.sqrt(me.array(1.0))", env={"MECHESTIM_DEFAULT_BUDGET": "lots"}
    )
    assert proc.returncode != 0
    assert "MECHESTIM_DEFAULT_BUDGET" in proc.stderr and "InvalidBudgetError" in proc.stderr


def test_examples_directory_is_what_the_readme_runs():
    readme = (ROOT / "README.md").read_text()
    assert "python examples/mlp_forward.py" in readme
    assert sys.executable  # the test itself runs under the interpreter the README installs into
