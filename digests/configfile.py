"""Reading config/ files: the one place that parses its TOML (loaders only; I/O)."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from digests.errors import ConfigError


def read_toml(path: Path) -> dict[str, Any]:
    """A TOML file of config/ as a dict ({} when absent); ConfigError naming a broken one."""
    try:
        with path.open("rb") as f:
            return tomllib.load(f)
    except FileNotFoundError:
        return {}
    except tomllib.TOMLDecodeError as e:
        raise ConfigError(f"{path} is not valid TOML: {e}") from None
