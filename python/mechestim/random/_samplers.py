"""How each sampler of ``numpy.random`` is priced, and the one factory that
builds every counted sampler (module-level functions, ``Generator`` and
``RandomState`` methods) from that table.

A wrapper binds its arguments with NumPy's signature (a wrong argument is a
``TypeError`` before anything is charged), checks what can be checked from
the arguments' shapes and types, charges the cost computed by the compiled
core, and only then calls NumPy with plain arrays. Errors that depend on
parameter *values* (a negative scale, probabilities that do not sum to 1)
are raised by NumPy after the charge.
"""

from __future__ import annotations

import inspect
import operator
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from mechestim import _core
from mechestim._dispatch import plain, wrap
from mechestim._numeric import _axis_index
from mechestim.errors import InvalidArgumentError, ShapeError

__all__ = ["RULES", "LEGACY_ALIASES", "Rule", "counted_function", "counted_method", "scalar"]

_shape = _core.operand_shape
_FLOAT_DTYPES = (np.dtype(np.float64), np.dtype(np.float32))


@dataclass(frozen=True)
class Rule:
    """How one sampler is priced: ``price(name, arguments, legacy)`` returns
    the cost in FLOPs (raising for arguments that cannot be right);
    ``cost`` describes it for the docstring; ``params`` are the distribution
    parameters that broadcast against ``size`` (``None`` for the samplers
    priced otherwise)."""

    price: Callable[[str, dict, bool], int]
    cost: str
    params: tuple[str, ...] | None = None


# -- argument checks ------------------------------------------------------------------------------


def _size(size) -> tuple[int, ...] | None:
    """``size`` as NumPy accepts it: ``None``, an int or a sequence of ints (not bools)."""
    if size is None:
        return None
    try:
        if isinstance(size, (bool, np.bool_)):
            raise TypeError
        try:
            return (operator.index(size),)
        except TypeError:
            dims = tuple(size)
        if any(isinstance(d, (bool, np.bool_)) for d in dims):
            raise TypeError
        return tuple(operator.index(d) for d in dims)
    except TypeError:
        raise TypeError(f"expected a sequence of integers or a single integer, got {size!r}") from None


def _check_dtype(name: str, dtype, kinds: str | None, floats: bool) -> None:
    dt = np.dtype(dtype)
    if (floats and dt not in _FLOAT_DTYPES) or (kinds is not None and dt.kind not in kinds):
        raise TypeError(f"Unsupported dtype {dt!r} for {name}")


def _check_out(out, dtype, size) -> tuple[int, ...]:
    """The shape of a valid ``out`` array (``Generator`` methods that fill one)."""
    if not isinstance(out, np.ndarray):
        raise TypeError(f"out must be a numpy array, not {type(out).__name__}")
    dt = np.dtype(dtype)
    if out.dtype != dt:
        raise TypeError(f"Supplied output array has the wrong type. Expected {dt}, got {out.dtype}")
    if size is not None and size != out.shape:
        raise InvalidArgumentError("size must match out.shape when used together")
    return out.shape


def _output(args: dict, shapes, event=()) -> int:
    """``numel`` of the output: ``size`` (or ``out.shape``), else the broadcast of
    the parameter ``shapes``, followed by the ``event`` shape of one draw."""
    size = _size(args.get("size"))
    out = args.get("out")
    if out is not None:
        size = _check_out(out, args["dtype"], size)
    if not shapes and not event:
        return _core.sampler_cost(size)
    return _core.sampler_cost(size, shapes, event)


# -- the pricing rules ----------------------------------------------------------------------------


def scalar(*params: str, dtype_kinds: str | None = None, floats: bool = False) -> Rule:
    """A distribution drawing one value per output element; ``params`` are the
    parameters that broadcast against ``size``."""

    def price(name: str, args: dict, legacy: bool) -> int:
        if (floats or dtype_kinds) and "dtype" in args:
            _check_dtype(name, args["dtype"], dtype_kinds, floats)
        return _output(args, [s for p in params if args[p] is not None and (s := _shape(args[p]))])

    if params:
        names = [f"``{p}``" for p in params]
        given = names[0] if len(names) == 1 else f"the broadcast of {', '.join(names[:-1])} and {names[-1]}"
        cost = f"one FLOP per value drawn: ``numel(size)``, or with ``size=None`` the number of elements of {given}"
    else:
        cost = "one FLOP per value drawn: ``numel(size)`` (1 with ``size=None``)"
    return Rule(price, cost, params)


def _dims(name: str, args: dict, legacy: bool) -> int:
    return _core.sampler_cost(tuple(operator.index(d) for d in args["args"]))


