"""Build the repatriations dataset: raw articles + curation -> dist/repatriations.db.

python build.py                 # build this project into dist/
python build.py --root DIR      # build another project tree (DIR/raw, DIR/curation)
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from repatriations.errors import BuildError
from repatriations.pipeline import build


@click.group(invoke_without_command=True)
@click.option(
    "--root",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("."),
    show_default=True,
    help="Project tree holding raw/ and curation/; the database goes to ROOT/dist/.",
)
@click.option("--quiet", "-q", is_flag=True, help="Print nothing on success.")
@click.pass_context
def cli(ctx: click.Context, root: Path, quiet: bool) -> None:
    """Build dist/repatriations.db from raw/ and curation/ (the default command)."""
    ctx.obj = {"root": root, "quiet": quiet}
    if ctx.invoked_subcommand is None:
        run_build(root, quiet)


def fail(message: str) -> None:
    click.echo(f"Build failed, dist/ left as it was.\n{message}", err=True)
    sys.exit(1)


def run_build(root: Path, quiet: bool) -> None:
    try:
        result = build(root, quiet=quiet)
    except BuildError as exc:
        fail(str(exc))
    except OSError as exc:  # unreadable file, full disk, missing permission
        fail(f"{exc.filename or root}: {exc.strerror or exc}")
    if not quiet:
        counts = ", ".join(f"{n:,} {t}" for t, n in result.counts.items())
        click.echo(f"Built {result.db_path}: {counts}")


if __name__ == "__main__":
    cli()
