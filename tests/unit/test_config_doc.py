"""The config example in docs/config.md is a config the app reads without a single problem."""

from __future__ import annotations

import re
from pathlib import Path

from strongstride.store.config import load_config

DOC = Path(__file__).resolve().parents[2] / "docs" / "config.md"


def test_the_documented_example_is_read_without_problems(tmp_path):
    example = re.search(r"```toml\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S).group(1)
    path = tmp_path / "config.toml"
    path.write_text(example, encoding="utf-8")
    config, problems = load_config(path)
    assert problems == []
    assert config.running.long_run_days == ("sunday",) and config.default_rest_seconds == 90
    assert config.equipment.plate_pairs == (2, 2, 1, 1, 1, 1, 1)
