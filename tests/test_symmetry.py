"""Symmetric tensors: counts and costs against brute-force enumeration, values against NumPy.

The expectations are computed here, independently of the core crate: groups
are closed under composition by a small loop, and orbits are counted by
listing every index tuple and keeping one canonical representative each.
"""

from __future__ import annotations

import copy
import itertools
import math
import pickle

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import mechestim as me


def closure(generators, degree):
    identity = tuple(range(degree))
    elements = {identity}
    frontier = [identity]
    while frontier:
        x = frontier.pop()
        for g in generators:
            y = tuple(g[x[i]] for i in range(degree))
            if y not in elements:
                elements.add(y)
                frontier.append(y)
    return elements


def orbit_count(dims, elements) -> int:
    """Distinct index tuples of `dims` up to the permutations `elements` (by enumeration)."""
    seen = set()
    for idx in itertools.product(*(range(d) for d in dims)):
        images = []
        for g in elements:
            t = [0] * len(idx)
            for a, v in enumerate(idx):
                t[g[a]] = v
            images.append(tuple(t))
        seen.add(min(images))
    return len(seen)


def symmetrize(data, elements):
    return sum(np.transpose(data, g) for g in elements) / len(elements)


@st.composite
def groups_and_shapes(draw):
    ndim = draw(st.integers(1, 4))
    n_gens = draw(st.integers(1, 2))
    gens = [tuple(draw(st.permutations(range(ndim)))) for _ in range(n_gens)]
    elements = closure(gens, ndim)
    # Axes mixed by the group share one size.
    size = {}
    for a in range(ndim):
        orbit = min({g[a] for g in elements})
        size.setdefault(orbit, draw(st.integers(1, 3)))
    dims = tuple(size[min({g[a] for g in elements})] for a in range(ndim))
    return gens, elements, dims


@settings(max_examples=80, deadline=None)
@given(groups_and_shapes())
def test_unique_elements_equal_enumeration(case):
    gens, elements, dims = case
    data = symmetrize(np.random.default_rng(0).standard_normal(dims), elements)
    S = me.as_symmetric(data, group=gens)
    expected = orbit_count(dims, elements)
    if len(elements) == 1:
        assert not isinstance(S, me.SymmetricTensor)
        return
    assert S.symmetry_info.unique_elements == expected
    assert S.symmetry_info.order == len(elements)
    # A unary op costs the unique-element count and keeps the symmetry.
    with me.BudgetContext(flop_budget=10**6) as budget:
        E = me.exp(S)
    assert budget.flops_used == expected
    assert isinstance(E, me.SymmetricTensor) and set(E.symmetry_group) == elements
    np.testing.assert_allclose(E, np.exp(data))


def step_cost_by_enumeration(subscripts, operands):
    """op_factor x orbits of one step's index tuples, found by brute force.

    The step's symmetries are every relabeling of its indices that keeps the
    output indices among themselves and leaves the full product of the
    operands (computed densely from the actual data) unchanged; the orbits of
    the index tuples under them are enumerated.
    """
    lhs, out = subscripts.split("->")
    terms = lhs.split(",")
    labels = sorted(set("".join(terms)))
    arrays = [np.asarray(o) for o in operands]
    size = {c: d for t, a in zip(terms, arrays, strict=True) for c, d in zip(t, a.shape, strict=True)}
    product = np.einsum(f"{lhs}->{''.join(labels)}", *arrays)
    out_pos = {labels.index(c) for c in out}
    valid = [
        p
        for p in itertools.permutations(range(len(labels)))
        if all(size[labels[p[i]]] == size[labels[i]] for i in range(len(labels)))
        and {p[i] for i in out_pos} == out_pos
        and np.allclose(product, np.transpose(product, p))
    ]
    orbits = orbit_count([size[c] for c in labels], valid)
    factor = max(1, len(terms) - 1) + (1 if set(labels) - set(out) else 0)
    return orbits * factor


