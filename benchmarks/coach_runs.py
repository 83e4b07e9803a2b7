"""Months of sessions with the real coach: the plan's rotation day by day, each set done by a simulated lifter.

Every session is built as the app builds it (keeper.build_setup over a real history folder), driven
by the events a runner's keys make (WarmupDone, SetLogged, HoldCompleted, RestEnded, Finished) at
injected times, and filed in history, so the next session starts from what this one logged.
"""

from __future__ import annotations

import dataclasses
import tempfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path

from coach_figures import Figures, Reach, equipment_ladder, measure, outings_from_logs
from simulated_lifter import HOLD_SECONDS_PER_RPE, Lifter, TrueStrength, share_for_reps_to_failure

from strongstride.engine.events import Event, Finished, HoldCompleted, RestEnded, SetLogged, WarmupDone
from strongstride.engine.session import LiveSession
from strongstride.engine.session_state import SessionState, SetCard
from strongstride.engine.week import PastSession, session_muscles, suggest_day
from strongstride.services.keeper import build_setup
from strongstride.model.config import Config, Equipment, RunningWeek
from strongstride.model.exercise import Exercise
from strongstride.model.log import SessionLog
from strongstride.model.plan import Block, NumberRange, Plan
from strongstride.model.units import Unit, convert
from strongstride.store.history import HistoryStore

try:    # the reps the coach may ask past a plan's range; a commit from before the coach flexed them asks none
    from strongstride.engine.rep_flex import REP_FLEX, flex_bounds
except ImportError:
    REP_FLEX = 0

    def flex_bounds(allowed: NumberRange) -> tuple[int, int]:
        return int(allowed.low), int(allowed.high)

SESSION_TIME = time(18, 0)
SECONDS_PER_SET = 40          # time from the end of a rest to the set logged
START = date(2027, 1, 4)      # a Monday
WEEKLY_GROWTH = 0.005         # a growing lifter: half a percent a week, on every exercise
PLAN_START_RPE_BELOW_TARGET = 1.5   # the lifter finds the plan's start 1.5 RPE easier than its target
# 1RMs in kg (one dumbbell for the split squat and lunge) where a plan gives no start load: an
# intermediate marathon runner with a 100 kg 5RM back squat.
KNOWN_1RM_KG = {"back_squat": 116.0, "deadlift": 140.0, "split_squat": 30.0, "reverse_lunge": 30.0}
DEFAULT_1RM_KG = 40.0
# Where a plan leaves a number out (the lifter's strength is still needed): these stand in.
UNWRITTEN_RPE = 8.0
UNWRITTEN_REPS = 8
UNWRITTEN_HOLD_SECONDS = 20
_DEFAULTS_KG, _DEFAULTS_LB = Equipment.defaults("kg"), Equipment.defaults("lb")


@dataclass(frozen=True)
class SetUp:
    """One gym: its units and equipment, and a few words on what sets it apart."""

    name: str
    units: Unit
    equipment: Equipment
    about: str


SET_UPS: tuple[SetUp, ...] = (
    SetUp("kg-plates", "kg", dataclasses.replace(_DEFAULTS_KG, dumbbells=()),
          "2.5 kg plates on bars and loadable dumbbells, 5 kg machine stacks"),
    SetUp("lb-plates", "lb", dataclasses.replace(_DEFAULTS_LB, dumbbells=()),
          "5 lb steps on bars and loadable dumbbells, 10 lb machine stacks"),
    SetUp("limited-pairs", "kg", dataclasses.replace(_DEFAULTS_KG, barbell_increment=5.0, dumbbells=(),
                                                     plates=(20.0, 10.0, 5.0, 2.5), plate_pairs=(2, 1, 1, 1)),
          "a home bar: two pairs of 20 kg plates, one of 10, 5 and 2.5 kg (5 kg steps, at most 135 kg)"),
    SetUp("dumbbell-rack", "kg", _DEFAULTS_KG, "the default kg gym with its dumbbell rack (2-50 kg)"),
    SetUp("sparse-rack", "kg", dataclasses.replace(_DEFAULTS_KG, dumbbells=(4.0, 8.0, 12.0, 16.0, 20.0, 24.0, 32.0)),
          "dumbbells of 4, 8, 12, 16, 20, 24 and 32 kg only"),
    SetUp("10kg-stacks", "kg", dataclasses.replace(_DEFAULTS_KG, machine_increment=10.0),
          "machines whose pin moves 10 kg at a time"),
)


