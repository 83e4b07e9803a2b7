"""config.toml: every bad key named and replaced by its default, the rest applied; one key saved in place."""

from __future__ import annotations

import tomllib
from datetime import date
from pathlib import Path

import pytest

from strongstride.model.config import Alerts, Config, Equipment, RunningWeek
from strongstride.model.problems import ProblemsFound
from tests.unit.config_files import loaded
from strongstride.services.library import load_exercise_library
from strongstride.store.config import load_config, save_config_values





def test_no_file_is_all_defaults_and_no_problems(tmp_path: Path) -> None:
    assert load_config(tmp_path / "missing.toml") == (Config(), [])


def test_every_key_is_read(config_file: Path) -> None:
    config, problems = loaded(config_file, """
schema = 1
units = "lb"
warmup_sets = false
body_weight = 150
default_rest_seconds = 120
theme = "strongstride-light"
plan = "marathon-base"
plan_started = 2026-10-05

[equipment]
barbell_increment = 20
machine_increment = 5
dumbbells = [25, 5, 15]
bar_weight = 35
plates = [10, 45, 25]
plate_pairs = [1, 4, 2]

[running]
long_run_days = ["saturday"]
hard_days = ["tuesday", "thursday"]
focus = "marathon"
race_date = 2027-04-18
not_running_until = 2026-12-01
""")
    assert problems == []
    assert config == Config(
        units="lb", warmup_sets=False, body_weight=150.0, default_rest_seconds=120, theme="strongstride-light",
        plan="marathon-base", plan_started=date(2026, 10, 5),
        equipment=Equipment(barbell_increment=20.0, machine_increment=5.0, dumbbells=(5.0, 15.0, 25.0),
                            bar_weight=35.0, plates=(45.0, 25.0, 10.0), plate_pairs=(4, 2, 1)),
        running=RunningWeek(long_run_days=("saturday",), hard_days=("tuesday", "thursday"), focus="marathon",
                            race_date=date(2027, 4, 18), not_running_until=date(2026, 12, 1)),
    )


def test_equipment_defaults_follow_the_units(config_file: Path) -> None:
    config, problems = loaded(config_file, 'units = "lb"\n[equipment]\nbar_weight = 35\n')
    assert problems == []
    expected = Equipment.defaults("lb")
    assert config.equipment.barbell_increment == expected.barbell_increment
    assert config.equipment.plates == expected.plates and config.equipment.bar_weight == 35.0


def test_each_bad_key_is_named_with_its_line_and_falls_back_alone(config_file: Path) -> None:
    config, problems = loaded(config_file, """units = "kg"
warmup_sets = "yes"
body_weight = 5
theme = "dark"
default_rest_seconds = 60

[equipment]
dumbells = [5]
plates = [20, "ten"]

[running]
long_run_days = ["sunday", "Funday"]
focus = "sprint"
race_date = "soon"
""")
    path = str(config_file)
    assert problems == [
        f"{path}:2: warmup_sets: must be true or false, not text",
        f"{path}:3: body_weight: must be a number 20-400 kg, not 5",
        f"{path}:8: equipment.dumbells: unknown key (did you mean 'dumbbells'?)",
        f"{path}:9: equipment.plates: item 2 must be a number 0.1-100 kg, not 'ten'",
        f"{path}:12: running.long_run_days: item 2 must be one of monday, tuesday, wednesday, thursday, "
        "friday, saturday, sunday, not 'Funday'",
        f"{path}:13: running.focus: must be one of short, middle, marathon, ultra, not 'sprint'",
        f"{path}:14: running.race_date: must be a date such as 2026-11-22, not text",
    ]
    defaults = Config()
    assert config.warmup_sets == defaults.warmup_sets and config.body_weight is None
    assert config.theme == "dark" and config.default_rest_seconds == 60
    assert config.equipment == Equipment.defaults("kg")
    assert config.running == RunningWeek()


def test_a_bad_unit_falls_back_to_kg_and_the_kg_limits(config_file: Path) -> None:
    config, problems = loaded(config_file, 'units = "stone"\nbody_weight = 70\n')
    assert config.units == "kg" and config.body_weight == 70.0
    assert problems == [f"{config_file}:1: units: must be one of kg, lb, not 'stone'"]


