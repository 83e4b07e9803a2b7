"""The application layer: what the screens and the plain commands share, above the coach, the model and the store."""
