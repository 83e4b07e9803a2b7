"""The live session: the runner's events folded, in order, over a session template.

The state is a pure function of (setup, events): undo drops the last event and folds again, and a
resumed session folds the events read back from disk. Nothing here reads a clock or a file.
"""

from __future__ import annotations

import copy
import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from strongstride.engine.autoregulation import next_set_target, offer_extra_set
from strongstride.engine.events import (
    Abandoned,
    Event,
    ExerciseSkipped,
    Finished,
    HoldCompleted,
    RestChanged,
    RestEnded,
    SetEdited,
    SetLogged,
    SetSkipped,
    VariationSwapped,
    WarmupDone,
)
from strongstride.engine.history_view import last_time_line
from strongstride.engine.plates import plates_per_side
from strongstride.engine.progression import plan_target_rpe, starting_target
from strongstride.engine.rpe import describe_rpe
from strongstride.engine.session_state import Progress, RestState, SessionState, SetCard, Step
from strongstride.engine.strength import estimated_strength
from strongstride.engine.target import SetTarget
from strongstride.engine.warmup import WarmupSet, ramp_before
from strongstride.model.config import Config
from strongstride.model.exercise import Exercise
from strongstride.model.kit import load_after_swap, within_reach
from strongstride.model.log import SessionLog, SetKind, SetLog, Side
from strongstride.model.moments import seconds_between
from strongstride.model.session_header import SessionHeader
from strongstride.model.plan import (
    Block,
    NumberRange,
    Plan,
    SessionTemplate,
)
from strongstride.model.units import MAX_LOAD_KG, convert, format_load

SET_EVENTS = (SetLogged, HoldCompleted, SetSkipped, SetEdited)   # what u takes back, the last first
WARMUP_SET_REST_SECONDS = 60
MAX_REPS = 100
MAX_REST_TAKEN_SECONDS = 24 * 3600   # a rest left running for days was not rest: history keeps a day at most
MAX_HOLD_SECONDS = 3600
MAX_NOTE_CHARS = 1000


class InvalidEvent(ValueError):
    """An event that does not fit the session now, or a logged value out of range; nothing changed."""


@dataclass(frozen=True)
class SessionSetup:
    """What a session is built from: the plan's template, the runner's history and settings."""

    plan: Plan
    template: SessionTemplate
    exercises: Mapping[str, Exercise]
    history: Sequence[SessionLog]
    config: Config
    started_at: datetime
    uid: str
    volume_factor: float = 1.0   # the phase's (and taper's) share of the written sets

    def header(self) -> SessionHeader:
        """The session's identity as saved in in-progress.toml, enough to rebuild the setup."""
        return SessionHeader(
            uid=self.uid, plan_id=self.plan.id, session_id=self.template.id, started_at=self.started_at,
            volume_factor=self.volume_factor, plan_path=None if self.plan.path is None else str(self.plan.path),
        )


@dataclass(eq=False)
class _BlockRun:
    """One block as the session goes: its exercise (maybe swapped), target and sets so far."""

    number: int                  # 1-based position in the session
    block: Block                 # with the sets scaled by the volume factor
    exercise: Exercise
    target: SetTarget
    sides: tuple[Side | None, ...]
    warmups: list[WarmupSet] = field(default_factory=list)
    warmups_done: int = 0
    work: list[SetLog] = field(default_factory=list)
    sets_completed: int = 0      # work or skipped, a set counting once both sides are done
    tests_done: int = 0          # test sets before the work sets: logged as work, not counted among the plan's sets
    next_side: int = 0           # index into sides of the side still to do in this set (or warm-up set)
    declined_extra: bool = False
    skipped: bool = False

    @property
    def planned_sets(self) -> int:
        return int(self.block.prescription.sets.low)

    @property
    def max_sets(self) -> int:
        return int(self.block.prescription.sets.high)

    @property
    def in_warmup(self) -> bool:
        return self.sets_completed == 0 and self.warmups_done < len(self.warmups)


def _with_plan_rpe(block: Block, plan: Plan) -> Block:
    """The block with the RPE it is coached to: its own, else the plan's most written one, every set alike."""
    if block.prescription.rpe is not None:
        return block
    return dataclasses.replace(block, prescription=dataclasses.replace(block.prescription, rpe=plan_target_rpe(block, plan)))


