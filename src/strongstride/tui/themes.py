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
from strongstride.model.toml_file import parse_toml_text, read_toml_text
from strongstride.model.toml_reader import KeyReader, flag, exactly, not_clause

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


def variable_problems(variables: Mapping[str, str]) -> dict[str, str]:
    """Each `[variables]` entry Textual would refuse (its CSS parsing fails and the app stops), with what is wrong."""
    problems = {}
    for name, value in variables.items():
        if name not in textual_variables():
            problems[name] = "is not one of Textual's theme variables (such as footer-key-foreground)"
            continue
        refused = next((prop for prop in _uses(name) if not css_accepts(prop, value)), None)
        if refused is not None:
            example = textual_variables()[name]
            problems[name] = f"must be {_CSS_USES[refused]} such as {example!r}, not {value!r}"
    return problems


THEME_KEYS = ("schema", "name", "dark", *THEME_COLOURS, "variables")


def _theme_name(value: Any) -> str:
    if not isinstance(value, str) or not _THEME_NAME.fullmatch(value):
        raise ValueError("must be lower-case letters, digits, - or _ (such as my-gym)")
    return value


def _hex_colour(value: Any) -> str:
    if not (isinstance(value, str) and _HEX_COLOUR.fullmatch(value)):
        raise ValueError(f"must be a hex colour such as #4FA3E0{not_clause(value)}")
    return value


def _text_values(value: Any) -> dict[str, str]:
    if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
        raise ValueError("must be a table of text values")
    return value


def parse_theme(document: dict[str, Any], path: Path | str, source: str | None = None) -> tuple[Theme | None, list[Problem]]:
    """A parsed theme file as a Theme, or every problem that stops it being one (with lines when the text is given)."""
    reader = KeyReader(path, source)
    reader.check_keys(document, (), THEME_KEYS)
    reader.get(document, (), "schema", exactly(1), 1)
    name = reader.get(document, (), "name", _theme_name, "")
    for key, what in (("name", "lower-case letters, digits, - or _ (such as my-gym)"), ("primary", "a hex colour such as #4FA3E0")):
        if key not in document:
            reader.problem((key,), f"is required: {what}")
    dark = reader.get(document, (), "dark", flag, True)
    colours = {key: reader.get(document, (), key, _hex_colour, "") for key in THEME_COLOURS if key in document}
    variables: dict[str, str] = reader.get(document, (), "variables", _text_values, {})
    for name_of_variable, problem in variable_problems(variables).items():
        reader.problem(("variables", name_of_variable), problem)
    if reader.problems:
        return None, sorted(reader.problems, key=lambda problem: problem.line or 0)
    return Theme(name=name, dark=dark, variables=dict(variables), **cast(dict[str, Any], colours)), []


def load_theme_file(path: Path) -> tuple[Theme | None, list[Problem]]:
    """One theme file read and parsed; unreadable or invalid files give problems, not exceptions."""
    try:
        text = read_toml_text(path)
        document = parse_toml_text(text, path)
    except ProblemsFound as found:
        return None, found.problems
    return parse_theme(document, path, text)


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


def load_kept_themes(folders: Sequence[Path]) -> tuple[list[Theme], list[Problem]]:
    """load_themes, kept parsed in the cache folder until a theme file, this code or Textual changes.

    Themes with a problem are never kept: they are read, and their problems found, every time.
    """
    import textual.theme

    from strongstride.store.parsed_cache import entry_key, file_stamp, folder_stamp, kept_or_parsed

    key = entry_key(file_stamp(Path(__file__)), file_stamp(Path(textual.theme.__file__)),
                    *(folder_stamp(folder) for folder in folders))
    return kept_or_parsed("themes", key, list, lambda: load_themes(folders))
