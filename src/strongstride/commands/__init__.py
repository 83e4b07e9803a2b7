"""The non-interactive subcommands. None of them imports Textual."""