def _scaled(block: Block, volume_factor: float) -> Block:
    """The block with its sets scaled by the phase's volume factor (never below one set)."""
    sets = block.prescription.sets
    low = max(1, round(sets.low * volume_factor))
    high = max(low, round(sets.high * volume_factor))
    return dataclasses.replace(block, prescription=dataclasses.replace(block.prescription, sets=NumberRange(low, high)))


def _superset_groups(blocks: Sequence[Block]) -> list[list[int]]:
    """Consecutive blocks sharing a superset label form one group; every other block is alone."""
    groups: list[list[int]] = []
    for index, block in enumerate(blocks):
        if groups and block.superset and blocks[groups[-1][-1]].superset == block.superset:
            groups[-1].append(index)
        else:
            groups.append([index])
    return groups


def _check_rpe(rpe: float | None) -> None:
    if rpe is not None and not (1 <= rpe <= 10 and float(rpe * 2).is_integer()):
        raise InvalidEvent(f"RPE must be 1-10 in half steps, not {rpe:g}")


class _Fold:
    """The session's inner state, changed one event at a time (validation before any change)."""

    def __init__(self, setup: SessionSetup):
        self.setup = setup
        self.unit = setup.config.units
        self.equipment = setup.config.equipment
        blocks = [_scaled(_with_plan_rpe(b, setup.plan), setup.volume_factor) for b in setup.template.blocks]
        self.runs = [self._new_run(number, block, setup.exercises[block.exercise_id]) for number, block in enumerate(blocks, 1)]
        self.groups = _superset_groups(blocks)
        self.warmup_pending = setup.template.warmup is not None
        self.logged: list[SetLog] = []
        self.rest: RestState | None = None
        self.rest_after: int | None = None   # index in logged of the set the rest follows
        self.notice = ""
        self.finished_at: datetime | None = None
        self.note = ""
        self.abandoned = False

    # -- building blocks ---------------------------------------------------------------------
    def _new_run(self, number: int, block: Block, exercise: Exercise) -> _BlockRun:
        planned = self.setup.template.blocks[number - 1]
        exercise = within_reach(exercise, planned.prescription.load, self.setup.exercises[planned.exercise_id],
                                self.setup.exercises, self.equipment)
        per_side = exercise.unilateral if block.per_side is None else block.per_side
        target = starting_target(
            block, exercise, self.setup.plan, self.setup.history, self.equipment, self.unit,
            self.setup.started_at.date(), self.setup.config.known.get(exercise.id),
        )
        run = _BlockRun(number, block, exercise, target, ("left", "right") if per_side else (None,))
        run.warmups = self._warmup_sets(run)
        return run

    def _warmup_sets(self, run: _BlockRun) -> list[WarmupSet]:
        strength = estimated_strength(self.setup.history, run.exercise.id, self.unit, self.setup.started_at.date(),
                                      self.setup.config.known.get(run.exercise.id))
        return ramp_before(run.target, run.exercise, run.block, None if strength is None else strength.e1rm,
                           self.setup.config)

    # -- where we are ------------------------------------------------------------------------
    def extra_offered(self, run: _BlockRun) -> bool:
        return (
            not run.declined_extra
            and run.planned_sets <= run.sets_completed < run.max_sets
            and offer_extra_set(run.block, _counted_work(run))
        )

    def run_done(self, run: _BlockRun) -> bool:
        """Skipped, or every planned set (each side of it) done and no extra set offered."""
        if run.skipped:
            return True
        return run.next_side == 0 and run.sets_completed >= run.planned_sets and not self.extra_offered(run)

    def current_run(self) -> _BlockRun | None:
        """The block to work on: mid-set sides first, then the group's least-done block, in order."""
        for group in self.groups:
            open_runs = [self.runs[i] for i in group if not self.run_done(self.runs[i])]
            if open_runs:
                mid_set = [r for r in open_runs if r.next_side]
                return mid_set[0] if mid_set else min(open_runs, key=lambda r: r.sets_completed)
        return None

    def rest_of(self, run: _BlockRun) -> int:
        """The block's rest, or the runner's default rest where the plan gives none."""
        rest = run.block.prescription.rest_seconds
        return self.setup.config.default_rest_seconds if rest is None else rest

    def group_of(self, run: _BlockRun) -> list[_BlockRun]:
        return next([self.runs[i] for i in g] for g in self.groups if run.number - 1 in g)

    @property
    def over(self) -> bool:
        return self.finished_at is not None or self.abandoned

    def run_after_current(self) -> tuple[_Fold, _BlockRun] | None:
        """A copy of the fold moved past the current set, and the block it would be on."""
        ahead = copy.copy(self)
        ahead.runs = [dataclasses.replace(r, work=list(r.work)) for r in self.runs]
        ahead.logged, ahead.rest = list(self.logged), None
        current = ahead.current_run()
        if current is None:
            return None
        ahead._skip_set(current, self.setup.started_at)
        following = ahead.current_run()
        return None if following is None else (ahead, following)

    # -- events ------------------------------------------------------------------------------
    def apply(self, event: Event) -> None:
        if self.over:
            raise InvalidEvent("the session is over")
        if isinstance(event, Finished):
            self._end_rest(event.at)
            self.finished_at, self.note = event.at, event.note
            return
        if isinstance(event, Abandoned):
            self._end_rest(event.at)
            self.abandoned = True
            return
        if isinstance(event, WarmupDone):
            if not self.warmup_pending:
                raise InvalidEvent("there is no warm-up to finish")
            self.warmup_pending = False
            return
        if isinstance(event, RestChanged):
            if self.rest is None:
                raise InvalidEvent("no rest is running")
            self.rest = dataclasses.replace(self.rest, seconds=max(0, self.rest.seconds + event.delta_seconds))
            return
        if isinstance(event, RestEnded):
            if self.rest is None:
                raise InvalidEvent("no rest is running")
            self._end_rest(event.at)
            return
        if isinstance(event, SetEdited):
            self._edit(event)
            return
        run = self.current_run()
        if run is None:
            raise InvalidEvent("every set is done: finish the session")
        self._validate(event, run)
        self.warmup_pending = False   # starting the sets ends the general warm-up
        self._end_rest(event.at)
        self.notice = ""
        if isinstance(event, (SetLogged, HoldCompleted)):
            self._log(run, event)
        elif isinstance(event, SetSkipped):
            self._skip_set(run, event.at)
        elif isinstance(event, ExerciseSkipped):
            run.skipped = True
        elif isinstance(event, VariationSwapped):
            self._swap(run, event.direction)

    def _validate(self, event: Event, run: _BlockRun) -> None:
        if isinstance(event, SetLogged):
            if run.exercise.kind == "hold" and not run.in_warmup:
                raise InvalidEvent(f"{run.exercise.name} is a hold: log the seconds held")
            self._check_done(event.reps, False, event.load, event.rpe, event.note)
        if isinstance(event, HoldCompleted):
            if run.exercise.kind != "hold":
                raise InvalidEvent(f"{run.exercise.name} is done for reps, not held")
            self._check_done(event.seconds, True, None, event.rpe, event.note)
        if isinstance(event, VariationSwapped):
            link = run.exercise.easier if event.direction == "easier" else run.exercise.harder
            if link is None or link not in self.setup.exercises:
                raise InvalidEvent(f"{run.exercise.name} has no {event.direction} variation")
            if run.next_side:
                raise InvalidEvent("finish both sides of this set before swapping")

    def _check_done(self, count: int, is_hold: bool, load: float | None, rpe: float | None, note: str) -> None:
        """What a set says was done is in range: reps or seconds, load, RPE and note."""
        if is_hold and not 0 <= count <= MAX_HOLD_SECONDS:
            raise InvalidEvent(f"a hold must be 0-{MAX_HOLD_SECONDS} seconds, not {count}")
        if not is_hold and not 0 <= count <= MAX_REPS:
            raise InvalidEvent(f"reps must be 0-{MAX_REPS}, not {count}")
        limit = convert(MAX_LOAD_KG, "kg", self.unit)
        if load is not None and not 0 <= load <= limit:
            raise InvalidEvent(f"load must be 0-{limit:g} {self.unit}, not {load:g}")
        _check_rpe(rpe)
        if len(note) > MAX_NOTE_CHARS:
            raise InvalidEvent(f"a note must be at most {MAX_NOTE_CHARS} characters")

    def _edit(self, event: SetEdited) -> None:
        """Correct a logged set in place (the log and its exercise's work alike); what the coach planned stays."""
        if not 0 <= event.index < len(self.logged) or self.logged[event.index].skipped:
            raise InvalidEvent("there is no logged set there to edit")
        old = self.logged[event.index]
        is_hold = old.hold_seconds is not None and old.reps is None
        self._check_done(event.count, is_hold, event.load, event.rpe, event.note)
        self.logged[event.index] = _corrected(old, event, is_hold)
        for run in self.runs:   # the run's copy of the set may differ from the log's in its rest taken
            run.work[:] = [_corrected(done, event, is_hold) if _same_set(done, old) else done for done in run.work]

    def _end_rest(self, at: datetime) -> None:
        if self.rest is None:
            return
        if self.rest_after is not None:
            taken = min(MAX_REST_TAKEN_SECONDS, max(0, round(seconds_between(self.rest.started_at, at))))
            self.logged[self.rest_after] = dataclasses.replace(self.logged[self.rest_after], rest_seconds=taken)
        self.rest, self.rest_after = None, None

    def _log(self, run: _BlockRun, event: SetLogged | HoldCompleted) -> None:
        if run.in_warmup:
            warmup = run.warmups[run.warmups_done]
            self.logged.append(SetLog(
                exercise_id=run.exercise.id, exercise_name=run.exercise.name, set_number=run.warmups_done + 1,
                at=event.at, unit=self.unit, kind="warmup", side=run.sides[run.next_side], target_reps=warmup.reps,
                target_load=warmup.load, reps=getattr(event, "reps", None), load=getattr(event, "load", None),
                rpe=event.rpe, reason=f"Warm-up: {warmup.label}", note=event.note,
            ))
            if self._advance_warmup_side(run):
                self._start_rest(run, event.at, WARMUP_SET_REST_SECONDS)
            return
        done = SetLog(
            exercise_id=run.exercise.id, exercise_name=run.exercise.name,
            set_number=run.sets_completed + run.tests_done + 1,
            at=event.at, unit=self.unit, side=run.sides[run.next_side],
            # a test set's reps are a guide, not a target it can miss: the runner may load what they know instead
            target_reps=None if run.target.test else run.target.reps, target_load=run.target.load,
            target_hold=run.target.hold_seconds,
            target_rpe=run.target.rpe, reps=None if isinstance(event, HoldCompleted) else event.reps,
            load=None if isinstance(event, HoldCompleted) else event.load, rpe=event.rpe,
            hold_seconds=event.seconds if isinstance(event, HoldCompleted) else None, reason=run.target.reason, note=event.note,
        )
        self.logged.append(done)
        run.work.append(done)
        if self._advance_side(run):
            if run.target.test:     # a test set finds the load: the plan's sets come after it
                run.sets_completed, run.tests_done = run.sets_completed - 1, run.tests_done + 1
            run.target = next_set_target(run.block, run.exercise, run.target, run.work, self.equipment, self.unit)
            self.notice = self._variation_notice(run)
            self._start_rest(run, event.at, self._rest_seconds(run))
        elif done.load is not None and run.target.load is not None and done.load != run.target.load:
            run.target = _other_side_target(run, done.load, done)

    def _skip_set(self, run: _BlockRun, at: datetime) -> None:
        if run.in_warmup:
            self._advance_warmup_side(run)
            return
        if self.extra_offered(run) and run.next_side == 0:
            run.declined_extra = True
            return
        self.logged.append(SetLog(
            exercise_id=run.exercise.id, exercise_name=run.exercise.name,
            set_number=run.sets_completed + run.tests_done + 1,
            at=at, unit=self.unit, side=run.sides[run.next_side], target_reps=run.target.reps,
            target_load=run.target.load, target_hold=run.target.hold_seconds, target_rpe=run.target.rpe,
            reason=run.target.reason, skipped=True,
        ))
        self._advance_side(run)

    def _advance_side(self, run: _BlockRun) -> bool:
        """Move to the other side, or close the set; True when a whole set (every side) is done."""
        if not _next_side(run):
            return False
        run.sets_completed += 1
        return True

    def _advance_warmup_side(self, run: _BlockRun) -> bool:
        """Move to the other side of a warm-up set, or close it; True when every side of it is done."""
        if not _next_side(run):
            return False
        run.warmups_done += 1
        return True

    def _swap(self, run: _BlockRun, direction: str) -> None:
        new_id = run.exercise.easier if direction == "easier" else run.exercise.harder
        if new_id is None:
            raise ValueError(f"{run.exercise.name} has no {direction} variation")
        exercise = self.setup.exercises[new_id]
        block = run.block
        planned = self.setup.template.blocks[run.number - 1]
        load = load_after_swap(planned.prescription.load, self.setup.exercises[planned.exercise_id], exercise)
        block = dataclasses.replace(block, prescription=dataclasses.replace(block.prescription, load=load))
        note = planned.note if new_id == planned.exercise_id else ""   # the plan's note is about its own exercise
        block = dataclasses.replace(block, exercise_id=new_id, note=note)
        swapped = self._new_run(run.number, block, exercise)
        swapped.sets_completed = run.sets_completed
        swapped.work = run.work
        self.runs[run.number - 1] = swapped

    def _variation_notice(self, run: _BlockRun) -> str:
        direction = run.target.offer_variation
        if direction is None:
            return ""
        link = run.exercise.easier if direction == "easier" else run.exercise.harder
        if link is None or link not in self.setup.exercises:
            return ""
        return f"Try the {direction} variation: {self.setup.exercises[link].name} (press v)"

    def _rest_seconds(self, run: _BlockRun) -> int | None:
        """The block's rest; in a superset only after the round (every exercise once)."""
        group = self.group_of(run)
        following = self.current_run()
        if following is None:
            return None
        if following in group and following is not run and following.sets_completed < run.sets_completed:
            return None
        return max(self.rest_of(r) for r in group)

    def _start_rest(self, run: _BlockRun, at: datetime, seconds: int | None) -> None:
        if seconds is None or self.current_run() is None:
            return
        self.rest = RestState(at, seconds)
        self.rest_after = len(self.logged) - 1


