"""A fingerprint of the code behind a derived value, so a cache of it is never read after the formula changed.

Caches that keep a value worked out by a formula (the all-time records keep each exercise's best e1RM)
store this fingerprint beside it and are rebuilt when it differs: nobody has to remember to bump a version.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable
from types import CodeType, ModuleType
from typing import Any

_PLAIN_DATA = (int, float, str, bytes, bool, tuple, frozenset, set, dict, list, range, type(None))


def _stable(value: Any) -> str:
    """A value's repr that is the same in every process: sets are listed sorted (string hashing varies per run)."""
    if isinstance(value, (set, frozenset)):
        return "{" + ", ".join(sorted(_stable(item) for item in value)) + "}"
    if isinstance(value, (tuple, list)):
        return "(" + ", ".join(_stable(item) for item in value) + ")"
    if isinstance(value, dict):
        return "{" + ", ".join(sorted(f"{_stable(k)}: {_stable(v)}" for k, v in value.items())) + "}"
    code = getattr(value, "__code__", None)
    if isinstance(code, CodeType):   # a function in a table: what it does, not where it sits in memory
        return _checksum(b"\0".join(_code_parts(code)))
    return repr(value)


def _code_parts(code: CodeType) -> Iterable[bytes]:
    """What a function does, not where it sits: its bytecode, names and constants, nested functions included."""
    yield code.co_code
    yield _stable(code.co_names).encode()
    for constant in code.co_consts:
        if isinstance(constant, CodeType):
            yield from _code_parts(constant)
        else:
            yield _stable(constant).encode()


def _value_parts(name: str, value: Any, module: str) -> Iterable[bytes]:
    """A module-level function, a class defined there (its methods) or a table of plain data."""
    code = getattr(value, "__code__", None)
    if isinstance(code, CodeType):
        yield name.encode()
        yield from _code_parts(code)
    elif isinstance(value, type) and value.__module__ == module:
        for attribute, member in sorted(vars(value).items()):
            yield from _value_parts(f"{name}.{attribute}", member, module)
    elif name.isupper() and isinstance(value, _PLAIN_DATA):
        yield name.encode()
        yield _stable(value).encode()


def formula_version(*modules: ModuleType) -> str:
    """A short text that changes when any function, class or constant table of the modules changes."""
    parts = [part for module in modules for name, value in sorted(vars(module).items())
             for part in _value_parts(name, value, module.__name__)]
    return _checksum(b"\0".join(parts))


def _checksum(data: bytes) -> str:
    """Two checksums side by side, so a clash is vanishingly rare (zlib's: hashlib's import alone costs a start 2 ms)."""
    return f"{zlib.crc32(data):08x}{zlib.adler32(data):08x}"
