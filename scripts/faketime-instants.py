#!/usr/bin/python3
"""Prints the instants at which scripts/test.sh runs the date-sensitive suites a second time.

One line per instant: NAME OFFSET_SECONDS UTC_TIME. OFFSET is what libfaketime's FAKETIME="+N"
adds to the real clock, so every process of a run (the test and the servers it starts) sees the
same faked time. The instants are the next ones after today, so they stay close to the present
(certificates made at test time, tokens, demo data all keep making sense):

  dst-spring   ten minutes before Rome's spring DST change (last Sunday of March, 02:00 CET)
  new-year     23:50 in Rome on 31 December
  march-first  00:30 in Rome on 1 March (the UTC date is still February)
  leap-day     12:00 in Rome on 29 February of the next leap year

  scripts/faketime-instants.py [NAME]   only that instant
Uses Debian's /usr/bin/python3 and the system zone database (tzdata).
"""
import calendar
import datetime as dt
import sys
from zoneinfo import ZoneInfo

ROME = ZoneInfo("Europe/Rome")


def rome(year, month, day, hour, minute):
    return dt.datetime(year, month, day, hour, minute, tzinfo=ROME)


def last_sunday_of_march(year):
    day = 31
    while dt.date(year, 3, day).weekday() != calendar.SUNDAY:
        day -= 1
    return day


def next_instant(make, now):
    """The first of make(year) for this year and the following ones that is after now."""
    year = now.astimezone(ROME).year
    while True:
        candidate = make(year)
        if candidate is not None and candidate > now:
            return candidate
        year += 1


def instants(now):
    return {
        "dst-spring": next_instant(lambda y: rome(y, 3, last_sunday_of_march(y), 1, 50), now),
        "new-year": next_instant(lambda y: rome(y, 12, 31, 23, 50), now),
        "march-first": next_instant(lambda y: rome(y, 3, 1, 0, 30), now),
        "leap-day": next_instant(lambda y: rome(y, 2, 29, 12, 0) if calendar.isleap(y) else None, now),
    }


def main():
    now = dt.datetime.now(dt.timezone.utc)
    only = sys.argv[1] if len(sys.argv) > 1 else None
    found = False
    for name, at in instants(now).items():
        if only and name != only:
            continue
        found = True
        offset = int((at - now).total_seconds())
        print(name, offset, at.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"))
    if only and not found:
        sys.exit("unknown instant %s (dst-spring, new-year, march-first, leap-day)" % only)


if __name__ == "__main__":
    main()
