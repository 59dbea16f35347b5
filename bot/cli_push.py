"""Placeholder: this command is being built."""

from __future__ import annotations

import argparse

from bot.settings import Settings
from digests.errors import PaperboyError


def run_digest(args: argparse.Namespace, settings: Settings) -> int:
    raise PaperboyError("this command is not available yet")


def run_push(args: argparse.Namespace, settings: Settings) -> int:
    raise PaperboyError("this command is not available yet")