def test_plate_pairs_must_match_the_plates(config_file: Path) -> None:
    config, problems = loaded(config_file, "[equipment]\nplates = [20, 1.25]\nplate_pairs = [2]\n")
    assert config.equipment.plates == (20.0, 1.25) and config.equipment.plate_pairs == ()
    assert problems == [f"{config_file}:3: equipment.plate_pairs: must give one count for each of the 2 plate sizes"]


def test_a_table_that_is_not_a_table_is_reported(config_file: Path) -> None:
    config, problems = loaded(config_file, 'equipment = "home gym"\n')
    assert config.equipment == Equipment.defaults("kg")
    assert problems == [f"{config_file}:1: equipment: must be a table, not text"]


def test_a_syntax_error_gives_all_defaults_and_the_problem(config_file: Path) -> None:
    config, problems = loaded(config_file, 'units = "lb"\ntheme = \n')
    assert config == Config()
    assert len(problems) == 1 and problems[0].startswith(f"{config_file}:2: (file): TOML syntax")


# -- saving one key -------------------------------------------------------------------------

def test_saving_a_key_replaces_its_line_and_keeps_comments(config_file: Path) -> None:
    config_file.write_text('# my settings\nunits = "lb"  # pounds\ntheme = "dark"\n\n[running]\nfocus = "ultra"\n')
    save_config_values(config_file, {"theme": "strongstride-light"})
    assert config_file.read_text() == (
        '# my settings\nunits = "lb"  # pounds\ntheme = "strongstride-light"\n\n[running]\nfocus = "ultra"\n'
    )


def test_saving_a_new_key_puts_it_with_the_top_level_keys(config_file: Path) -> None:
    config_file.write_text('units = "kg"\n\n[running]\nfocus = "ultra"\n')
    save_config_values(config_file, {"plan_started": date(2026, 11, 23)})
    text = config_file.read_text()
    assert text.startswith('units = "kg"\nplan_started = 2026-11-23\n')
    config, problems = load_config(config_file)
    assert problems == [] and config.plan_started == date(2026, 11, 23) and config.running.focus == "ultra"


def test_saving_over_a_value_spread_over_lines_rewrites_the_document(config_file: Path) -> None:
    config_file.write_text('plan = [\n  "a",\n  "b",\n]\ntheme = "dark"\n')
    save_config_values(config_file, {"plan": "runner-foundation"})
    assert tomllib.loads(config_file.read_text()) == {"plan": "runner-foundation", "theme": "dark"}


def test_saving_to_a_missing_file_creates_it_with_the_schema(config_file: Path) -> None:
    config_file.unlink(missing_ok=True)
    save_config_values(config_file, {"theme": "strongstride-light"})
    assert tomllib.loads(config_file.read_text()) == {"schema": 1, "theme": "strongstride-light"}


def test_saving_to_a_broken_file_raises_and_leaves_it(config_file: Path) -> None:
    config_file.write_bytes(b'theme = "dark\n# unfinished')
    with pytest.raises(ProblemsFound):
        save_config_values(config_file, {"theme": "strongstride-light"})
    assert config_file.read_bytes() == b'theme = "dark\n# unfinished'


def test_known_sets_are_read_as_written(config_file: Path) -> None:
    from strongstride.model.config import KnownSet

    config, problems = loaded(config_file, """
[known]
back_squat = "100 kg x 5"
deadlift = { one_rep_max = 140 }
split_squat = "16 x 8 @ 8"
leg_press = { load = 120, reps = 10, rpe = 7.5 }
""")
    assert problems == []
    assert config.known == {
        "back_squat": KnownSet(100.0, 5), "deadlift": KnownSet(140.0, 1),
        "split_squat": KnownSet(16.0, 8, 8.0), "leg_press": KnownSet(120.0, 10, 7.5),
    }


def test_a_known_set_in_the_other_unit_is_converted(config_file: Path) -> None:
    config, problems = loaded(config_file, 'units = "lb"\n[known]\nback_squat = "100 kg x 5"\n')
    assert problems == [] and round(config.known["back_squat"].load, 1) == 220.5


