"""The command line: only the command asked for is built, and it reads its options exactly as the whole parser does."""

from __future__ import annotations

import pytest

from strongstride.cli import COMMANDS, build_parser, command_asked_for


@pytest.mark.parametrize("argv", [
    [], ["stats"], ["stats", "--weeks", "3", "--plot"], ["--plan", "stats", "history", "--limit", "2"],
    ["--plan=heavy-strength", "next", "--session", "B", "--json"], ["import", "x.csv", "--from", "hevy", "--dry-run"],
    ["exercises", "plank"], ["check", "a.toml", "b.toml"], ["setup"],
])
def test_the_command_asked_for_reads_as_the_whole_parser_reads_it(argv: list[str]) -> None:
    assert build_parser(command_asked_for(argv)).parse_args(argv) == build_parser().parse_args(argv)


@pytest.mark.parametrize(("argv", "command"), [
    ([], None), (["--plan", "today"], None), (["--plan", "x", "today"], "today"), (["-h"], None),
    (["bogus"], None), (["week", "--why"], "week"),
])
def test_the_command_is_found_after_the_plan_option(argv: list[str], command: str | None) -> None:
    assert command_asked_for(argv) == command


def test_only_the_command_asked_for_gets_a_parser() -> None:
    listed = build_parser("stats").format_help()
    assert "adherence, personal records and volume" in listed
    assert not any(command.summary in listed for name, command in COMMANDS.items() if name != "stats")
    whole = build_parser().format_help()
    assert all(f"\n    {name} " in whole for name in COMMANDS)


def test_an_unknown_command_is_refused_with_every_command_named(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        build_parser(command_asked_for(["bogus"])).parse_args(["bogus"])
    error = capsys.readouterr().err
    assert "invalid choice: 'bogus'" in error and all(f"'{name}'" in error for name in COMMANDS)
