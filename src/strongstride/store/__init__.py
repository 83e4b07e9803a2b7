"""The only code that touches disk: history, in-progress session, config, user plans and themes."""
