"""The chat layer: settings, CLI, Application wiring, handlers, rendering, push, channels."""
