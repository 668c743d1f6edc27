# The dataset as a container: pinned dependencies, the database built at image
# build time, served immutable on 0.0.0.0:8001 with the same arguments as
# `make serve` (tests/test_container.py checks they agree).
FROM python:3.11.7-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
WORKDIR /app

COPY requirements.txt constraints.txt ./
RUN pip install --no-cache-dir -r requirements.txt -c constraints.txt

COPY build.py metadata.yml ./
COPY repatriations/ repatriations/
COPY schema/ schema/
COPY raw/ raw/
COPY curation/ curation/
COPY plugins/ plugins/
COPY templates/ templates/
RUN python build.py

EXPOSE 8001
CMD ["datasette", "serve", "-i", "dist/repatriations.db", "--inspect-file", "dist/inspect-data.json", "-m", "dist/metadata.json", "--plugins-dir", "plugins", "--template-dir", "templates", "--static", "package:dist/package", "--setting", "sql_time_limit_ms", "1000", "--setting", "max_returned_rows", "1000", "--setting", "default_cache_ttl", "3600", "--setting", "facet_time_limit_ms", "200", "--setting", "num_sql_threads", "0", "--setting", "suggest_facets", "off", "-h", "0.0.0.0", "-p", "8001"]
