"""A plan explained before it starts: what it is for, how often, the kit it needs (and lacks), the article it follows."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from strongstride.model.config import Equipment
from strongstride.model.exercise import Exercise
from strongstride.model.kit import KitNeed, kit_name, missing_kit, missing_kit_list, plan_needs
from strongstride.model.plan import Plan
from strongstride.model.sources import name_sources

NO_EQUIPMENT = "nothing but your body weight"


@dataclass(frozen=True)
class PlanAbout:
    """What `plans` prints and the plan picker shows about one plan, worked out once for both."""

    name: str
    description: str                 # one paragraph, the file's line breaks and indents folded
    level: str
    sessions_per_week: int
    needs: tuple[KitNeed, ...]
    missing: tuple[KitNeed, ...]     # the needs the runner's kit does not meet
    follows: str                     # the plan's source, each "seed 00N" named by the article's title
    sessions: tuple[tuple[str, str, tuple[str, ...]], ...]   # (id, name, exercise names)

    @property
    def needs_words(self) -> str:
        """ "barbell, dumbbell" or "nothing but your body weight"."""
        return ", ".join(kit_name(need.kind) for need in self.needs) or NO_EQUIPMENT

    @property
    def kit_words(self) -> str:
        """Whether the runner has the kit: "you have it all", or what is missing and which exercises need it."""
        if not self.needs:
            return "nothing to get"
        return f"missing {missing_kit_list(list(self.missing))}" if self.missing else "you have it all"

    def rows(self) -> list[tuple[str, str]]:
        """The plan as labelled rows, for a screen: ("Level", "beginner"), ("Needs", "barbell"), ..."""
        rows = [("About", self.description)] if self.description else []
        week = f"{self.sessions_per_week} session{'s' if self.sessions_per_week != 1 else ''} a week"
        rows += [("Level", f"{self.level}, {week}"), ("Needs", self.needs_words), ("Your kit", self.kit_words)]
        if self.follows:
            rows.append(("Follows", self.follows))
        rows += [(f"{session_id} {name}", ", ".join(names)) for session_id, name, names in self.sessions]
        return rows


def about_plan(plan: Plan, exercises: Mapping[str, Exercise], equipment: Equipment) -> PlanAbout:
    """Everything the runner should know about a plan before choosing it."""
    return PlanAbout(
        name=plan.name,
        description=" ".join(plan.description.split()),
        level=plan.level,
        sessions_per_week=plan.sessions_per_week,
        needs=tuple(plan_needs(plan, exercises)),
        missing=tuple(missing_kit(plan, exercises, equipment)),
        follows=name_sources(plan.source),
        sessions=tuple((session.id, session.name, tuple(exercises[block.exercise_id].name for block in session.blocks))
                       for session in plan.sessions),
    )