def _multinomial(name: str, args: dict, legacy: bool) -> int:
    n, pvals = _shape(args["n"]), _shape(args["pvals"])
    if legacy:
        if n:
            raise TypeError("an integer is required: n must be a scalar")
        if len(pvals) != 1:
            raise ShapeError("pvals must be a 1-d sequence")
    elif not pvals or pvals[-1] == 0:
        raise ShapeError(
            "pvals must have at least 1 dimension and the last dimension of pvals must be greater than 0."
        )
    return _output(args, [n, pvals[:-1]], [pvals[-1]])


_CHECK_VALID = ("warn", "raise", "ignore")
_MVN_METHODS = ("svd", "eigh", "cholesky")


def _multivariate_normal(name: str, args: dict, legacy: bool) -> int:
    mean, cov = _shape(args["mean"]), _shape(args["cov"])
    if len(mean) != 1:
        raise ShapeError("mean must be 1 dimensional")
    if len(cov) != 2 or cov[0] != cov[1]:
        raise ShapeError("cov must be 2 dimensional and square")
    if mean[0] != cov[0]:
        raise ShapeError("mean and cov must have same length")
    if args["check_valid"] not in _CHECK_VALID:
        raise InvalidArgumentError("check_valid must equal 'warn', 'raise', or 'ignore'")
    if args.get("method", "svd") not in _MVN_METHODS:
        raise InvalidArgumentError("method must be one of {'eigh', 'svd', 'cholesky'}")
    return _output(args, [], mean)


def _dirichlet(name: str, args: dict, legacy: bool) -> int:
    alpha = _shape(args["alpha"])
    if len(alpha) != 1:
        raise ShapeError("alpha must be a one-dimensional sequence of floats")
    return _output(args, [], alpha)


def _multivariate_hypergeometric(name: str, args: dict, legacy: bool) -> int:
    colors = _shape(args["colors"])
    if len(colors) != 1:
        raise ShapeError("colors must be a one-dimensional sequence of nonnegative integers")
    try:
        operator.index(args["nsample"])
    except TypeError:
        raise InvalidArgumentError("nsample must be an integer") from None
    if args["method"] not in ("count", "marginals"):
        raise InvalidArgumentError('method must be "count" or "marginals".')
    return _output(args, [], colors)


def _choice(name: str, args: dict, legacy: bool) -> int:
    a, p = args["a"], args["p"]
    shape = _shape(a)
    if not shape:  # a population size
        try:
            population = operator.index(a.item() if isinstance(a, (np.ndarray, np.generic)) else a)
        except TypeError:
            what = "1-dimensional or an integer" if legacy else "a sequence or an integer"
            raise InvalidArgumentError(f"a must be {what}, not {type(a).__name__}") from None
        if population < 0:
            raise InvalidArgumentError("a must be a positive integer unless no samples are taken")
        item: list[int] = []
    else:
        if legacy and len(shape) != 1:
            raise ShapeError("a must be 1-dimensional")
        axis = _axis_index(args.get("axis", 0), len(shape))
        population, item = shape[axis], shape[:axis] + shape[axis + 1 :]
    if p is not None:
        p_shape = _shape(p)
        if len(p_shape) != 1:
            raise ShapeError("p must be 1-dimensional")
        if p_shape[0] != population:
            raise ShapeError("a and p must have same size")
    return _core.choice_cost(population, _size(args["size"]), item, bool(args["replace"]))


def _permutation(name: str, args: dict, legacy: bool) -> int:
    x = args["x"]
    if isinstance(x, (int, np.integer)) and not isinstance(x, bool):
        return _core.shuffle_cost(max(int(x), 0))  # a permutation of range(x)
    return _core.permutation_cost(_shape(x), operator.index(args.get("axis", 0)))


def _shuffle(name: str, args: dict, legacy: bool) -> int:
    x, axis = args["x"], operator.index(args.get("axis", 0))
    if not isinstance(x, np.ndarray):
        if not hasattr(type(x), "__setitem__"):
            raise TypeError(f"'{type(x).__name__}' object does not support item assignment")
        if axis != 0:
            raise NotImplementedError("Axis argument is only supported on ndarray objects")
    shape = _shape(x)
    if not shape:
        raise ShapeError("shuffle needs an array of at least one dimension")
    return _core.permutation_cost(shape, axis)


def _permuted(name: str, args: dict, legacy: bool) -> int:
    x, axis, out = args["x"], args["axis"], args["out"]
    shape = _shape(x)
    if out is not None:
        if not isinstance(out, np.ndarray):
            raise TypeError(f"out must be a numpy array, not {type(out).__name__}")
        if list(out.shape) != list(shape):
            raise ShapeError("out must have the same shape as x")
    return _core.permuted_cost(shape, None if axis is None else operator.index(axis))


