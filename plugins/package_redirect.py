"""The data package moved from /package/ to /static/package/ when the release became a
Datasette configuration directory (served from its static/ folder): old links redirect."""

from __future__ import annotations

from datasette import Response, hookimpl


async def to_static(request) -> Response:
    return Response.redirect(f"/static/package/{request.url_vars['path']}", status=301)


@hookimpl
def register_routes():
    return [(r"^/package/(?P<path>.*)$", to_static)]
