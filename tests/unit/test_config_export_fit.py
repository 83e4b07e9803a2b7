"""`export_fit_to` in config.toml: a whole folder path, `~` expanded; anything else named and left unset."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.unit.config_files import loaded


def test_a_folder_from_home_is_expanded(config_file: Path) -> None:
    config, problems = loaded(config_file, 'export_fit_to = "~/Garmin/NewFiles"\n')
    assert problems == [] and config.export_fit_to == Path.home() / "Garmin" / "NewFiles"


def test_unset_is_no_export(config_file: Path) -> None:
    config, problems = loaded(config_file, 'units = "kg"\n')
    assert problems == [] and config.export_fit_to is None


@pytest.mark.parametrize("value, says", [
    ('"garmin"', "must be a whole path, from / or ~, not 'garmin'"),
    ('""', 'must be a folder such as "~/Garmin/NewFiles"'),
    ("3", 'must be a folder such as "~/Garmin/NewFiles"'),
])
def test_a_bad_folder_is_named_with_its_line_and_nothing_is_exported(config_file: Path, value: str, says: str) -> None:
    config, problems = loaded(config_file, f'units = "lb"\nexport_fit_to = {value}\n')
    assert problems == [f"{config_file}:2: export_fit_to: {says}"]
    assert config.export_fit_to is None and config.units == "lb"