def _bytes(name: str, args: dict, legacy: bool) -> int:
    return _core.sampler_cost((operator.index(args["length"]),))


_FULL = "the full output, ``numel(size) · k`` for ``k`` values per draw (``size=None``: one draw, ``k``)"

#: Every counted sampler of ``numpy.random``: name -> how it is priced. A name
#: is a module-level function, a ``RandomState`` method and/or a ``Generator``
#: method wherever NumPy has it.
RULES: dict[str, Rule] = {
    "rand": Rule(_dims, "one FLOP per value: ``d0 · d1 · ... · dn`` (``rand()`` costs 1)"),
    "randn": Rule(_dims, "one FLOP per value: ``d0 · d1 · ... · dn`` (``randn()`` costs 1)"),
    "random": scalar(floats=True),
    "random_sample": scalar(),
    "ranf": scalar(),
    "sample": scalar(),
    "standard_normal": scalar(floats=True),
    "standard_exponential": scalar(floats=True),
    "standard_cauchy": scalar(),
    "uniform": scalar("low", "high"),
    "normal": scalar("loc", "scale"),
    "integers": scalar("low", "high", dtype_kinds="biu"),
    "randint": scalar("low", "high", dtype_kinds="biu"),
    "random_integers": scalar("low", "high"),
    "beta": scalar("a", "b"),
    "binomial": scalar("n", "p"),
    "chisquare": scalar("df"),
    "exponential": scalar("scale"),
    "f": scalar("dfnum", "dfden"),
    "gamma": scalar("shape", "scale"),
    "geometric": scalar("p"),
    "gumbel": scalar("loc", "scale"),
    "hypergeometric": scalar("ngood", "nbad", "nsample"),
    "laplace": scalar("loc", "scale"),
    "logistic": scalar("loc", "scale"),
    "lognormal": scalar("mean", "sigma"),
    "logseries": scalar("p"),
    "negative_binomial": scalar("n", "p"),
    "noncentral_chisquare": scalar("df", "nonc"),
    "noncentral_f": scalar("dfnum", "dfden", "nonc"),
    "pareto": scalar("a"),
    "poisson": scalar("lam"),
    "power": scalar("a"),
    "rayleigh": scalar("scale"),
    "standard_gamma": scalar("shape", floats=True),
    "standard_t": scalar("df"),
    "triangular": scalar("left", "mode", "right"),
    "vonmises": scalar("mu", "kappa"),
    "wald": scalar("mean", "scale"),
    "weibull": scalar("a"),
    "zipf": scalar("a"),
    "multinomial": Rule(_multinomial, _FULL),
    "multivariate_normal": Rule(_multivariate_normal, _FULL),
    "multivariate_hypergeometric": Rule(_multivariate_hypergeometric, _FULL),
    "dirichlet": Rule(_dirichlet, _FULL),
    "choice": Rule(
        _choice,
        "with replacement ``numel(output)``; without replacement ``n·⌈lg n⌉`` for a population of ``n``",
    ),
    "permutation": Rule(_permutation, "``n·⌈lg n⌉`` for ``n`` items (``permutation(16)`` costs 64)"),
    "shuffle": Rule(_shuffle, "``n·⌈lg n⌉`` for ``n`` items along ``axis``"),
    "permuted": Rule(
        _permuted, "``n·⌈lg n⌉`` per lane of ``n`` values along ``axis`` (``axis=None``: the flattened array)"
    ),
    "bytes": Rule(_bytes, "``length`` (one FLOP per byte)"),
}

#: Module-level names whose NumPy signature is ``(*args, **kwargs)``: their
#: arguments are read with the signature of the function they forward to.
LEGACY_ALIASES = {"ranf": "random_sample", "sample": "random_sample"}


# -- the factory ----------------------------------------------------------------------------------


def _summary(numpy_callable, fallback: str) -> str:
    """The first paragraph of a NumPy docstring (after its signature line)."""
    for paragraph in (numpy_callable.__doc__ or "").strip().split("\n\n", 2)[:2]:
        first = paragraph.lstrip().split("(", 1)[0]
        if first.isidentifier() and "(" in paragraph.split("\n", 1)[0]:
            continue  # the signature line
        return " ".join(line.strip() for line in paragraph.splitlines() if line.strip())
    return fallback


