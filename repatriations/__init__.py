"""Build stages for the repatriations dataset: raw articles + curation -> validated tables -> SQLite."""
