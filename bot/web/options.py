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


@dataclass(frozen=True)
class ServerOptions:
    """How the web app is served: interface, port, login and upload limit (None: the ingest
    limit; see `upload_limit`)."""

    host: str = DEFAULT_HOST
    port: int = DEFAULT_PORT
    auth: str | None = None
    max_file_size: str | None = None


def add_server_options(parser: argparse.ArgumentParser) -> None:
    """Add ``--host``, ``--port``, ``--auth`` and ``--max-file-size`` to `parser`."""
    parser.add_argument("--host", default=DEFAULT_HOST,
                        help=f"interface (default: {DEFAULT_HOST})")
    parser.add_argument("--port", type=int, default=DEFAULT_PORT,
                        help=f"port (default: {DEFAULT_PORT})")
    parser.add_argument("--auth", help="require a login, user:password "
                                       "(default: $CLAIMTRACK_AUTH)")
    parser.add_argument("--max-file-size",
                        help="largest upload, e.g. 500kb; at most, and by default, "
                             "$CLAIMTRACK_MAX_FILE_MB (2 MB unless set)")


def server_options(args: argparse.Namespace, settings: Settings) -> ServerOptions:
    """The options parsed by a parser given `add_server_options`; ``--auth`` defaults to
    ``$CLAIMTRACK_AUTH`` (``settings.auth``)."""
    auth = args.auth if args.auth is not None else settings.auth
    return ServerOptions(args.host, args.port, auth, args.max_file_size)


def parse_size(size: str | int) -> int:
    """``"5mb"`` → 5_000_000 (units b, kb, mb, gb; decimal, like gradio).

    Raises:
        InvalidArgumentError: If `size` is not a number of bytes with an optional unit.
    """
    if isinstance(size, int):
        return size
    text = size.strip().lower()
    try:
        for unit, factor in (("gb", 10**9), ("mb", 10**6), ("kb", 10**3), ("b", 1)):
            if text.endswith(unit):
                return int(float(text[: -len(unit)]) * factor)
        return int(text)
    except ValueError:
        raise InvalidArgumentError(
            f"--max-file-size {size!r} is not a size; write it like 500kb or 2mb") from None


def upload_limit(max_file_size: str | int | None, ingest_limit: int) -> int:
    """The largest upload of the web app, in bytes: one limit for the upload box's label,
    gradio and the upload handler.

    An upload is ingested, so the ingest limit (``CLAIMTRACK_MAX_FILE_MB``) is the default,
    and ``--max-file-size`` can only lower it.

    Args:
        max_file_size: ``--max-file-size`` (e.g. ``"500kb"``), or None for the ingest limit.
        ingest_limit: `Settings.max_file_bytes`.

    Raises:
        InvalidArgumentError: If `max_file_size` is not a size, or is over the ingest limit.
    """
    if max_file_size is None:
        return ingest_limit
    limit = parse_size(max_file_size)
    if limit <= 0:
        raise InvalidArgumentError(f"--max-file-size {max_file_size} must be over 0")
    if limit > ingest_limit:
        raise InvalidArgumentError(
            f"--max-file-size {max_file_size} is over the ingest limit of "
            f"{ingest_limit / 1e6:g} MB; to accept larger uploads, raise CLAIMTRACK_MAX_FILE_MB "
            "instead")
    return limit


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
