"""``python -m bot.web [--home DIR] [--host H] [--port P] [--auth user:password]
[--max-file-size 5mb]``: serve the web chat (the same options as ``claimtrack serve``)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from bot.claimbot import ClaimBot
from bot.settings import Settings
from bot.web.app import serve
from bot.web.options import add_server_options, server_options


def main(argv: Sequence[str] | None = None) -> int:
    """Parse the arguments and serve until interrupted; returns the exit status."""
    parser = argparse.ArgumentParser(prog="python -m bot.web", description="claimtrack web chat")
    parser.add_argument("--home", help="store folder (default: $CLAIMTRACK_HOME)")
    add_server_options(parser)
    args = parser.parse_args(argv)
    settings = Settings()
    if args.home:
        settings = settings.model_copy(update={"home": Path(args.home)})
    serve(ClaimBot(settings=settings), server_options(args, settings))
    return 0


if __name__ == "__main__":
    sys.exit(main())
