"""Random TOML values and documents, and mutations of parsed documents, for the fuzz tests of every file reader."""

from __future__ import annotations

import copy
from typing import Any

from hypothesis import strategies as st

from strongstride.model.plan_parser import BLOCK_KEYS, PHASE_KEYS, PLAN_KEYS, SESSION_KEYS

KNOWN_KEYS = sorted(set(PLAN_KEYS + PHASE_KEYS + SESSION_KEYS + BLOCK_KEYS + ("activity", "minutes", "A", "B")))
keys = st.one_of(st.sampled_from(KNOWN_KEYS), st.text(min_size=1, max_size=8))
scalars = st.one_of(
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.text(max_size=20),
    st.sampled_from(["8-10", "3-5", "80-100% of 5RM", "70% 1RM", "band medium", "bodyweight", "10-8", "0-0", "3-1-1-0",
                     "goblet_squat", "plank", "double", "hold", "kg", "beginner", "999999999-1"]),
    st.dates(),
    st.datetimes(),
    st.times(),
)
values = st.recursive(
    scalars,
    lambda children: st.one_of(st.lists(children, max_size=4), st.dictionaries(keys, children, max_size=5)),
    max_leaves=20,
)


def paths_in(document: Any, prefix: tuple = ()) -> list[tuple]:
    """Every key path (dict keys and list indexes) inside a parsed TOML document."""
    found = []
    items = document.items() if isinstance(document, dict) else enumerate(document) if isinstance(document, list) else []
    for key, value in items:
        found.append(prefix + (key,))
        found.extend(paths_in(value, prefix + (key,)))
    return found


def mutate(document: dict, path: tuple, replacement: Any, drop: bool) -> dict:
    mutated = copy.deepcopy(document)
    parent = mutated
    for key in path[:-1]:
        parent = parent[key]
    if drop:
        del parent[path[-1]]
    else:
        parent[path[-1]] = replacement
    return mutated
