"""When strength fits on a quality-run day: the hours apart the concurrent-training studies support.

- Robineau et al. 2016, "Specific training effects of concurrent aerobic and strength exercises depend on
  recovery duration" (J Strength Cond Res 30(3):672-683): 0, 6 or 24 hours between the two; strength
  gained more with 6 hours than with none, and most with 24.
- A review in Frontiers, as it is commonly summarised: 3 hours apart removes most of the interference,
  6 hours or a day apart is better. We use 6 hours.
- Wilson et al. 2012, "Concurrent training: a meta-analysis examining interference of aerobic and resistance
  exercises" (J Strength Cond Res 26(8):2293-2307): running interferes with strength more than cycling.
Heavy work goes after the quality run (or the next day), so the run, the key session of the running plan,
is done on fresh legs: common coaching practice.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, time, timedelta
from typing import NamedTuple

from strongstride.engine.runs import Run

HOURS_APART = 6
SESSION_MINUTES = 60          # room for a strength session, warm-up included
EARLIEST_START = time(6)
LATEST_START = time(21)
CITATION = "6 hours apart: Robineau et al. 2016; a Frontiers review: 3 hours removes most interference, 6 or a day is better"


class StrengthTime(NamedTuple):
    """Whether strength fits beside the day's quality run, and when (or why not)."""

    fits: bool
    text: str
    at: datetime | None = None     # the time named: the earliest after the run, or the latest start before it


def strength_time(quality: Sequence[Run], heavy: bool) -> StrengthTime | None:
    """When strength can go on a day with these quality runs; None without any."""
    if not quality:
        return None
    timed = [run for run in quality if run.start is not None and run.end is not None]
    if not timed:
        return StrengthTime(True, f"at least {HOURS_APART} hours after your quality run "
                                  f"(run in the morning, lift in the evening; {CITATION})")
    first = min(run.start for run in timed if run.start is not None)
    last = max(run.end for run in timed if run.end is not None)
    after = last + timedelta(hours=HOURS_APART)
    if after.date() == last.date() and after.time() <= LATEST_START:
        return StrengthTime(True, f"from {after:%H:%M}, {HOURS_APART} hours after your quality run ends at "
                                  f"{last:%H:%M} ({CITATION})", after)
    before = first - timedelta(hours=HOURS_APART, minutes=SESSION_MINUTES)
    if not heavy and before.date() == first.date() and before.time() >= EARLIEST_START:
        return StrengthTime(True, f"by {before:%H:%M}, so it ends {HOURS_APART} hours before your "
                                  f"{first:%H:%M} quality run ({CITATION})", before)
    heavy_note = "; heavy work belongs after the quality run or on the next day" if heavy else ""
    return StrengthTime(False, f"strength cannot be {HOURS_APART} hours apart from your quality run at "
                               f"{first:%H:%M}{heavy_note} ({CITATION})")