@dataclass(frozen=True)
class Scenario:
    """The months simulated: training weeks, a layoff after some of them, and a race near the end."""

    weeks: int = 16                 # weeks of training, the layoff not counted
    layoff_after: int = 8           # training weeks before the layoff
    layoff_weeks: int = 3
    race_week: int | None = 15      # the race is on the Saturday of this training week
    start: date = START

    @property
    def layoff(self) -> tuple[date, date] | None:
        """First day of the layoff and the first day back, or None when the run ends before it."""
        if self.layoff_weeks <= 0 or self.layoff_after >= self.weeks:
            return None
        first = self.start + timedelta(weeks=self.layoff_after)
        return first, first + timedelta(weeks=self.layoff_weeks)

    def calendar_week(self, training_week: int) -> int:
        """The 1-based calendar week of a training week, the layoff's weeks counted."""
        return training_week + (self.layoff_weeks if self.layoff and training_week > self.layoff_after else 0)

    @property
    def race_date(self) -> date | None:
        if self.race_week is None or self.race_week > self.weeks:
            return None
        return self.start + timedelta(weeks=self.calendar_week(self.race_week) - 1, days=5)

    def days(self) -> Iterator[date]:
        """Every day the lifter may train: the whole run but the layoff."""
        for offset in range(self.calendar_week(self.weeks) * 7):
            day = self.start + timedelta(days=offset)
            if self.layoff is None or not self.layoff[0] <= day < self.layoff[1]:
                yield day

    def running(self) -> RunningWeek:
        """A marathon runner's week: long run on Sunday, hard run on Wednesday, and the race."""
        return RunningWeek(long_run_days=("sunday",), hard_days=("wednesday",), focus="marathon",
                           race_date=self.race_date)


def _takes_load(block: Block, exercises: Mapping[str, Exercise]) -> bool:
    return exercises[block.exercise_id].is_loaded and block.prescription.load.kind not in ("bodyweight", "band")


def loaded_exercises(plan: Plan, exercises: Mapping[str, Exercise]) -> list[str]:
    """The plan's exercises done with an external load, in id order."""
    return sorted({b.exercise_id for t in plan.sessions for b in t.blocks if _takes_load(b, exercises)})


def lifter_for(plan: Plan, exercises: Mapping[str, Exercise], weekly_growth: float, since: date, seed: str) -> Lifter:
    """A lifter for whom each exercise's start in the plan is a little under its target effort."""
    strengths: dict[str, TrueStrength] = {}
    for template in plan.sessions:
        for block in template.blocks:
            if block.exercise_id in strengths:
                continue
            exercise, goal = exercises[block.exercise_id], block.prescription.rpe or UNWRITTEN_RPE
            reserve = 10.0 - goal + PLAN_START_RPE_BELOW_TARGET   # reps (or hold steps) left at the plan's start
            prescription = block.prescription
            if exercise.kind == "hold":
                low = prescription.hold_seconds.low if prescription.hold_seconds else UNWRITTEN_HOLD_SECONDS
                strengths[exercise.id] = TrueStrength("hold", low + reserve * HOLD_SECONDS_PER_RPE, weekly_growth)
            elif _takes_load(block, exercises):
                strengths[exercise.id] = TrueStrength("load", _one_rm_kg(plan, block, reserve), weekly_growth)
            else:
                low = prescription.reps.low if prescription.reps else UNWRITTEN_REPS
                strengths[exercise.id] = TrueStrength("reps", low + reserve, weekly_growth)
    return Lifter(strengths, since, seed)


def _one_rm_kg(plan: Plan, block: Block, reserve: float) -> float:
    """The true 1RM that makes the plan's start load the bottom of its rep range with `reserve` reps left."""
    load = block.prescription.load
    if load.kind != "absolute" or load.weight is None:
        return KNOWN_1RM_KG.get(block.exercise_id, DEFAULT_1RM_KG)
    reps = block.prescription.reps.low if block.prescription.reps else UNWRITTEN_REPS
    return convert(load.weight, plan.units, "kg") / share_for_reps_to_failure(reps + reserve)


def _lifted(card: SetCard) -> float | None:
    """The load on the bar or in the hand: what the plates make when they cannot make the target."""
    return card.plates.load if card.plates is not None else card.target.load


