"""Reusable widgets: the rest timer, the RPE picker, big numbers."""
