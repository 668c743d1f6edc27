"""Claims in context: the values the claims row template needs (the article's raw
text split around the quote, the source, official and exchange, and the
discrepancies the claim is part of), and links to claims from query results.

The article text reaches the page only through Jinja's autoescaping, so no markup
in an article can run."""

from __future__ import annotations

from typing import Any

from datasette import hookimpl
from datasette.utils import tilde_decode
from markupsafe import Markup, escape

CONTEXT_SQL = """
select
  c.*,
  s.raw_text, s.raw_path, s.label as source_label, s.publisher,
  o.name as official_name,
  e.label as exchange_label
from claims c
join sources s on s.source_id = c.source_id
left join officials o on o.official_id = c.official_id
left join exchanges e on e.exchange_id = c.exchange_id
where c.claim_id = :claim_id
"""
DISCREPANCIES_SQL = """
select d.discrepancy_id, d.kind, d.summary, dc.role
from discrepancy_claims dc
join discrepancies d on d.discrepancy_id = dc.discrepancy_id
where dc.claim_id = :claim_id
order by d.kind, d.discrepancy_id
"""


def split_around_quote(raw_text: str, start: int, end: int) -> dict[str, Any]:
    """The article as three pieces, so the template can mark the middle one."""
    return {
        "before": raw_text[:start],
        "quote": raw_text[start:end],
        "after": raw_text[end:],
        "verified": True,
    }


async def claim_context(datasette, database: str, claim_id: str) -> dict[str, Any] | None:
    db = datasette.get_database(database)
    row = (await db.execute(CONTEXT_SQL, {"claim_id": claim_id})).first()
    if row is None:
        return None
    context = dict(row)
    pieces = split_around_quote(context.pop("raw_text"), context["quote_start"], context["quote_end"])
    pieces["verified"] = pieces["quote"] == context["quote"]
    discrepancies = [dict(r) for r in await db.execute(DISCREPANCIES_SQL, {"claim_id": claim_id})]
    return context | pieces | {"discrepancies": discrepancies}


@hookimpl
def extra_template_vars(view_name, table, database, request, datasette):
    if view_name != "row" or table != "claims" or request is None:
        return {}

    async def inner() -> dict[str, Any]:
        claim_id = tilde_decode(request.url_vars["pks"])
        return {"claim_context": await claim_context(datasette, database, claim_id)}

    return inner


@hookimpl
def render_cell(value, column, table, database, datasette):
    """In query results (table is None), link claim ids to their page in context."""
    if table is None and column == "claim_id" and isinstance(value, str) and value:
        return Markup('<a href="{}">{}</a>').format(datasette.urls.row(database, "claims", value), escape(value))
    return None
