"""Readers and writers for other apps' exports (Strong, Hevy, FitNotes) and our own CSV/JSON."""
