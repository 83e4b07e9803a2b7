"""Values an import keeps for the rows after: handed back, and never more than the bound."""

from strongstride.importers.kept import keep


def test_a_kept_value_is_handed_back_and_found_again() -> None:
    cache: dict[str, int] = {}
    assert keep(cache, "a", 1, most=3) == 1
    assert cache == {"a": 1}


def test_past_the_bound_the_cache_starts_afresh_with_the_new_value() -> None:
    cache: dict[str, int] = {}
    for number, key in enumerate("abc"):
        keep(cache, key, number, most=3)
    assert keep(cache, "d", 9, most=3) == 9
    assert cache == {"d": 9}
