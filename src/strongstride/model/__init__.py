"""Plain data: plans, exercises, logs, config; parsing and validation. No Textual, no disk writes."""
