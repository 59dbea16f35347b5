"""The old name of :class:`bot.runtime.Runtime`, kept for code that imports it from here."""

from __future__ import annotations

from bot.runtime import PushControl, Runtime, configured_sections

Services = Runtime

__all__ = ["PushControl", "Runtime", "Services", "configured_sections"]
