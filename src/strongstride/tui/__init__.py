"""The Textual app: screens and widgets that render engine state and turn keys into events."""