@pytest.mark.parametrize(("line", "message"), [
    ('back_squat = "heavy"', 'known.back_squat: must be a set such as "100 kg x 5", "80 x 5 @ 8" or { one_rep_max = 120 }, not \'heavy\''),
    ('back_squat = "100 x 0"', "known.back_squat: reps must be a whole number 1-30, not 0"),
    ('back_squat = "100 x 5 @ 4"', "known.back_squat: RPE must be 6-10 in half steps, not 4"),
    ('back_squat = "2000 x 5"', "known.back_squat: load must be a number 0.1-1000 kg, not 2000"),
    ("back_squat = { one_rep_max = 120, reps = 3 }", "known.back_squat: give one_rep_max alone, or load and reps (and rpe)"),
    ("back_squat = 120", 'known.back_squat: must be a set such as "100 kg x 5", "80 x 5 @ 8" or { one_rep_max = 120 }, not 120'),
])
def test_a_bad_known_set_is_named_with_its_line_and_left_out(config_file: Path, line: str, message: str) -> None:
    config, problems = loaded(config_file, f"[known]\ndeadlift = \"140 x 1\"\n{line}\n")
    assert "back_squat" not in config.known and "deadlift" in config.known
    assert problems == [f"{config_file}:3: {message}"]


def test_an_increment_the_plates_cannot_make_is_a_problem(config_file: Path) -> None:
    # Plates of 20, 10, 5 and 2.5 change the bar by 5 kg at least: a 2.5 kg increment planned 82.5 kg it could not load.
    config, problems = loaded(config_file, "[equipment]\nplates = [20, 10, 5, 2.5]\nbarbell_increment = 2.5\n")
    assert problems == [f"{config_file}:3: equipment.barbell_increment: 2.5 kg can't be made with these plates: "
                        "the smallest step they make is 5 kg (a pair of 2.5); using 5 kg"]
    assert config.equipment.barbell_increment == 5.0
    _, unwritten = loaded(config_file, "[equipment]\nplates = [20, 10]\n")
    assert unwritten == [f"{config_file}:2: equipment.plates: the default barbell_increment 2.5 kg can't be made with "
                         "these plates: the smallest step they make is 20 kg (a pair of 10); using 20 kg"]


@pytest.mark.parametrize("relative", [False, True], ids=["absolute-link", "relative-link"])
def test_saving_through_a_symlinked_config_keeps_the_link_and_writes_its_target(
    config_file: Path, relative: bool,
) -> None:
    dotfiles = config_file.parent / "dotfiles"
    dotfiles.mkdir()
    target = dotfiles / "strongstride.toml"
    target.write_text('units = "kg"\ntheme = "dark"\n')
    config_file.unlink(missing_ok=True)
    config_file.symlink_to(Path("dotfiles/strongstride.toml") if relative else target)
    save_config_values(config_file, {"theme": "strongstride-light"})
    assert config_file.is_symlink()
    assert target.read_text() == 'units = "kg"\ntheme = "strongstride-light"\n'
    assert sorted(path.name for path in dotfiles.iterdir()) == ["strongstride.toml"]   # no temp file left


def test_saving_through_a_link_to_a_file_not_made_yet_creates_the_target(config_file: Path) -> None:
    target = config_file.parent / "dotfiles" / "strongstride.toml"
    config_file.unlink(missing_ok=True)
    config_file.symlink_to(target)
    save_config_values(config_file, {"theme": "strongstride-light"})
    assert config_file.is_symlink()
    assert tomllib.loads(target.read_text()) == {"schema": 1, "theme": "strongstride-light"}


def test_the_running_calendar_keys_are_read(config_file: Path) -> None:
    config, problems = loaded(config_file, """\
[running]
calendar = ["~/plans/runna.ics", "webcal://example.com/feed.ics"]
strength_before_long_run = true

[running.keywords]
long = ["LSR", "big day out"]
cross = ["padel"]
""")
    assert problems == []
    assert config.running.calendar == ("~/plans/runna.ics", "webcal://example.com/feed.ics")
    assert config.running.strength_before_long_run is True
    assert config.running.keywords == {"long": ("LSR", "big day out"), "cross": ("padel",)}
    single, _ = loaded(config_file, '[running]\ncalendar = "https://example.com/plan.ics"\n')
    assert single.running.calendar == ("https://example.com/plan.ics",)


