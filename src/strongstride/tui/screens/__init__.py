"""One screen a module: home, history, start-up problems and the session screens."""