CASES = [
    # (subscripts, shapes, symmetric axes per operand, same-object operand pairs)
    ("ki,kj->ij", [(4, 3), (4, 3)], [None, None], [(0, 1)]),
    ("ij,jk->ik", [(3, 3), (3, 2)], [(0, 1), None], []),
    ("ijk,ai->ajk", [(3, 3, 3), (2, 3)], [(0, 1, 2), None], []),
    ("ijk,jk->i", [(3, 3, 3), (3, 3)], [(0, 1, 2), (0, 1)], []),
    ("ij,ij->", [(3, 3), (3, 3)], [(0, 1), None], [(0, 1)]),
    ("ai,bi->ab", [(3, 4), (3, 4)], [None, None], [(0, 1)]),
    ("ij,kl->ijkl", [(2, 2), (2, 2)], [(0, 1), (0, 1)], [(0, 1)]),
    ("iab,jab->ij", [(2, 3, 3), (2, 3, 3)], [(1, 2), (1, 2)], [(0, 1)]),
]


@pytest.mark.parametrize(("subscripts", "shapes", "axes", "same"), CASES)
def test_symmetric_step_costs_equal_enumeration(subscripts, shapes, axes, same):
    rng = np.random.default_rng(1)
    operands = []
    groups = []
    for shape, ax in zip(shapes, axes, strict=True):
        data = rng.standard_normal(shape)
        if ax is None:
            operands.append(data)
            groups.append(None)
            continue
        cycle = tuple(ax[(ax.index(i) + 1) % len(ax)] if i in ax else i for i in range(len(shape)))
        swap = tuple(ax[1 - ax.index(i)] if i in ax[:2] else i for i in range(len(shape)))
        elements = closure([cycle, swap], len(shape))
        operands.append(me.as_symmetric(symmetrize(data, elements), ax))
        groups.append(elements)
    for a, b in same:
        operands[b] = operands[a]
        groups[b] = groups[a]
    expected = step_cost_by_enumeration(subscripts, operands)
    with me.BudgetContext(flop_budget=10**9) as budget:
        result = me.einsum(subscripts, *operands, optimize=[(0, 1)])
    assert budget.flops_used == expected
    np.testing.assert_allclose(result, np.einsum(subscripts, *[np.asarray(o) for o in operands]), atol=1e-10)


def test_issue_examples():
    X = np.random.default_rng(0).standard_normal((100, 10))
    with me.BudgetContext(flop_budget=10**6) as budget:
        G = me.einsum("ki,kj->ij", X, X)
    assert budget.flops_used == 2 * 100 * 55
    assert isinstance(G, me.SymmetricTensor) and G.symmetric_axes == [(0, 1)]
    np.testing.assert_allclose(G, X.T @ X)
    with me.BudgetContext(flop_budget=10**6) as budget:
        me.einsum("ki,kj->ij", X, X.copy())
    assert budget.flops_used == 2 * 100 * 10 * 10
    T = symmetrize(
        np.random.default_rng(1).standard_normal((6, 6, 6)), list(itertools.permutations(range(3)))
    )
    S = me.as_symmetric(T, (0, 1, 2))
    A = np.ones((5, 6))
    with me.BudgetContext(flop_budget=10**6) as budget:
        R = me.einsum("ijk,ai->ajk", S, A)
    assert budget.flops_used == 2 * 5 * 6 * 21
    assert R.symmetric_axes == [(1, 2)]
    np.testing.assert_allclose(R, np.einsum("ijk,ai->ajk", T, A))


def test_declaring_a_symmetry_the_data_lacks_is_refused():
    data = np.arange(9.0).reshape(3, 3)
    with pytest.raises(me.SymmetryError, match="largest deviation 4"):
        me.as_symmetric(data, (0, 1))
    with pytest.raises(me.SymmetryError):
        me.as_symmetric(np.ones((2, 3)), (0, 1))  # axes of different sizes
    assert not me.is_symmetric(data, (0, 1))
    assert me.is_symmetric(data + data.T, (0, 1))


