"""One exercise explained, for the `i` page in a session and `strongstride exercises ID` alike.

Set-up, steps, cues, the common mistake, why it helps a runner and its easier and harder variations,
each variation marked when the runner's kit cannot do it (in a session, at the load a swap would give).
Text from the library is drawn literally.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from rich.text import Text

from strongstride.model.exercise import Exercise
from strongstride.model.exercise_library import ExerciseLibrary
from strongstride.model.kit import kit_name
from strongstride.model.visible_text import visible


Doable = Callable[[Exercise], bool]   # whether the runner's kit allows an exercise (model/kit.py)


def lacking_words(exercise: Exercise, doable: Doable) -> str:
    """ "needs barbell, not in your kit" when the runner's kit does not allow the exercise, else ""."""
    if doable(exercise):
        return ""
    return f"needs {kit_name(exercise.equipment)}, not in your kit"


def numbered(items: Sequence[str]) -> list[Text]:
    return [Text(f"  {number}. {visible(item)}") for number, item in enumerate(items, start=1)]


def variation_line(direction: str, link: str | None, library: ExerciseLibrary, doable: Doable) -> Text:
    """ "Harder: Goblet squat (goblet_squat), needs dumbbell, not in your kit", or "Easier: none"."""
    line = Text(f"{direction}: ", style="bold")
    variation = library.get(link) if link is not None else None
    if variation is None:
        return line.append("none")
    line.append(f"{visible(variation.name)} ({variation.id})")
    if lacking := lacking_words(variation, doable):
        line.append(f"  {lacking}", style="bold")
    return line


def ladder_lines(ladder: Sequence[Exercise], shown_id: str, doable: Doable) -> list[Text]:
    """The progression ladder, the shown exercise marked with `>`, rungs the kit cannot do marked too."""
    width = max(len(rung.id) for rung in ladder)
    lines = []
    for number, rung in enumerate(ladder, start=1):
        line = Text(f"{'>' if rung.id == shown_id else ' '} {number}. {rung.id.ljust(width)}  {visible(rung.name)}",
                    style="bold" if rung.id == shown_id else "")
        if lacking := lacking_words(rung, doable):
            line.append(f"  ({lacking})")
        lines.append(line)
    return lines


def exercise_page(library: ExerciseLibrary, exercise_id: str, doable: Doable) -> list[Text]:
    """One exercise as lines of text, styled for a terminal (the styles vanish in plain output)."""
    exercise = library[exercise_id]
    sides = "one side at a time" if exercise.unilateral else "both sides together"
    about = f"{exercise.kind}, {kit_name(exercise.equipment)}, {sides}"
    if exercise.user_defined:
        about += ", from your exercises.toml"
    lines = [Text.assemble((visible(exercise.name), "bold"), f"  ({exercise.id})"), Text(about, style="dim")]
    if lacking := lacking_words(exercise, doable):
        lines.append(Text(f"This exercise {lacking}.", style="bold"))
    if exercise.why:
        lines += [Text(""), Text("Why it helps a runner", style="bold"), Text(visible(exercise.why))]
    if exercise.setup:
        lines += [Text(""), Text("Set-up", style="bold"), Text(visible(exercise.setup))]
    if exercise.steps:
        lines += [Text(""), Text("Steps", style="bold"), *numbered(exercise.steps)]
    lines += [Text(""), Text("Cues", style="bold"), *numbered(exercise.cues)]
    lines += [Text(""), Text.assemble(("Common mistake: ", "bold"), visible(exercise.mistake))]
    lines += [Text.assemble(("Muscles: ", "bold"), visible(", ".join(exercise.muscles)) or "-")]
    lines += [Text(""), variation_line("Easier", exercise.easier, library, doable),
              variation_line("Harder", exercise.harder, library, doable)]
    lines += [Text(""), Text("Ladder, easiest to hardest", style="bold")]
    lines += ladder_lines(library.ladder(exercise_id), exercise_id, doable)
    return lines
