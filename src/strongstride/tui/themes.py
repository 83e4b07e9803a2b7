"""Themes as TOML files: the bundled ones plus the user's own, read into Textual themes.

A theme file holds `name`, `dark` (true or false), the colours `primary`, `secondary`, `accent`,
`foreground`, `background`, `surface`, `panel`, `success`, `warning`, `error` as hex (#rgb or
#rrggbb), and an optional `[variables]` table of Textual theme variables, each checked with
Textual's own CSS parser wherever Textual's value for it is used. A broken file is reported as a
Problem and skipped; it never stops the app, and `t` never reaches it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import Any, cast

from textual.css.stylesheet import Stylesheet, StylesheetError
from textual.css.tokenizer import TokenError
from textual.theme import Theme

from strongstride.model.problems import Problem, ProblemsFound
from strongstride.model.toml_file import load_toml_file

DEFAULT_THEME = "strongstride-dark"
THEME_COLOURS: tuple[str, ...] = (
    "primary", "secondary", "accent", "foreground", "background",
    "surface", "panel", "success", "warning", "error",
)
_HEX_COLOUR = re.compile(r"#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})")
_THEME_NAME = re.compile(r"[a-z0-9][a-z0-9_-]*")
# The CSS properties a theme variable can feed, and what a value must be to suit each.
_CSS_USES: dict[str, str] = {"color": "a colour", "background": "a colour", "border": "a colour",
                             "text-style": "a text style"}


@cache
def textual_variables() -> dict[str, str]:
    """Textual's own theme variables, with their values for a plain theme: the names `[variables]` may set."""
    return Theme(name="reference", primary="#4FA3E0").to_color_system().generate()


def css_accepts(css_property: str, value: str) -> bool:
    """Whether Textual's CSS parser takes a variable holding value in this property (as the app's stylesheet would)."""
    sheet = Stylesheet(variables={"theme-value": value})
    sheet.add_source(f"Screen {{ {css_property}: $theme-value; }}")
    try:
        sheet.parse()
    except (StylesheetError, TokenError):
        return False
    return True


@cache
def _uses(name: str) -> tuple[str, ...]:
    """The properties Textual's own value of a variable suits: a value set for it must suit them too."""
    return tuple(prop for prop in _CSS_USES if css_accepts(prop, textual_variables()[name]))


def variable_problems(variables: Mapping[str, str], path: Path | str) -> list[Problem]:
    """Each `[variables]` entry Textual would refuse (its CSS parsing fails and the app stops), named and explained."""
    problems = []
    for name, value in variables.items():
        key = f"variables.{name}"
        if name not in textual_variables():
            problems.append(Problem(path, key, "is not one of Textual's theme variables (such as footer-key-foreground)"))
            continue
        refused = next((prop for prop in _uses(name) if not css_accepts(prop, value)), None)
        if refused is not None:
            example = textual_variables()[name]
            problems.append(Problem(path, key, f"must be {_CSS_USES[refused]} such as {example!r}, not {value!r}"))
    return problems


def parse_theme(document: dict[str, Any], path: Path | str) -> tuple[Theme | None, list[Problem]]:
    """A parsed theme file as a Theme, or every problem that stops it being one."""
    problems: list[Problem] = []
    schema = document.get("schema", 1)
    if schema != 1:
        problems.append(Problem(path, "schema", f"must be 1, not {schema!r}"))
    name = document.get("name")
    if not isinstance(name, str) or not _THEME_NAME.fullmatch(name):
        problems.append(Problem(path, "name", "must be lower-case letters, digits, - or _ (such as my-gym)"))
    dark = document.get("dark", True)
    if not isinstance(dark, bool):
        problems.append(Problem(path, "dark", "must be true or false"))
    colours: dict[str, str] = {}
    for key in THEME_COLOURS:
        value = document.get(key)
        if key == "primary" and value is None:
            problems.append(Problem(path, key, "is required (a hex colour such as #4FA3E0)"))
        elif value is not None and not (isinstance(value, str) and _HEX_COLOUR.fullmatch(value)):
            problems.append(Problem(path, key, f"must be a hex colour such as #4FA3E0, not {value!r}"))
        elif value is not None:
            colours[key] = value
    variables = document.get("variables", {})
    if not isinstance(variables, dict) or not all(isinstance(v, str) for v in variables.values()):
        problems.append(Problem(path, "variables", "must be a table of text values"))
    else:
        problems.extend(variable_problems(variables, path))
    if problems:
        return None, problems
    return Theme(name=cast(str, name), dark=dark, variables=dict(variables), **cast(dict[str, Any], colours)), []


def load_theme_file(path: Path) -> tuple[Theme | None, list[Problem]]:
    """One theme file read and parsed; unreadable or invalid files give problems, not exceptions."""
    try:
        document = load_toml_file(path)
    except ProblemsFound as found:
        return None, found.problems
    return parse_theme(document, path)


def load_themes(folders: Sequence[Path]) -> tuple[list[Theme], list[Problem]]:
    """Every valid theme in these folders, later folders overriding a name; problems of the rest."""
    themes: dict[str, Theme] = {}
    problems: list[Problem] = []
    for folder in folders:
        if not folder.is_dir():
            continue
        for path in sorted(folder.glob("*.toml")):
            theme, found = load_theme_file(path)
            problems.extend(found)
            if theme is not None:
                themes[theme.name] = theme
    return list(themes.values()), problems


def next_theme_name(names: Sequence[str], current: str) -> str:
    """The theme after the current one, wrapping round; the first when the current is not listed."""
    if not names:
        return current
    if current not in names:
        return names[0]
    return names[(names.index(current) + 1) % len(names)]
