"""Exchange pages: each source's dating of the exchange side by side (its window, the
words and how they were read), the window derived from them all, and any date
conflict. The quotes reach the page only through Jinja's autoescaping."""

from __future__ import annotations

from typing import Any

from datasette import hookimpl
from datasette.utils import tilde_decode

DATINGS_SQL = """
select d.*, s.label as source_label
from exchange_dates d
join sources s on s.source_id = d.source_id
where d.exchange_id = :exchange_id
order by d.date_earliest, d.source_id
"""
EXCHANGE_SQL = """
select e.date_earliest, e.date_latest, e.date_precision, e.weekday, e.date_basis, e.date_conflict,
  (select group_concat(x.summary, ' ') from discrepancies x
   where x.kind = 'date_conflict' and x.exchange_id = e.exchange_id) as conflict_summary,
  (select x.discrepancy_id from discrepancies x
   where x.kind = 'date_conflict' and x.exchange_id = e.exchange_id) as conflict_id
from exchanges e where e.exchange_id = :exchange_id
"""


async def exchange_datings(datasette, database: str, exchange_id: str) -> dict[str, Any] | None:
    db = datasette.get_database(database)
    exchange = (await db.execute(EXCHANGE_SQL, {"exchange_id": exchange_id})).first()
    if exchange is None:
        return None
    datings = [dict(r) for r in await db.execute(DATINGS_SQL, {"exchange_id": exchange_id})]
    return dict(exchange) | {"datings": datings}


@hookimpl
def extra_template_vars(view_name, table, database, request, datasette):
    if view_name != "row" or table != "exchanges" or request is None:
        return {}

    async def inner() -> dict[str, Any]:
        exchange_id = tilde_decode(request.url_vars["pks"])
        return {"exchange_datings": await exchange_datings(datasette, database, exchange_id)}

    return inner