def _counted_work(run: _BlockRun) -> list[SetLog]:
    """The block's work sets after its test sets, numbered from 1 as the plan counts them."""
    return [dataclasses.replace(s, set_number=s.set_number - run.tests_done) for s in run.work if s.set_number > run.tests_done]


def _corrected(done: SetLog, event: SetEdited, is_hold: bool) -> SetLog:
    """The set as the correction says it was done."""
    if is_hold:
        return dataclasses.replace(done, hold_seconds=event.count, rpe=event.rpe, note=event.note)
    return dataclasses.replace(done, reps=event.count, load=event.load, rpe=event.rpe, note=event.note)


def _same_set(a: SetLog, b: SetLog) -> bool:
    """The same set, whatever rest was recorded after it."""
    return (a.exercise_id, a.kind, a.set_number, a.side, a.at) == (b.exercise_id, b.kind, b.set_number, b.side, b.at)


def _next_side(run: _BlockRun) -> bool:
    """Step to the run's next side; True when the last side is done and the next set starts on the first."""
    run.next_side += 1
    if run.next_side < len(run.sides):
        return False
    run.next_side = 0
    return True


def _other_side_target(run: _BlockRun, load: float, done: SetLog) -> SetTarget:
    """The other side of a set at the load the first side was just lifted with, so both sides match."""
    side = str(run.sides[run.next_side]).capitalize()
    return dataclasses.replace(run.target, load=load, reason=f"{side} side at the {done.side} side's {format_load(load, done.unit)}")


