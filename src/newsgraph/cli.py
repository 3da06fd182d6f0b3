"""The ``newsgraph`` command line: thin click commands over the library.

Each command lives in ``newsgraph.commands.<name>`` and is imported only when
it runs, so ``newsgraph --help`` does not load spaCy. Errors from the library
(``newsgraph.errors``) become one-line click errors here, at the edge.
"""
from __future__ import annotations

import importlib

import click

from . import __version__
from .errors import EXIT_INTERRUPTED, EXIT_TERMINATED, NewsgraphError

# command name -> module under newsgraph.commands defining ``command``
COMMANDS: dict[str, str] = {
    "build": "build",
    "query": "query",
    "evaluate": "evaluate",
    "viz": "viz",
    "stats": "stats",
    "export": "export",
    "serve": "serve",
    "remove": "remove",
}


class UserError(click.ClickException):
    """A NewsgraphError shown as ``Error: <message>`` with its own exit code."""

    def __init__(self, error: NewsgraphError) -> None:
        super().__init__(str(error))
        self.exit_code = error.exit_code


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in COMMANDS:
            return None
        return importlib.import_module(f"newsgraph.commands.{COMMANDS[name]}").command

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except NewsgraphError as error:
            raise UserError(error) from None
        except KeyboardInterrupt:
            # Ctrl-C: one line, no traceback, the shell's convention 128 + SIGINT.
            click.echo("interrupted", err=True)
            ctx.exit(EXIT_INTERRUPTED)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="newsgraph")
def main() -> None:
    """Build a knowledge graph of people, organisations and states from news text.

    Read news (plain text, HTML, JSON Lines), find the actors, their roles and
    what they do to one another, and write it all as RDF you can query and see.
    """
    _exit_cleanly_on_sigterm()


def _exit_cleanly_on_sigterm() -> None:
    """SIGTERM (``kill``, a CI timeout) becomes an ordinary exit, so temporary files
    are removed on the way out, as they are on Ctrl-C or an error."""
    import signal
    import threading

    def stop(signum, frame):
        raise SystemExit(EXIT_TERMINATED)

    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, stop)


if __name__ == "__main__":  # python -m newsgraph.cli
    main()
