"""Month and weekday names, shared by the rules that read dates, speakers and bullets."""

from __future__ import annotations

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
# Short forms as news text writes them; "Sept" as well as "Sep". "May" has none.
MONTH_ABBREVIATIONS = ("Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def any_of(words) -> str:
    """A regex group matching any of ``words`` exactly as written: '(?:January|February|...)'."""
    return "(?:" + "|".join(words) + ")"
