"""The clock rest timers read: steady when the wall clock is changed, yet counting the time a laptop slept."""

from __future__ import annotations

import time

_BOOTTIME = getattr(time, "CLOCK_BOOTTIME", None)


def rest_clock() -> float:
    """Seconds from a steady clock; on Linux CLOCK_BOOTTIME, which keeps counting through suspend.

    A lid closed during a rest is real rest taken, so the timer must see it; a wall clock set back
    or forward (NTP, a time zone change) is not, so the timer must not.
    """
    if _BOOTTIME is not None:
        return time.clock_gettime(_BOOTTIME)
    return time.monotonic()