def set_event(card: SetCard, lifter: Lifter, day: date, at: datetime, unit: Unit) -> Event:
    """The lifter's set: a warm-up done as asked, or a work set done as hard as the true strength allows."""
    target = card.target
    load = _lifted(card)
    if card.kind == "warmup":
        return SetLogged(at, target.reps or 0, load)
    load_kg = None if load is None else convert(load, unit, "kg")
    effort = lifter.perform(card.exercise.id, day, target.reps, target.hold_seconds, load_kg)
    if card.is_hold:
        return HoldCompleted(at, effort.done, effort.reported_rpe)
    return SetLogged(at, effort.done, load, effort.reported_rpe)


def _next_event(state: SessionState, lifter: Lifter, at: datetime, unit: Unit) -> Event:
    if state.step == "warmup":
        return WarmupDone(at)
    if state.step == "rest" and state.rest is not None:
        return RestEnded(max(at, state.rest.started_at + timedelta(seconds=state.rest.seconds)))
    assert state.card is not None
    return set_event(state.card, lifter, at.date(), at, unit)


def do_session(session: LiveSession, lifter: Lifter) -> SessionLog:
    """The whole session as the lifter does it, every event at an injected time, then finished."""
    at, unit = session.setup.started_at, session.setup.config.units
    while (state := session.state).step != "done":
        at += timedelta(seconds=SECONDS_PER_SET)
        event = _next_event(state, lifter, at, unit)
        at = max(at, event.at)
        session.apply(event)
    session.apply(Finished(at))
    return session.to_log()


def simulate(plan: Plan, exercises: Mapping[str, Exercise], set_up: SetUp, lifter: Lifter,
             scenario: Scenario) -> list[SessionLog]:
    """Every session the week planner suggests over the scenario, done by the lifter; the logs, oldest first."""
    config = Config(units=set_up.units, equipment=set_up.equipment, plan=plan.id, plan_started=scenario.start,
                    running=scenario.running())
    logs: list[SessionLog] = []
    past: list[PastSession] = []
    with tempfile.TemporaryDirectory(prefix="coach-sim-") as folder:
        history = HistoryStore(Path(folder) / "data", Path(folder) / "cache")
        for day in scenario.days():
            suggestion = suggest_day(plan, exercises, config.running, config.plan_started, past, day)
            if not suggestion.train or suggestion.session_id is None:
                continue
            started_at = datetime.combine(day, SESSION_TIME)
            setup = build_setup(plan, suggestion.session_id, exercises, history, config, started_at,
                                suggestion.volume_factor)
            log = do_session(LiveSession(setup), lifter)
            history.save(log)
            logs.append(log)
            past.append(PastSession(started_at, plan.id, log.session_id,
                                    session_muscles(plan.session(log.session_id), exercises)))
    return logs


def reaches(plan: Plan, ladders: Mapping[str, tuple[float, ...]]) -> dict[str, Reach]:
    """Per loaded exercise: its loads, and the fewest and most reps any of the plan's blocks of it lets the coach ask
    (a range as far as the coach flexes it past its ends, engine/rep_flex.py; a fixed count as written)."""
    counts: dict[str, list[float]] = {}
    for template in plan.sessions:
        for block in template.blocks:
            allowed = block.prescription.reps
            if block.exercise_id in ladders and allowed is not None:
                ends = flex_bounds(allowed) if allowed.is_range else (allowed.low, allowed.high)
                counts.setdefault(block.exercise_id, []).extend(ends)
    return {e: Reach(ladders[e], int(min(c)), int(max(c))) for e, c in counts.items()}


def run_figures(plan: Plan, exercises: Mapping[str, Exercise], set_up: SetUp, scenario: Scenario, seed: str) -> Figures:
    """The plan on this set-up for a growing lifter (effort, distance, deloads) and a steady one (drift)."""
    ladders = {e: equipment_ladder(exercises[e], set_up.equipment, set_up.units) for e in loaded_exercises(plan, exercises)}
    runs = {}
    for name, growth in (("growing", WEEKLY_GROWTH), ("steady", 0.0)):
        lifter = lifter_for(plan, exercises, growth, scenario.start, f"{seed}/{plan.id}/{set_up.name}/{name}")
        runs[name] = outings_from_logs(simulate(plan, exercises, set_up, lifter, scenario), lifter, scenario.layoff,
                                       reaches(plan, ladders))
    return measure(runs["growing"], runs["steady"], ladders, scenario.layoff)
