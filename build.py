"""Build the repatriations dataset: raw articles + curation -> dist/repatriations.db.

python build.py                 # build this project into dist/
python build.py --root DIR      # build another project tree (DIR/raw, DIR/curation)
python build.py --jobs 1        # in one process (default: one per core for large trees)
"""

from __future__ import annotations

import shlex
import sys
from pathlib import Path

import click

from repatriations.errors import BuildError
from repatriations.pipeline import build
from repatriations.project import Project
from repatriations.suggest import Draft, write_drafts
from repatriations.workers import PARALLEL_FROM


@click.group(invoke_without_command=True)
@click.option(
    "--root",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("."),
    show_default=True,
    help="Project tree holding raw/ and curation/; the database goes to ROOT/dist/.",
)
@click.option("--quiet", "-q", is_flag=True, help="Print nothing on success.")
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    default=None,
    help=f"Processes to use. Default: one per core from {PARALLEL_FROM} articles up, else one.",
)
@click.option("--timings", is_flag=True, help="Print how long each stage took (to stderr).")
@click.pass_context
def cli(ctx: click.Context, root: Path, quiet: bool, jobs: int | None, timings: bool) -> None:
    """Build dist/repatriations.db from raw/ and curation/ (the default command)."""
    ctx.obj = {"root": root, "quiet": quiet}
    if ctx.invoked_subcommand is None:
        run_build(root, quiet, jobs, timings)


def fail(message: str) -> None:
    click.echo(f"Build failed, dist/ left as it was.\n{message}", err=True)
    sys.exit(1)


def run_build(root: Path, quiet: bool, jobs: int | None, timings: bool) -> None:
    try:
        result = build(root, quiet=quiet, jobs=jobs)
    except BuildError as exc:
        fail(str(exc))
    except OSError as exc:  # unreadable file, full disk, missing permission
        fail(f"{exc.filename or root}: {exc.strerror or exc}")
    if timings:
        for stage, seconds in result.timings.items():
            click.echo(f"{seconds:8.2f} s  {stage}", err=True)
    if not quiet:
        counts = ", ".join(f"{n:,} {t}" for t, n in result.counts.items())
        click.echo(f"Built {result.db_path}: {counts}")


@cli.command()
@click.argument("articles", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--force", is_flag=True, help="Overwrite an existing curation file for the article.")
@click.pass_context
def suggest(ctx: click.Context, articles: tuple[Path, ...], force: bool) -> None:
    """Write a DRAFT curation file for each raw/ARTICLE.txt and print its path.

    Each draft has `reviewed: false`: the build refuses it until a person has
    checked every claim against the article and set `reviewed: true`. An article
    that cannot be drafted is refused in one line; the others are still drafted.
    """
    root: Path = ctx.obj["root"]
    refused = 0
    for article, result in write_drafts(Project(root.resolve()), list(articles), force=force):
        if isinstance(result, BuildError):
            click.echo(f"Suggest refused: {result}", err=True)
            refused += 1
            continue
        click.echo(root / article.relative_to(root.resolve()))
        if not ctx.obj["quiet"]:
            click.echo(f"  {draft_summary(result)}", err=True)
    if refused:
        sys.exit(1)


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(1, 65535), default=8002, show_default=True, help="Port to listen on.")
@click.option("--watch/--no-watch", default=True, show_default=True, help="Redo the preview when a file changes.")
@click.pass_context
def preview(ctx: click.Context, host: str, port: int, watch: bool) -> None:
    """Draft every article without curation, build the preview (drafts admitted,
    problems listed, written to preview/, never dist/) and serve it."""
    from repatriations.preview_server import serve_preview  # the server's imports are for this command only

    try:
        serve_preview(ctx.obj["root"], host, port, watch)
    except BuildError as exc:
        click.echo(f"Preview failed: {exc}", err=True)
        sys.exit(1)


@cli.command("publish-args")
@click.argument("target", type=click.Choice(["fly", "cloudrun"]))
@click.option("--name", default="repatriations", show_default=True, help="The Fly app or Cloud Run service.")
@click.pass_context
def publish_args_command(ctx: click.Context, target: str, name: str) -> None:
    """Print the `datasette publish TARGET` command for the release in dist/, generated
    from its settings.json and the pinned server packages (run it, or add --generate-dir)."""
    from repatriations.publishing import publish_args

    dist = Project(ctx.obj["root"].resolve()).dist_dir
    if not (dist / "settings.json").is_file():
        click.echo(f"{dist}: no release yet: run `python build.py` first", err=True)
        sys.exit(1)
    click.echo(shlex.join(publish_args(target, Path(ctx.obj["root"]) / "dist", name)))


def draft_summary(draft: Draft) -> str:
    found = len(draft.claims) + len(draft.unplaced)
    parts = [
        f"{len(draft.claims)} figure(s) placed as draft claims, {len(draft.unplaced)} number(s) left unplaced",
        f"{len(draft.new_officials)} new official(s) and {len(draft.new_exchanges)} new exchange(s) proposed",
        f"dated {draft.published.date.isoformat()}" if draft.published else "no date of its own",
    ]
    note = f"; {draft.language_note}" if draft.language_note else ""
    return f"{'; '.join(parts)}{note}{'' if found else '; the article has no numbers'}: review it, then set `reviewed: true`."


if __name__ == "__main__":
    cli()
