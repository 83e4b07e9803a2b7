"""strongstride: a terminal coach that walks a runner through a strength session, set by set."""

__version__ = "0.1.0"
