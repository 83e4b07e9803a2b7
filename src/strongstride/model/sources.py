"""The articles the coaching follows, named by title where the code and the plans cite "seed 00N"."""

from __future__ import annotations

import re

# The seed articles by number, each named by its title (the one without a title, by what it is); the plans
# and reasons that cite them usually name the site after the number ("seed 003: Run with Aim").
SOURCE_TITLES: dict[str, str] = {
    "000": "“Strength Training 101”",
    "001": "“Strength Training Overview For Runners”",
    "002": "a Sydney running clinic's article on strength and running performance",
    "003": "“Why Should You Strength Train”",
    "004": "“Strength Training For Runners”",
}
_CITED = re.compile(r"\bseeds? (\d{3})('s)?")


def name_sources(text: str) -> str:
    """The text with each "seed 00N" replaced by the article's title; an unknown number is left as it is."""
    def title(match: re.Match[str]) -> str:
        name = SOURCE_TITLES.get(match.group(1))
        if name is None:
            return match.group(0)
        return f"{name}'s" if match.group(2) else name
    return _CITED.sub(title, text)
