"""The web server's options, defined once for ``claimtrack serve`` and ``python -m bot.web``.

No gradio here: the CLI reads these without importing the web app.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass

from bot.errors import InvalidArgumentError
from bot.settings import Settings

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 7860
DEFAULT_MAX_FILE_SIZE = "5mb"


@dataclass(frozen=True)
class ServerOptions:
    """How the web app is served: interface, port, login and upload limit."""

    host: str = DEFAULT_HOST
    port: int = DEFAULT_PORT
    auth: str | None = None
    max_file_size: str = DEFAULT_MAX_FILE_SIZE


def add_server_options(parser: argparse.ArgumentParser) -> None:
    """Add ``--host``, ``--port``, ``--auth`` and ``--max-file-size`` to `parser`."""
    parser.add_argument("--host", default=DEFAULT_HOST,
                        help=f"interface (default: {DEFAULT_HOST})")
    parser.add_argument("--port", type=int, default=DEFAULT_PORT,
                        help=f"port (default: {DEFAULT_PORT})")
    parser.add_argument("--auth", help="require a login, user:password "
                                       "(default: $CLAIMTRACK_AUTH)")
    parser.add_argument("--max-file-size", default=DEFAULT_MAX_FILE_SIZE,
                        help=f"largest upload (default: {DEFAULT_MAX_FILE_SIZE})")


def server_options(args: argparse.Namespace, settings: Settings) -> ServerOptions:
    """The options parsed by a parser given `add_server_options`; ``--auth`` defaults to
    ``$CLAIMTRACK_AUTH`` (``settings.auth``)."""
    auth = args.auth if args.auth is not None else settings.auth
    return ServerOptions(args.host, args.port, auth, args.max_file_size)


def parse_size(size: str | int) -> int:
    """``"5mb"`` → 5_000_000 (units b, kb, mb, gb; decimal, like gradio)."""
    if isinstance(size, int):
        return size
    text = size.strip().lower()
    for unit, factor in (("gb", 10**9), ("mb", 10**6), ("kb", 10**3), ("b", 1)):
        if text.endswith(unit):
            return int(float(text[: -len(unit)]) * factor)
    return int(text)


def parse_auth(value: str | None) -> tuple[str, str] | None:
    """``"user:password"`` → ``("user", "password")``; None or "" → None.

    Raises:
        InvalidArgumentError: If `value` has no colon, or an empty user or password.
    """
    if not value:
        return None
    user, sep, password = value.partition(":")
    if not sep or not user or not password:
        raise InvalidArgumentError("--auth must look like user:password")
    return user, password