def test_bad_calendar_keys_are_named_with_their_lines(config_file: Path) -> None:
    config, problems = loaded(config_file, """\
[running]
calendar = ["plans/runna.ics"]
strength_before_long_run = "yes"

[running.keywords]
lng = ["LSR"]
quality = "track"
""")
    path = config_file
    assert [str(problem) for problem in problems] == [
        f"{path}:2: running.calendar: item 1 must be a whole path, from / or ~, or an https or webcal address, "
        "not 'plans/runna.ics'",
        f"{path}:3: running.strength_before_long_run: must be true or false, not text",
        f"{path}:6: running.keywords.lng: unknown key (did you mean 'long'?)",
        f"{path}:7: running.keywords.quality: must be an array such as [1, 2]",
    ]
    assert config.running == RunningWeek()


def test_owned_kit_decides_what_can_be_done(config_file: Path) -> None:
    config, problems = loaded(config_file, '[equipment]\nowned = ["band", "dumbbell"]\n')
    assert problems == [] and config.equipment.owned == ("band", "dumbbell")
    assert [config.equipment.has(kind) for kind in ("bodyweight", "band", "dumbbell", "barbell")] == [True, True, True, False]


def test_no_owned_list_is_a_full_gym(config_file: Path) -> None:
    config, _ = loaded(config_file, "[equipment]\nbar_weight = 15\n")
    assert config.equipment.owned is None and config.equipment.has("barbell") and config.equipment.has("machine")


def test_unknown_kit_is_named(config_file: Path) -> None:
    config, problems = loaded(config_file, '[equipment]\nowned = ["band", "trampoline"]\n')
    assert config.equipment.owned is None
    assert len(problems) == 1 and problems[0].startswith(f"{config_file}:2: equipment.owned: item 2 must be one of barbell")

def test_the_end_of_rest_alerts_are_on_unless_turned_off(config_file: Path) -> None:
    assert Config().alerts == Alerts(bell=True, notification=True, flash=True)
    config, problems = loaded(config_file, "[alerts]\nbell = false\nflash = false\n")
    assert problems == [] and config.alerts == Alerts(bell=False, notification=True, flash=False)


def test_bad_alert_keys_are_named_with_their_lines_and_stay_on(config_file: Path) -> None:
    config, problems = loaded(config_file, '[alerts]\nbell = "off"\nnotification = 0\nflsh = false\n')
    assert problems == [
        f"{config_file}:2: alerts.bell: must be true or false, not text",
        f"{config_file}:3: alerts.notification: must be true or false, not a number",
        f"{config_file}:4: alerts.flsh: unknown key (did you mean 'flash'?)",
    ]
    assert config.alerts == Alerts()
    config, problems = loaded(config_file, 'alerts = true\n')
    assert problems == [f"{config_file}:1: alerts: must be a table, not true/false"] and config.alerts == Alerts()


def test_a_known_set_for_an_exercise_the_library_lacks_is_named_with_a_hint_and_left_out(config_file: Path) -> None:
    config_file.write_text('[known]\ndeadlift = "140 x 1"\nback-squat = "100 kg x 5"\n', encoding="utf-8")
    config, problems = load_config(config_file, load_exercise_library()[0])
    assert list(config.known) == ["deadlift"]
    assert [str(problem) for problem in problems] == [
        f"{config_file}:3: known.back-squat: no exercise has this id (did you mean 'back_squat'?)"
    ]


def test_a_known_set_written_by_the_exercise_s_name_is_pointed_to_its_id(config_file: Path) -> None:
    config_file.write_text('[known]\n"Split squat" = "16 x 8 @ 8"\n', encoding="utf-8")
    config, problems = load_config(config_file, load_exercise_library()[0])
    assert config.known == {} and [problem.message for problem in problems] == [
        "no exercise has this id (did you mean 'split_squat'?)"
    ]
