"""The plan a new runner's answers point to, and why in one line: body weight first, kit and experience after."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

from strongstride.model.config import Config
from strongstride.model.sources import SOURCE_TITLES

Experience = Literal["new", "some", "experienced"]
Kit = Literal["none", "bands", "dumbbells", "gym"]
EXPERIENCES: dict[Experience, str] = {
    "new": "New to strength work",
    "some": "Some: I have lifted before",
    "experienced": "Experienced: I lift with sound technique",
}
KITS: dict[Kit, str] = {
    "none": "None: my body weight",
    "bands": "Resistance bands",
    "dumbbells": "Dumbbells",
    "gym": "A full gym with bar and plates",
}
# The experience a plan in config was chosen for, so that setup run again keeps to it unless the runner says otherwise.
PLAN_EXPERIENCE: dict[str, Experience] = {"heavy-strength": "experienced", "runner-foundation": "some",
                                          "ultra-block": "some", "gym-circuit": "some"}
# What each answer owns, as exercise equipment names for [equipment] owned; None: a full gym (the key left out).
OWNED: dict[Kit, list[str] | None] = {"none": [], "bands": ["band"], "dumbbells": ["dumbbell"], "gym": None}


@dataclass(frozen=True)
class SetupAnswers:
    """What the first-run questions ask: strength experience, kit, the running week and a gentle start."""

    experience: Experience = "new"
    kit: Kit = "none"
    dumbbells: tuple[float, ...] = ()        # with kit "dumbbells": the weights the runner has
    focus: str = "middle"
    long_run_days: tuple[str, ...] = ("sunday",)
    hard_days: tuple[str, ...] = ()
    race_date: date | None = None
    gentle: bool = False                     # an older runner, or back from an injury


@dataclass(frozen=True)
class PlanChoice:
    """The plan the answers point to and the one line that says why, naming the article it follows."""

    plan_id: str
    reason: str


def choose_plan(answers: SetupAnswers) -> PlanChoice:
    """Gentle first, then body weight for the new or the kit-less, then the gym plan that fits the race distance."""
    if answers.gentle:
        return PlanChoice("gentle-start", "A gentle start: chair, wall and standing work, nothing on the floor. "
                          f"{SOURCE_TITLES['004']}: if you're 80 or 20, the body still responds to loading.")
    if answers.experience == "new":
        return PlanChoice("bodyweight-beginner", "New to strength work: balance and stability first, with your "
                          f"body weight, as {SOURCE_TITLES['003']} advises.")
    if answers.kit != "gym":
        return PlanChoice("bodyweight-beginner", "Without a bar, your body weight is the load; its harder "
                          f"variations follow the order of {SOURCE_TITLES['000']}: body weight, bands, then weights.")
    if answers.focus == "ultra":
        return PlanChoice("ultra-block", "For an ultra: build a strength base, then keep it with less while the "
                          f"miles climb, as {SOURCE_TITLES['000']} advises.")
    if answers.experience == "experienced" and answers.focus in ("short", "middle"):
        return PlanChoice("heavy-strength", "Experienced, racing short or middle distances: heavy sets of 3-5 reps, "
                          f"after {SOURCE_TITLES['002']}.")
    return PlanChoice("runner-foundation", "One set of 8-10 reps per exercise, twice a week, leaves the legs "
                      f"fresh to run, as {SOURCE_TITLES['004']} advises.")


def config_values(answers: SetupAnswers, choice: PlanChoice) -> dict[str, Any]:
    """The config.toml keys the answers set (dotted for tables); None removes a key a full gym leaves out."""
    values: dict[str, Any] = {
        "plan": choice.plan_id,
        "equipment.owned": OWNED[answers.kit],
        "running.focus": answers.focus,
        "running.long_run_days": list(answers.long_run_days),
        "running.hard_days": list(answers.hard_days),
        "running.race_date": answers.race_date,
    }
    if answers.kit == "dumbbells" and answers.dumbbells:
        values["equipment.dumbbells"] = sorted(answers.dumbbells)
    return values


def answers_from_config(config: Config) -> SetupAnswers:
    """The answers an existing config already gives, so that running setup again starts from them."""
    owned = config.equipment.owned
    kit: Kit = ("gym" if owned is None else "dumbbells" if "dumbbell" in owned else "bands" if "band" in owned
                else "none")
    running = config.running
    return SetupAnswers(
        experience=PLAN_EXPERIENCE.get(config.plan, "new"), kit=kit, dumbbells=config.equipment.dumbbells if owned is not None else (),
        focus=running.focus, long_run_days=running.long_run_days, hard_days=running.hard_days,
        race_date=running.race_date, gentle=config.plan == "gentle-start",
    )


def parse_weights(text: str) -> tuple[float, ...]:
    """Dumbbell weights as typed ("4, 8, 12.5"); ValueError names the one that is not a weight."""
    weights = []
    for word in text.replace(",", " ").split():
        try:
            weight = float(word)
        except ValueError:
            raise ValueError(f"{word!r} is not a weight: give numbers such as 4, 8, 12.5") from None
        if not weight > 0:
            raise ValueError(f"{word} is not a dumbbell's weight: give each above 0")
        weights.append(weight)
    return tuple(sorted(set(weights)))


def parse_race_date(text: str, today: date) -> date | None:
    """A race day typed as YYYY-MM-DD, or None when left empty; ValueError for another form or a day gone by."""
    if not text.strip():
        return None
    try:
        day = date.fromisoformat(text.strip())
    except ValueError:
        raise ValueError(f"{text.strip()!r} is not a date: write it as YYYY-MM-DD, such as 2027-04-18") from None
    if day < today:
        raise ValueError(f"{day:%d %B %Y} has passed: leave it empty if no race is planned")
    return day