def _set_card(fold: _Fold, run: _BlockRun) -> SetCard:
    """The card for the run's next set (a warm-up set while its ramp lasts)."""
    kind: SetKind
    if run.in_warmup:
        warmup = run.warmups[run.warmups_done]
        target = SetTarget(reps=warmup.reps, load=warmup.load, reason=f"Warm-up before {run.target.load:g} {fold.unit}: {warmup.label}")
        number, count, count_max, kind = run.warmups_done + 1, len(run.warmups), len(run.warmups), "warmup"
    else:
        target, kind = run.target, "work"
        number, count = (run.tests_done if target.test else run.sets_completed) + 1, run.planned_sets
        count_max = run.max_sets
    prescription = run.block.prescription
    plates = plates_per_side(target.load, fold.equipment, fold.unit) if run.exercise.equipment == "barbell" and target.load else None
    return SetCard(
        exercise=run.exercise, kind=kind, set_number=number, set_count=count, set_count_max=count_max,
        exercise_number=run.number, exercise_count=len(fold.runs), side=run.sides[run.next_side],
        target=target, rpe_meaning=describe_rpe(target.rpe, hold=run.exercise.kind == "hold") if target.rpe is not None else "",
        last_time=last_time_line(fold.setup.history, run.exercise.id, fold.unit), plates=plates,
        unit=fold.unit, rest_seconds=fold.rest_of(run), tempo=prescription.tempo,
        superset=run.block.superset, extra_set=kind == "work" and run.sets_completed >= run.planned_sets,
        note=run.block.note, band=prescription.load.band if prescription.load.kind == "band" else None,
        test_ramp=kind == "work" and target.test,
    )


