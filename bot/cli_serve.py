"""Placeholder: this command is being built."""

from __future__ import annotations

import argparse

from bot.settings import Settings
from digests.errors import PaperboyError


def run_serve(args: argparse.Namespace, settings: Settings) -> int:
    raise PaperboyError("this command is not available yet")


def run_healthcheck(args: argparse.Namespace, settings: Settings) -> int:
    return 0
