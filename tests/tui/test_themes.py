"""Theme files: the bundled three parse, broken user themes are reported and skipped, `t` cycles."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from strongstride import resources
from strongstride.tui.themes import DEFAULT_THEME, load_theme_file, load_themes, next_theme_name, parse_theme
from tests.tui.app_fixtures import make_app

GOOD_THEME = """\
schema = 1
name = "my-gym"
dark = false
primary = "#112233"
background = "#fff"

[variables]
footer-key-foreground = "#112233"
"""


def test_the_bundled_themes_are_a_dark_default_a_light_one_and_a_colour_blind_safe_one() -> None:
    themes, problems = load_themes([resources.bundled_dir("themes")])
    assert problems == []
    by_name = {theme.name: theme for theme in themes}
    assert set(by_name) == {"strongstride-dark", "strongstride-light", "strongstride-colorblind"}
    assert DEFAULT_THEME in by_name and by_name[DEFAULT_THEME].dark
    assert not by_name["strongstride-light"].dark
    # Colour-blind safe: success is not green and error is not pure red (Okabe-Ito blue and vermillion).
    assert by_name["strongstride-colorblind"].success == "#56B4E9"
    assert by_name["strongstride-colorblind"].error == "#D55E00"


def test_a_theme_file_becomes_a_textual_theme_with_its_variables(tmp_path: Path) -> None:
    path = tmp_path / "my-gym.toml"
    path.write_text(GOOD_THEME, encoding="utf-8")
    theme, problems = load_theme_file(path)
    assert problems == []
    assert theme is not None
    assert (theme.name, theme.dark, theme.primary, theme.background) == ("my-gym", False, "#112233", "#fff")
    assert theme.variables == {"footer-key-foreground": "#112233"}


@pytest.mark.parametrize(
    ("document", "key", "fragment"),
    [
        ({"name": "x"}, "primary", "is required"),
        ({"name": "x", "primary": "blue"}, "primary", "hex colour"),
        ({"name": "x", "primary": "#123", "error": "#12345"}, "error", "hex colour"),
        ({"name": "Has Spaces", "primary": "#123"}, "name", "lower-case"),
        ({"primary": "#123"}, "name", "lower-case"),
        ({"name": "x", "primary": "#123", "dark": "yes"}, "dark", "true or false"),
        ({"name": "x", "primary": "#123", "variables": {"a": 1}}, "variables", "text values"),
        ({"schema": 2, "name": "x", "primary": "#123"}, "schema", "must be 1"),
    ],
)
def test_each_mistake_in_a_theme_names_its_key(document: dict, key: str, fragment: str) -> None:
    theme, problems = parse_theme(document, "themes/x.toml")
    assert theme is None
    assert [p.key_path for p in problems] == [key]
    assert fragment in problems[0].message
    assert str(problems[0].path) == "themes/x.toml"


def test_broken_user_themes_are_reported_and_skipped_while_good_ones_load(tmp_path: Path) -> None:
    user = tmp_path / "themes"
    user.mkdir()
    (user / "good.toml").write_text(GOOD_THEME, encoding="utf-8")
    (user / "syntax.toml").write_text('name = "broken\n', encoding="utf-8")
    (user / "colour.toml").write_text('name = "c"\nprimary = "[red]x[/]"\n', encoding="utf-8")
    themes, problems = load_themes([resources.bundled_dir("themes"), user, tmp_path / "missing"])
    names = {theme.name for theme in themes}
    assert "my-gym" in names and "strongstride-dark" in names and "c" not in names
    assert sorted(Path(p.path).name for p in problems) == ["colour.toml", "syntax.toml"]
    syntax = next(p for p in problems if Path(p.path).name == "syntax.toml")
    assert syntax.line == 1 and "TOML syntax" in syntax.message


def test_a_user_theme_with_a_bundled_name_takes_its_place(tmp_path: Path) -> None:
    user = tmp_path / "themes"
    user.mkdir()
    (user / "mine.toml").write_text('name = "strongstride-dark"\nprimary = "#ABCDEF"\n', encoding="utf-8")
    themes, _ = load_themes([resources.bundled_dir("themes"), user])
    dark = [theme for theme in themes if theme.name == "strongstride-dark"]
    assert [theme.primary for theme in dark] == ["#ABCDEF"]


def test_next_theme_name_cycles_and_wraps() -> None:
    names = ["a", "b", "c"]
    assert next_theme_name(names, "a") == "b"
    assert next_theme_name(names, "c") == "a"
    assert next_theme_name(names, "textual-dark") == "a"
    assert next_theme_name([], "a") == "a"


def saved_config(tmp_path: Path) -> dict:
    return tomllib.loads((tmp_path / "config" / "config.toml").read_text(encoding="utf-8"))


async def test_the_app_starts_on_the_dark_theme_and_t_cycles_and_saves_the_choice(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = make_app(tmp_path, monkeypatch, history=False)
    async with app.run_test() as pilot:
        assert app.theme == DEFAULT_THEME
        seen = [app.theme]
        for _ in range(len(app.theme_names)):
            await pilot.press("t")
            seen.append(app.theme)
            assert saved_config(tmp_path)["theme"] == app.theme
        assert seen[-1] == DEFAULT_THEME
        assert set(seen) == {"strongstride-dark", "strongstride-light", "strongstride-colorblind"}


async def test_a_theme_picked_in_the_command_palette_is_saved_too(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = make_app(tmp_path, monkeypatch, history=False)
    async with app.run_test() as pilot:
        await pilot.press("ctrl+p")
        await pilot.press(*"theme", "enter")        # the built-in "Theme" command opens the theme list
        await pilot.press(*"colorblind", "enter")
        await pilot.pause()
        assert app.theme == "strongstride-colorblind"
    assert saved_config(tmp_path)["theme"] == "strongstride-colorblind"


async def test_the_saved_theme_is_used_at_start(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = make_app(tmp_path, monkeypatch, history=False, config_text='schema = 1\ntheme = "strongstride-light"\n')
    async with app.run_test():
        assert app.theme == "strongstride-light"
        assert not app.current_theme.dark


async def test_an_unknown_saved_theme_falls_back_to_the_default(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = make_app(tmp_path, monkeypatch, history=False, config_text='schema = 1\ntheme = "gone"\n')
    async with app.run_test():
        assert app.theme == DEFAULT_THEME
        notes = [note.message for note in app._notifications]
        assert any("'gone'" in note and "not installed" in note for note in notes)


async def test_user_themes_join_the_cycle_and_a_broken_one_is_notified_not_fatal(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    themes = tmp_path / "config" / "themes"
    themes.mkdir(parents=True)
    (themes / "good.toml").write_text(GOOD_THEME, encoding="utf-8")
    (themes / "bad.toml").write_text('name = "[b]bad"\nprimary = "#000"\n', encoding="utf-8")
    app = make_app(tmp_path, monkeypatch, history=False)
    async with app.run_test() as pilot:
        await pilot.pause()
        assert "my-gym" in app.theme_names and "my-gym" in app.available_themes
        notes = [note.message for note in app._notifications]
        assert any("bad.toml" in note and "name" in note for note in notes)
        assert any(Path(problem.path).resolve() == (themes / "bad.toml").resolve() for problem in app.state.problems)


@pytest.mark.parametrize(
    ("name", "value", "why"),
    [
        ("footer-key-foreground", "notacolour", "must be a colour such as '#4FA3E0', not 'notacolour'"),
        ("footer-key-foreground", "$accent", "must be a colour"),
        ("footer-key-foreground", "{", "must be a colour"),
        ("footer-key-foreground", "red; } Screen { color: red", "must be a colour"),
        ("footer-key-foreground", "bold", "must be a colour"),
        ("block-cursor-text-style", "#fff", "must be a text style such as 'bold', not '#fff'"),
        ("footer-key-forground", "#fff", "is not one of Textual's theme variables"),
    ],
)
def test_a_theme_variable_textual_would_refuse_is_a_problem_naming_file_key_and_why(
        name: str, value: str, why: str) -> None:
    theme, problems = parse_theme({"name": "x", "primary": "#123", "variables": {name: value}}, "themes/x.toml")
    assert theme is None
    assert [(str(p.path), p.key_path) for p in problems] == [("themes/x.toml", f"variables.{name}")]
    assert why in problems[0].message


ODD_BUT_GOOD_THEME = """\
schema = 1
name = "odd-gym"
primary = "#112233"