class LiveSession:
    """The session a runner is doing now: apply events, undo the last, read the state to show."""

    def __init__(self, setup: SessionSetup, events: Sequence[Event] = ()):
        self.setup = setup
        self._events: list[Event] = []
        self._fold = _Fold(setup)
        self._state: SessionState | None = None   # worked out once per event, on first read
        for event in events:
            self.apply(event)

    @property
    def events(self) -> tuple[Event, ...]:
        return tuple(self._events)

    def apply(self, event: Event) -> SessionState:
        """Fold one event in; InvalidEvent (with the reason) leaves the session as it was."""
        self._fold.apply(event)
        self._events.append(event)
        self._state = None
        return self.state

    def undo(self) -> Event | None:
        """Drop the last event and fold the rest again; returns what was undone."""
        if not self._events:
            return None
        undone = self._events.pop()
        self._state = None
        self._fold = _Fold(self.setup)
        for event in self._events:
            self._fold.apply(event)
        return undone

    def undo_last_set(self) -> Event | None:
        """Undo back to and including the last logged or skipped set (rest changes with it)."""
        if not any(isinstance(e, SET_EVENTS) for e in self._events):
            return None
        while (undone := self.undo()) is not None and not isinstance(undone, SET_EVENTS):
            pass
        return undone

    @property
    def state(self) -> SessionState:
        """What the screens show; the same object until the next event or undo."""
        if self._state is None:
            self._state = self._work_out_state()
        return self._state

    def _work_out_state(self) -> SessionState:
        fold = self._fold
        run = None if fold.over else fold.current_run()
        step: Step = "done" if run is None else "warmup" if fold.warmup_pending else "rest" if fold.rest else "set"
        return SessionState(
            step=step,
            card=_set_card(fold, run) if run else None,
            rest=fold.rest,
            warmup=self.setup.template.warmup if fold.warmup_pending else None,
            progress=self._progress(),
            logged=tuple(fold.logged),
            up_next=self._up_next(run),
            notice=fold.notice,
            finished=fold.finished_at is not None,
            abandoned=fold.abandoned,
        )

    def to_log(self, finished_at: datetime | None = None) -> SessionLog:
        """The session as it goes to history."""
        fold, setup = self._fold, self.setup
        return SessionLog(
            id=setup.uid, plan_id=setup.plan.id, session_id=setup.template.id,
            started_at=setup.started_at, finished_at=fold.finished_at or finished_at,
            plan_name=setup.plan.name, session_name=setup.template.name, unit=fold.unit,
            sets=tuple(fold.logged), note=fold.note, abandoned=fold.abandoned,
        )

    def _progress(self) -> Progress:
        fold = self._fold
        planned = sum(max(r.planned_sets, r.sets_completed) * len(r.sides) for r in fold.runs if not r.skipped)
        done = sum(1 for s in fold.logged if s.kind == "work")
        left = tuple(
            (r.exercise.name, (r.planned_sets - r.sets_completed) * len(r.sides) - r.next_side)
            for r in fold.runs if not r.skipped and r.sets_completed < r.planned_sets
        )
        return Progress(
            sets_done=done, sets_planned=max(planned, done),
            exercises_done=sum(1 for r in fold.runs if fold.run_done(r)), exercise_count=len(fold.runs),
            left=left, exercises_skipped=sum(1 for r in fold.runs if r.skipped),
        )

    def _up_next(self, run: _BlockRun | None) -> str:
        """What comes after the current step, in a few words."""
        if run is None:
            return ""
        fold = self._fold
        if fold.warmup_pending or fold.rest:
            return f"{run.exercise.name}, {_set_card(fold, run).position}"
        following = fold.run_after_current()
        if following is None:
            return "then the session is done"
        ahead, following_run = following
        return f"then {following_run.exercise.name}, {_set_card(ahead, following_run).position}"