def test_propagation():
    rng = np.random.default_rng(2)
    base = rng.standard_normal((4, 4, 3))
    data = (base + base.transpose(1, 0, 2)) / 2
    S = me.as_symmetric(data, (0, 1))
    unique = 10 * 3
    assert S.unique_elements == unique
    with me.BudgetContext(flop_budget=10**6) as budget:
        doubled = 2.0 * S
        total = me.sum(S, axis=2)
        col = me.sum(S, axis=0)
        both = S + S
        mixed = S + rng.standard_normal((4, 4, 3))
    assert budget.flops_used == unique * 4 + 48
    assert isinstance(doubled, me.SymmetricTensor) and doubled.symmetric_axes == [(0, 1)]
    assert isinstance(total, me.SymmetricTensor) and total.symmetric_axes == [(0, 1)]
    assert not isinstance(col, me.SymmetricTensor)
    assert isinstance(both, me.SymmetricTensor)
    assert not isinstance(mixed, me.SymmetricTensor)
    np.testing.assert_allclose(total, data.sum(axis=2))
    # Transposes renumber the axes; slices that keep whole groups keep the symmetry.
    assert S.transpose(2, 0, 1).symmetric_axes == [(1, 2)]
    assert S[:, :, 0].symmetric_axes == [(0, 1)]
    assert S[:2, :2].symmetric_axes == [(0, 1)]
    assert not isinstance(S[0], me.SymmetricTensor)
    assert not isinstance(S[:2], me.SymmetricTensor)
    # Copies and pickling keep it; writes drop it.
    assert copy.deepcopy(S).symmetric_axes == [(0, 1)]
    restored = pickle.loads(pickle.dumps(S))
    assert restored.symmetric_axes == [(0, 1)]
    np.testing.assert_array_equal(restored, S)
    W = S.copy()
    W[0, 1, 0] = 100.0
    assert W.symmetric_axes == []
    assert W.unique_elements == W.size


def test_unique_element_formula_for_full_symmetry():
    for n, k in [(6, 3), (10, 2), (4, 4)]:
        data = np.zeros((n,) * k)
        S = me.as_symmetric(data, tuple(range(k)))
        assert S.symmetry_info.unique_elements == math.comb(n + k - 1, k)
        assert S.symmetry_info.symmetry_factor == pytest.approx(n**k / math.comb(n + k - 1, k))


def test_contractions_price_symmetry_like_einsum():
    X = np.random.default_rng(3).standard_normal((100, 10))
    with me.BudgetContext(flop_budget=10**6) as budget:
        G = me.tensordot(X, X, axes=([0], [0]))
    # 'ki,kj->ij' with the same array twice: 2 x 100 x 55.
    assert budget.flops_used == 11_000
    assert isinstance(G, me.SymmetricTensor)
    np.testing.assert_allclose(G, X.T @ X)
    S = me.as_symmetric(G, (0, 1))
    v = np.ones(10)
    with me.BudgetContext(flop_budget=10**6) as budget:
        y = me.dot(S, v)
    # The output keeps i only, so i <-> j cannot be used: dense 2 x 10 x 10.
    assert budget.flops_used == 200
    np.testing.assert_allclose(y, np.asarray(G) @ v)


@st.composite
def symmetric_expressions(draw):
    """Two operands; the first symmetric under a random group, or the same array twice."""
    rank = draw(st.integers(2, 3))
    letters = "abcde"
    a_term = "".join(draw(st.permutations(letters))[:rank])
    same = draw(st.booleans())
    if same:
        b_term = "".join(draw(st.permutations(letters))[:rank])
    else:
        b_term = "".join(draw(st.lists(st.sampled_from(letters), min_size=1, max_size=2, unique=True)))
    used = sorted(set(a_term + b_term))
    output = "".join(c for c in used if draw(st.booleans()))
    # Size 3: with 2 values per index, some groups cannot be told apart (a
    # cyclic-invariant 2x2x2 tensor is fully symmetric), which the data-driven
    # oracle would see as extra symmetry.
    sizes = dict.fromkeys(used, 3)
    gens = [tuple(draw(st.permutations(range(rank))))]
    return a_term, b_term, output, sizes, gens, same


