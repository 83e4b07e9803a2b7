"""Run a Python script or module in this process and, as it ends, write its peak resident memory (MB) to a file.

Usage: python benchmarks/peak_of.py OUTFILE (-m MODULE | SCRIPT) [ARGS...]

The peak is read inside the process (VmHWM in /proc/self/status): the rusage a parent gets back also
counts the parent's own memory, copied in at the fork before the exec.
"""

import atexit
import resource
import runpy
import sys
from pathlib import Path


def peak_rss_mb() -> float:
    """This process's own high-water mark of resident memory, in MB."""
    try:
        status = Path("/proc/self/status").read_text(encoding="ascii")
    except OSError:   # no /proc: the rusage figure, in bytes on macOS
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / (1e6 if sys.platform == "darwin" else 1e3)
    kib = next(line.split()[1] for line in status.splitlines() if line.startswith("VmHWM:"))
    return int(kib) * 1024 / 1e6


out_file, *command = sys.argv[1:]
atexit.register(lambda: Path(out_file).write_text(f"{peak_rss_mb()}\n", encoding="ascii"))
if command[0] == "-m":
    sys.argv = [command[1], *command[2:]]
    runpy.run_module(command[1], run_name="__main__", alter_sys=True)
else:
    sys.argv = command
    runpy.run_path(command[0], run_name="__main__")
