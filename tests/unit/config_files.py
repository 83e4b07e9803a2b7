"""Reading a config.toml written by a test."""

from __future__ import annotations

from pathlib import Path

from strongstride.model.config import Config
from strongstride.store.config import load_config


def loaded(path: Path, text: str) -> tuple[Config, list[str]]:
    path.write_text(text, encoding="utf-8")
    config, problems = load_config(path)
    return config, [str(problem) for problem in problems]
