"""Review pages: /-/review lists the sources; /-/review/SOURCE_ID shows one article's
raw text with every number the build found marked by what accounts for it (a claim,
coloured by metric; a not-claim in grey with its reason; UNPLACED and unaccounted
numbers, and problems, in red), each claim with the file and line to edit, the
source's datings, and what is still to do before `reviewed: true`.

The same page serves a reviewed source (what its curation decided) and, in the
preview, a draft (what the draft guessed). The article text reaches the page only
through Jinja's autoescaping."""

from __future__ import annotations

from typing import Any

from datasette import Response, hookimpl
from datasette.utils import tilde_decode

DB = "repatriations"
PALETTE = ["#1f77b4", "#2ca02c", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#bcbd22", "#ff7f0e", "#7f7f7f", "#393b79"]
SOURCE_SQL = "select * from sources where source_id = :source_id"
NUMBERS_SQL = "select * from numbers where source_id = :source_id order by raw_start"
CLAIMS_SQL = """
select c.*, o.name as official_name, e.label as exchange_label
from claims c
left join officials o on o.official_id = c.official_id
left join exchanges e on e.exchange_id = c.exchange_id
where c.source_id = :source_id
order by c.quote_start, c.claim_id
"""
DATINGS_SQL = "select * from exchange_dates where source_id = :source_id order by exchange_id"
INDEX_SQL = """
select s.source_id, s.label, s.reviewed, s.curation_path,
  (select count(*) from claims c where c.source_id = s.source_id) as claims,
  (select count(*) from numbers n where n.source_id = s.source_id) as numbers
from sources s order by s.reviewed, s.source_id
"""


def metric_colours(metrics: list[str]) -> dict[str, str]:
    """One colour per metric of the vocabulary, in its order, the same on every page."""
    return {m: PALETTE[i % len(PALETTE)] for i, m in enumerate(metrics)}


def mark_of(number: dict[str, Any]) -> str:
    if number["claim_id"]:
        return "claim"
    reason = number["reason"] or ""
    if not reason:
        return "problem"  # nothing accounts for it: the build refuses this
    return "unplaced" if reason.startswith("UNPLACED") else "not-claim"


def segments(raw_text: str, numbers: list[dict[str, Any]], claims: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """The article as plain pieces and marked numbers, in order."""
    pieces: list[dict[str, Any]] = []
    at = 0
    for n in numbers:
        if n["raw_start"] < at:
            continue
        pieces.append({"text": raw_text[at : n["raw_start"]]})
        claim = claims.get(n["claim_id"] or "")
        pieces.append(
            {
                "text": raw_text[n["raw_start"] : n["raw_end"]],
                "mark": mark_of(n),
                "claim_id": n["claim_id"],
                "metric": claim["metric"] if claim else None,
                "reason": n["reason"],
                "line": n["line"],
                "number_id": n["number_id"],
            }
        )
        at = n["raw_end"]
    pieces.append({"text": raw_text[at:]})
    return pieces


async def table_exists(db, name: str) -> bool:
    return name in await db.table_names()


async def rows(db, sql: str, params: dict[str, Any]) -> list[dict[str, Any]]:
    return [dict(r) for r in await db.execute(sql, params)]


def checklist(source: dict[str, Any], claims: list[dict], numbers: list[dict], datings: list[dict],
              proposals: list[dict], problems: list[dict]) -> list[str]:
    """What is still to do before the draft can say `reviewed: true` (empty when nothing is)."""
    todo = []
    if problems:
        todo.append(f"Fix the {len(problems)} problem(s) listed above: the build refuses the file until then.")
    drafted = [c for c in claims if (c["notes"] or "").startswith("DRAFT:")]
    if drafted:
        todo.append(f"Check {len(drafted)} claim(s) still carrying a DRAFT note, and replace each note with your own.")
    unplaced = [n for n in numbers if (n["reason"] or "").startswith("UNPLACED")]
    if unplaced:
        todo.append(f"Place {len(unplaced)} UNPLACED number(s): make a claim of a figure, or give your reason.")
    if any((d["basis"] or "").startswith("DRAFT:") for d in datings):
        todo.append("Check each exchange dating (its words and window) and replace its DRAFT basis.")
    if (source["published_basis"] or "").startswith("DRAFT:"):
        todo.append("Check the publication date against the article and replace published_basis.")
    if proposals:
        todo.append(
            f"Move the {len(proposals)} proposed official(s)/exchange(s) you accept to curation/officials.yml or "
            "curation/exchanges.yml, then delete the proposed_* lists."
        )
    if not source["reviewed"]:
        todo.append("Add the statements the article makes without a figure, then set `reviewed: true`.")
    return todo


async def review_context(datasette, source_id: str) -> dict[str, Any] | None:
    db = datasette.get_database(DB)
    found = await rows(db, SOURCE_SQL, {"source_id": source_id})
    if not found:
        return None
    source = found[0]
    params = {"source_id": source_id}
    claims = await rows(db, CLAIMS_SQL, params)
    numbers = await rows(db, NUMBERS_SQL, params)
    datings = await rows(db, DATINGS_SQL, params)
    files = {"file": source["curation_path"], "raw": source["raw_path"]}
    problems = (
        await rows(db, "select * from problems where source_id = :source_id or file in (:file, :raw) order by problem_id",
                   params | files)
        if await table_exists(db, "problems")
        else []
    )
    proposals = (
        await rows(db, "select * from proposals where source_id = :source_id order by kind, proposed_id", params)
        if await table_exists(db, "proposals")
        else []
    )
    metrics = [r["metric"] for r in await db.execute("select metric from metrics order by rowid")]
    by_id = {c["claim_id"]: c for c in claims}
    used = sorted({c["metric"] for c in claims if c["metric"]}, key=metrics.index)
    marks = segments(source["raw_text"], numbers, by_id)
    counts = {kind: sum(1 for m in marks if m.get("mark") == kind) for kind in ("claim", "not-claim", "unplaced", "problem")}
    return {
        "source": source,
        "claims": claims,
        "not_claims": [n for n in numbers if not n["claim_id"]],
        "segments": marks,
        "counts": counts,
        "colours": metric_colours(metrics),
        "legend": used,
        "datings": datings,
        "problems": problems,
        "proposals": proposals,
        "todo": checklist(source, claims, numbers, datings, proposals, problems),
    }


async def review_page(datasette, request) -> Response:
    source_id = tilde_decode(request.url_vars["source_id"])
    context = await review_context(datasette, source_id)
    if context is None:
        db = datasette.get_database(DB)
        problems = await table_exists(db, "problems") and (await db.execute("select count(*) from problems")).first()[0]
        html = await datasette.render_template(
            "review-missing.html", {"source_id": source_id, "problems": problems, "database": DB}, request=request
        )
        return Response.html(html, status=404)
    html = await datasette.render_template("review.html", context | {"database": DB}, request=request)
    return Response.html(html)


async def review_index(datasette, request) -> Response:
    db = datasette.get_database(DB)
    sources = await rows(db, INDEX_SQL, {})
    html = await datasette.render_template("review-index.html", {"sources": sources, "database": DB}, request=request)
    return Response.html(html)


@hookimpl
def register_routes():
    return [(r"^/-/review$", review_index), (r"^/-/review/(?P<source_id>[^/]+)$", review_page)]