[variables]
footer-key-foreground = "ansi_red"
footer-background = "red 50%"
text = "auto 87%"
block-cursor-text-style = "b reverse"
"""


async def test_a_theme_with_a_bad_variable_is_reported_and_the_default_is_used_and_never_reached_by_t(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A bad `[variables]` value stopped the app at start (CSS parsing failed), or when `t` reached the theme."""
    themes = tmp_path / "config" / "themes"
    themes.mkdir(parents=True)
    (themes / "bad.toml").write_text(GOOD_THEME.replace('"#112233"\n', '"notacolour"\n'), encoding="utf-8")
    (themes / "odd.toml").write_text(ODD_BUT_GOOD_THEME, encoding="utf-8")
    app = make_app(tmp_path, monkeypatch, history=False, config_text='schema = 1\ntheme = "my-gym"\n')
    async with app.run_test() as pilot:
        await pilot.pause()
        assert app.theme == DEFAULT_THEME and "my-gym" not in app.theme_names
        notes = [note.message for note in app._notifications]
        assert any("bad.toml" in note and "variables.footer-key-foreground" in note and "'notacolour'" in note
                   for note in notes)
        assert any("variables.footer-key-foreground" in problem.key_path for problem in app.state.problems)
        seen = set()
        for _ in range(len(app.theme_names)):
            await pilot.press("t")
            await pilot.pause()
            seen.add(app.theme)
        assert "odd-gym" in seen and app.theme == DEFAULT_THEME


def test_a_theme_file_problem_names_its_line_and_unknown_keys_like_every_other_file(tmp_path: Path) -> None:
    path = tmp_path / "typo.toml"
    path.write_text('name = "typo"\nprimary = "#123"\nsecundary = "#456"\nerror = "red"\n', encoding="utf-8")
    theme, problems = load_theme_file(path)
    assert theme is None
    assert [str(p) for p in problems] == [
        f"{path}:3: secundary: unknown key (did you mean 'secondary'?)",
        f"{path}:4: error: must be a hex colour such as #4FA3E0, not 'red'",
    ]
