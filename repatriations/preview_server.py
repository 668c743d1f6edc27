"""`python build.py preview`: draft every article that has no curation, build the
preview (repatriations.preview) and serve it with the site's own metadata, plugins and
templates, a banner on every page, and live updates: saving a curation file or adding
an article redoes what it touches (watchfiles) and switches the server to the result."""

from __future__ import annotations

import asyncio
import json
import re
import sqlite3
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import click
import uvicorn
import watchfiles
from datasette import hookimpl
from datasette.app import Datasette
from datasette.database import Database
from datasette.plugins import pm

from .errors import BuildError
from .preview import Preview
from .project import CODE_ROOT, DB_NAME, Project
from .suggest import write_drafts

# The site's own settings (settings.json). num_sql_threads must stay 0 here: one connection per
# Database object, so a switched database is read at once (threaded mode keeps a connection
# per thread and name, which would go on reading the old file).
# default_cache_ttl 0: a page of the preview must not be kept by a browser past the next edit.
SETTINGS = json.loads((CODE_ROOT / "settings.json").read_text(encoding="utf-8")) | {
    "num_sql_threads": 0,
    "default_cache_ttl": 0,
}
BODY = re.compile(rb"<body[^>]*>")
# ASGI, as Datasette's app speaks it
Message = dict[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[dict[str, Any], Receive, Send], Awaitable[None]]


def update_drafting_new_articles(preview: Preview) -> Path:
    """Update the preview; when it finds articles with no curation, draft them (suggest) and
    update again, so they are in it as drafts."""
    db_path = preview.update()
    new = preview.new_articles()
    if not new:
        return db_path
    for article, result in write_drafts(preview.project, new):
        if isinstance(result, BuildError):
            click.echo(f"Suggest refused: {result}", err=True)
        else:
            click.echo(f"Drafted {preview.project.display(article)}", err=True)
    return preview.update()


class PreviewPlugin:
    """Datasette hooks for the preview: the banner, and the watcher that keeps it current."""

    __name__ = "repatriations_preview"  # Datasette lists plugins by module name

    def __init__(self, preview: Preview, watch: bool):
        self.preview = preview
        self.watch = watch
        self.counts: dict[str, int] = {"drafts": 0, "problems": 0, "generation": 0}

    def count(self, db_path: Path) -> None:
        with sqlite3.connect(f"file:{db_path}?mode=ro", uri=True) as conn:
            drafts = conn.execute("select count(*) from sources where not reviewed").fetchone()[0]
            problems = conn.execute("select count(*) from problems").fetchone()[0]
        self.counts = {"drafts": drafts, "problems": problems, "generation": self.preview.generation}

    def banner(self) -> bytes:
        c = self.counts
        html = (
            '<div id="preview-banner" style="background:#ffe066;color:#222;padding:0.5em 1em;border-bottom:2px solid #b8860b;'
            'font-family:sans-serif">'
            f"<strong>PREVIEW</strong>, not a release: it admits unreviewed drafts. "
            f'<a href="/repatriations/sources?reviewed=0"><span class="drafts">{c["drafts"]}</span> draft(s)</a> · '
            f'<a href="/repatriations/problems"><span class="problems">{c["problems"]}</span> problem(s)</a> · '
            f'<a href="/-/review">review the sources</a> · '
            f'update <span class="generation">{c["generation"]}</span></div>'
        )
        return html.encode()

    @hookimpl
    def asgi_wrapper(self, datasette: Datasette) -> Callable[[ASGIApp], ASGIApp]:
        plugin = self

        def wrap(app: ASGIApp) -> ASGIApp:
            async def with_banner(scope: dict[str, Any], receive: Receive, send: Send) -> None:
                if scope["type"] != "http":
                    await app(scope, receive, send)
                    return
                start: dict[str, Any] = {}
                chunks: list[bytes] = []

                async def send_with_banner(message: Message) -> None:
                    if message["type"] == "http.response.start":
                        headers = dict(message.get("headers") or [])
                        start.update(message, html=headers.get(b"content-type", b"").startswith(b"text/html"))
                        if not start["html"]:
                            await send(message)
                        return
                    if message["type"] != "http.response.body" or not start.get("html"):
                        await send(message)
                        return
                    chunks.append(message.get("body", b""))
                    if message.get("more_body"):
                        return
                    body = BODY.sub(lambda m: m.group(0) + plugin.banner(), b"".join(chunks), count=1)
                    kept = [(k, v) for k, v in start.get("headers", []) if k.lower() != b"content-length"]
                    kept.append((b"content-length", str(len(body)).encode()))
                    await send({"type": "http.response.start", "status": start["status"], "headers": kept})
                    await send({"type": "http.response.body", "body": body})

                await app(scope, receive, send_with_banner)

            return with_banner

        return wrap

    @hookimpl
    def startup(self, datasette: Datasette) -> Callable[[], Awaitable[None]] | None:
        if not self.watch:
            return None

        async def begin() -> None:
            asyncio.get_running_loop().create_task(self.keep_current(datasette))

        return begin

    async def keep_current(self, datasette: Datasette) -> None:
        project = self.preview.project
        async for _changes in watchfiles.awatch(project.curation_dir, project.raw_dir, debounce=200, step=50):
            try:
                db_path = await asyncio.to_thread(update_drafting_new_articles, self.preview)
            except Exception as exc:  # the server keeps the last good preview; the reason goes to the terminal
                click.echo(f"Preview update failed: {exc}", err=True)
                continue
            switch(datasette, db_path)
            self.count(db_path)
            click.echo(f"Preview updated ({self.preview.timings['total']:.2f} s): {db_path}", err=True)


def switch(datasette: Datasette, db_path: Path) -> None:
    """Serve the new preview database under the same name (requests already running finish on the old one)."""
    if DB_NAME in datasette.databases:
        datasette.remove_database(DB_NAME)
    datasette.add_database(Database(datasette, path=str(db_path), is_mutable=False), name=DB_NAME)


def preview_datasette(preview: Preview, db_path: Path, watch: bool) -> tuple[Datasette, PreviewPlugin]:
    metadata = json.loads((db_path.parent / "metadata.json").read_text(encoding="utf-8"))
    metadata.setdefault("plugins", {})["response_cache"] = {"off": True}  # answers change with every update
    datasette = Datasette(
        [],
        metadata=metadata,
        plugins_dir=str(CODE_ROOT / "plugins"),
        template_dir=str(CODE_ROOT / "templates"),
        settings=SETTINGS,
    )
    switch(datasette, db_path)
    plugin = PreviewPlugin(preview, watch)
    plugin.count(db_path)
    pm.register(plugin, name="repatriations-preview")
    return datasette, plugin


def serve_preview(root: Path, host: str, port: int, watch: bool) -> None:
    preview = Preview(Project(root.resolve()))
    db_path = update_drafting_new_articles(preview)
    datasette, plugin = preview_datasette(preview, db_path, watch)
    c = plugin.counts
    click.echo(f"Preview of {c['drafts']} draft(s) with {c['problems']} problem(s): http://{host}:{port}/", err=True)
    uvicorn.run(datasette.app(), host=host, port=port, log_level="warning")
