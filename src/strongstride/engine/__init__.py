"""The coach: the live session, autoregulation, progression and the runner's week. Pure Python."""
