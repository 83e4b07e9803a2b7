"""Allow `python -m strongstride`."""

from strongstride.cli import main

raise SystemExit(main())