def _docstring(name: str, numpy_name: str, numpy_callable, examples: str | None) -> str:
    doc = (
        f"{_summary(numpy_callable, numpy_name)}\n\n"
        f"Cost: {RULES[name].cost}. Same signature and values as ``{numpy_name}``; the cost is\n"
        f"charged before NumPy runs, and array results are ``me.ndarray``.\n\n"
        f"See Also\n--------\n{numpy_name} : the NumPy function that draws the values.\n"
    )
    if examples:
        doc += f"\nExamples\n--------\n{examples.strip()}\n"
    return doc


def _binder(signature: inspect.Signature, name: str) -> Callable[..., dict]:
    """A function with ``signature`` that returns its arguments as a dict, defaults
    applied: ``inspect.Signature.bind`` at the speed of a plain call, raising the
    same ``TypeError`` for a wrong call."""
    parts: list[str] = []
    namespace: dict = {}
    star = False
    params = list(signature.parameters.values())
    for i, p in enumerate(params):
        if p.kind is p.VAR_POSITIONAL:
            parts.append(f"*{p.name}")
            star = True
        elif p.kind is p.VAR_KEYWORD:
            parts.append(f"**{p.name}")
        else:
            if p.kind is p.KEYWORD_ONLY and not star:
                parts.append("*")
                star = True
            if p.default is p.empty:
                parts.append(p.name)
            else:
                namespace[f"_default{i}"] = p.default
                parts.append(f"{p.name}=_default{i}")
            if p.kind is p.POSITIONAL_ONLY and (i + 1 == len(params) or params[i + 1].kind is not p.kind):
                parts.append("/")
    returned = ", ".join(f"{p.name!r}: {p.name}" for p in params)
    exec(f"def {name}({', '.join(parts)}):\n    return {{{returned}}}\n", namespace)
    return namespace[name]


def _lazy_binder(signature: inspect.Signature, name: str) -> Callable[..., dict]:
    """:func:`_binder`, compiled on its first call (keeps ``import mechestim`` fast)."""
    compiled: list[Callable[..., dict]] = []

    def bind(*args, **kwargs) -> dict:
        if not compiled:
            compiled.append(_binder(signature, name))
        return compiled[0](*args, **kwargs)

    return bind


def _price(name: str, bind: Callable[..., dict], args: tuple, kwargs: dict, legacy: bool):
    """(cost, the caller's ``out`` array or None); a bad call raises here, before any charge."""
    arguments = bind(*args, **kwargs)
    return RULES[name].price(name, arguments, legacy), arguments.get("out")


def _run(numpy_callable, args: tuple, kwargs: dict, out):
    if args:
        args = tuple([plain(a) for a in args])
    if kwargs:
        kwargs = {k: plain(v) for k, v in kwargs.items()}
    result = numpy_callable(*args, **kwargs)
    return out if out is not None else wrap(result)


def _finish(fn, name: str, qualname: str, signature: inspect.Signature, doc: str):
    fn.__name__ = name
    fn.__qualname__ = qualname
    fn.__module__ = "mechestim.random"
    fn.__signature__ = signature
    fn.__doc__ = doc
    return fn


def counted_function(name: str, examples: str | None = None):
    """The counted module-level ``me.random.NAME``, drawing from NumPy's global ``RandomState``.

    NumPy's function is looked up at call time, so ``numpy.random.seed`` and
    ``me.random.seed`` seed the same stream.
    """
    theirs = getattr(np.random, name)
    signature = inspect.signature(theirs)
    bind = _lazy_binder(inspect.signature(getattr(np.random, LEGACY_ALIASES.get(name, name))), name)
    op = _core.op_id(f"random.{name}")

    def sampler(*args, **kwargs):
        cost, out = _price(name, bind, args, kwargs, True)
        _core.charge(op, cost)
        return _run(getattr(np.random, name), args, kwargs, out)

    doc = _docstring(name, f"numpy.random.{name}", theirs, examples)
    return _finish(sampler, name, name, signature, doc)


def counted_method(cls_name: str, numpy_cls: type, name: str):
    """The counted method ``NAME`` of ``me.random.<cls_name>``, calling the same
    method of the wrapped NumPy object (``self._numpy``)."""
    theirs = getattr(numpy_cls, name)
    signature = inspect.signature(theirs)
    params = list(signature.parameters.values())
    bind = _lazy_binder(signature.replace(parameters=params[1:]), name)  # without self
    legacy = numpy_cls is not np.random.Generator
    op = _core.op_id(f"random.{name}")

    def method(self, *args, **kwargs):
        cost, out = _price(name, bind, args, kwargs, legacy)
        _core.charge(op, cost)
        return _run(getattr(self._numpy, name), args, kwargs, out)

    doc = _docstring(name, f"numpy.random.{numpy_cls.__name__}.{name}", theirs, None)
    return _finish(method, name, f"{cls_name}.{name}", signature, doc)
