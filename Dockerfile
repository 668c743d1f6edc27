# The dataset as a container: pinned dependencies, the release built at image build
# time, served as `make serve` serves it: `datasette serve dist/` (a Datasette
# configuration directory holding the database, its inspect file, metadata,
# settings.json, templates, plugins and the static data package), on 0.0.0.0:8001.
FROM python:3.11.7-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
WORKDIR /app

COPY requirements.txt constraints.txt ./
RUN pip install --no-cache-dir -r requirements.txt -c constraints.txt

COPY build.py metadata.yml settings.json ./
COPY repatriations/ repatriations/
COPY schema/ schema/
COPY raw/ raw/
COPY curation/ curation/
COPY plugins/ plugins/
COPY templates/ templates/
RUN python build.py

EXPOSE 8001
CMD ["datasette", "serve", "dist/", "-h", "0.0.0.0", "-p", "8001"]
