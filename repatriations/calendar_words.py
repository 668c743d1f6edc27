"""English month and weekday names, from the standard library's calendar (the "C"
locale: the build never changes locale), for every stage that reads dates in text."""

from __future__ import annotations

import calendar

MONTHS = [name.lower() for name in calendar.month_name[1:]]  # january … december
MONTH_ABBREVIATIONS = [name.lower() for name in calendar.month_abbr[1:]]  # jan … dec
WEEKDAYS = [name.lower() for name in calendar.day_name]  # monday … sunday, Monday = 0 as in date.weekday()
WEEKDAY_ABBREVIATIONS = [name.lower() for name in calendar.day_abbr]