@settings(max_examples=300, deadline=None)
@given(symmetric_expressions())
def test_random_symmetric_einsums_equal_enumeration(case):
    a_term, b_term, output, sizes, gens, same = case
    rng = np.random.default_rng(4)
    elements = closure(gens, len(a_term))
    a_data = symmetrize(rng.standard_normal([sizes[c] for c in a_term]), elements)
    A = me.as_symmetric(a_data, group=gens) if len(elements) > 1 else a_data
    B = A if same else rng.standard_normal([sizes[c] for c in b_term])
    subscripts = f"{a_term},{b_term}->{output}"
    expected = step_cost_by_enumeration(subscripts, [A, B])
    # One pairwise step, as enumerated above.
    with me.BudgetContext(flop_budget=10**9) as budget:
        result = me.einsum(subscripts, A, B, optimize=[(0, 1)])
    assert budget.flops_used == expected
    np.testing.assert_allclose(result, np.einsum(subscripts, np.asarray(A), np.asarray(B)), atol=1e-9)
    # The default path may sum lone indices first, but never costs more.
    with me.BudgetContext(flop_budget=10**9) as budget:
        me.einsum(subscripts, A, B)
    assert budget.flops_used <= expected


def test_in_place_operators_drop_a_symmetry_they_may_break():
    S = me.as_symmetric(np.ones((3, 3)), (0, 1))
    S *= 2.0
    assert S.symmetric_axes == [(0, 1)]
    S += me.as_symmetric(np.eye(3), (0, 1))
    assert S.symmetric_axes == [(0, 1)]
    S += np.arange(9.0).reshape(3, 3)
    assert S.symmetric_axes == []


def test_writes_through_views_or_out_cannot_break_the_symmetry_unseen():
    S = me.as_symmetric(np.ones((3, 3)), (0, 1))
    with pytest.raises(ValueError, match="read-only"):
        S[0][1] = 5.0  # a view of a symmetric tensor is read-only
    with pytest.raises(ValueError, match="read-only"):
        me.add(np.ones((3, 3)), np.arange(9.0).reshape(3, 3), out=S)
    S[0, 1] = 5.0  # a direct write is allowed and drops the symmetry
    assert S.symmetric_axes == [] and S[0, 1] == 5.0


def test_views_that_keep_the_symmetry_cannot_be_written():
    S = me.as_symmetric(np.ones((3, 3)), (0, 1))
    with pytest.raises(ValueError, match="copy"):
        S.T[0, 1] = 5.0
    with pytest.raises(ValueError, match="copy"):
        V = S[:2, :2]
        V += np.arange(4.0).reshape(2, 2)
    assert S.symmetric_axes == [(0, 1)] and float(S[0, 1]) == 1.0
    C = S.T.copy()
    C[0, 1] = 5.0
    assert C.symmetric_axes == []


def test_bad_symmetric_axes_are_refused():
    with pytest.raises(me.AxisError):
        me.as_symmetric(np.ones((2, 2, 2)), (0, 5))
    with pytest.raises(me.SymmetryError):
        me.as_symmetric(np.ones((2, 2)), (0, 0))


def test_scalar_einsum_results_stay_numpy_scalars():
    Z = np.random.default_rng(5).standard_normal((3, 3))
    assert np.ndim(me.einsum("ij,ji->", Z, Z)) == 0
    assert not isinstance(me.einsum("ij,ji->", Z, Z), np.ndarray)


def test_read_only_outputs_are_refused_before_charging():
    S = me.as_symmetric(np.ones((3, 3)), (0, 1))
    with me.BudgetContext(flop_budget=10**6) as budget:
        with pytest.raises(ValueError, match="read-only"):
            me.add(S, 1.0, out=S)
        with pytest.raises(ValueError, match="read-only"):
            me.exp(np.ones((3, 3)), out=S)
    assert budget.flops_used == 0
