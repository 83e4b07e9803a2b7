"""Saving settings into config.toml: the runner's comments, blank lines, key order and symlinks survive."""

from __future__ import annotations

import tomllib
from datetime import date
from pathlib import Path

import pytest

from strongstride.model.problems import ProblemsFound
from strongstride.store.config import load_config, save_config_values

HAND_WRITTEN = """\
# My strongstride settings, kept in my dotfiles.
units = "kg"          # metric, always
theme = "dark"

# The gym at work.
[equipment]
owned = ["band"]      # just a band for now
bar_weight = 20

[running]
# Sunday club run.
long_run_days = ["sunday"]
focus = "middle"      # half marathon in spring
"""


def test_saving_nested_keys_keeps_every_comment_blank_line_and_key_order(config_file: Path) -> None:
    config_file.write_text(HAND_WRITTEN)
    save_config_values(config_file, {"equipment.owned": ["dumbbell"], "running.focus": "marathon"})
    assert config_file.read_text() == (HAND_WRITTEN
                                       .replace('owned = ["band"]', 'owned = ["dumbbell"]')
                                       .replace('focus = "middle"', 'focus = "marathon"'))


def test_a_key_the_table_lacks_is_added_to_it_and_a_missing_table_is_made(config_file: Path) -> None:
    config_file.write_text(HAND_WRITTEN)
    save_config_values(config_file, {"running.hard_days": ["tuesday"], "running.race_date": date(2027, 4, 18),
                                     "known.back_squat": "100 x 5"})
    text = config_file.read_text()
    assert text.startswith(HAND_WRITTEN.removesuffix("\n"))
    assert text.endswith('hard_days = ["tuesday"]\nrace_date = 2027-04-18\n\n[known]\nback_squat = "100 x 5"\n')
    config, problems = load_config(config_file)
    assert problems == []
    assert config.running.hard_days == ("tuesday",) and config.running.race_date == date(2027, 4, 18)
    assert config.running.long_run_days == ("sunday",) and config.equipment.owned == ("band",)


def test_none_removes_a_key_and_the_rest_stays(config_file: Path) -> None:
    config_file.write_text(HAND_WRITTEN)
    save_config_values(config_file, {"equipment.owned": None, "running.race_date": None})
    assert config_file.read_text() == HAND_WRITTEN.replace('owned = ["band"]      # just a band for now\n', "")
    assert load_config(config_file)[0].equipment.owned is None   # left out: a full gym


def test_a_dotted_key_written_inline_is_edited_where_it_stands(config_file: Path) -> None:
    config_file.write_text('equipment.owned = ["band"]   # mine\ntheme = "dark"\n')
    save_config_values(config_file, {"equipment.owned": ("band", "dumbbell")})
    assert config_file.read_text() == 'equipment.owned = ["band", "dumbbell"]   # mine\ntheme = "dark"\n'


def test_a_key_where_a_table_should_be_is_refused_and_the_file_left(config_file: Path) -> None:
    config_file.write_text('running = "often"\n')
    with pytest.raises(ProblemsFound, match="running: must be a table to hold focus"):
        save_config_values(config_file, {"running.focus": "ultra"})
    assert config_file.read_text() == 'running = "often"\n'


def test_a_broken_file_is_refused_for_a_nested_key_too_and_left_byte_for_byte(config_file: Path) -> None:
    config_file.write_bytes(b'[running]\nfocus = "ultra\n# unfinished')
    with pytest.raises(ProblemsFound) as refused:
        save_config_values(config_file, {"running.focus": "short"})
    assert "config.toml:2" in str(refused.value.problems[0])
    assert config_file.read_bytes() == b'[running]\nfocus = "ultra\n# unfinished'


def test_a_new_file_is_commented_and_reads_back_as_saved(config_file: Path) -> None:
    save_config_values(config_file, {"equipment.owned": [], "plan": "bodyweight-beginner", "running.focus": "short"})
    text = config_file.read_text()
    assert text.startswith("# strongstride's settings. Edit them by hand")
    assert "# the plan you train from" in text and "# short, middle, marathon or ultra" in text
    assert text.index('plan = "bodyweight-beginner"') < text.index("[equipment]")   # top-level keys before tables
    assert tomllib.loads(text) == {"schema": 1, "plan": "bodyweight-beginner", "equipment": {"owned": []},
                                   "running": {"focus": "short"}}


def test_saving_a_nested_key_through_a_symlink_keeps_the_link_and_the_comments(config_file: Path) -> None:
    target = config_file.parent / "dotfiles" / "strongstride.toml"
    target.parent.mkdir()
    target.write_text(HAND_WRITTEN)
    config_file.symlink_to(Path("dotfiles/strongstride.toml"))
    save_config_values(config_file, {"running.focus": "ultra"})
    assert config_file.is_symlink()
    assert target.read_text() == HAND_WRITTEN.replace('focus = "middle"', 'focus = "ultra"')
    assert sorted(path.name for path in target.parent.iterdir()) == ["strongstride.toml"]   # no temp file left


def test_a_failed_write_leaves_the_old_file(config_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    config_file.write_text(HAND_WRITTEN)

    def full_disk(*_: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full_disk)
    with pytest.raises(OSError):
        save_config_values(config_file, {"running.focus": "ultra"})
    assert config_file.read_text() == HAND_WRITTEN
    assert sorted(path.name for path in config_file.parent.iterdir()) == ["config.toml"]
