"""Times of day restated in another time zone: `10h33 (5h33, heure française)`, `19 Uhr Ortszeit (15 Uhr MESZ)`,
`17:47 local time (08:47 GMT)`.

A time (`17:47`, `9.47`, `10h33`, `19 Uhr`, `8.15 p.m.`) with the zone written right after it, then, in brackets,
the same moment in another zone. A time with no zone before the bracket is local time. Zones are named the way news
copy names them, in the languages of the press (`GMT`, `heure de Paris`, `hora peninsular`, `MESZ`, `JST`,
`Moscow time`, `horário de Brasília`, `waktu setempat`); `local` stands for the zone of the place the story is
about, which the check decides. Only Latin-script copy for now: CJK and Korean times put the zone first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from factcheck.scripts import caseless

LOCAL = "local"

# Zone words -> IANA zone, or a fixed offset in minutes for a name that says whether summer time is on (`MESZ`).
ZONES: dict[str, str | int] = {
    "gmt": 0, "utc": 0, "temps universel": 0, "heure de greenwich": 0, "greenwich": 0,
    "cet": 60, "mez": 60, "cest": 120, "mesz": 120, "bst": 60,
    "heure française": "Europe/Paris", "heure de paris": "Europe/Paris", "heure de france": "Europe/Paris",
    "heure belge": "Europe/Brussels", "heure suisse": "Europe/Zurich", "hora peninsular": "Europe/Madrid",
    "hora española": "Europe/Madrid", "hora de españa": "Europe/Madrid", "ora italiana": "Europe/Rome",
    "deutscher zeit": "Europe/Berlin", "uk time": "Europe/London", "london time": "Europe/London",
    "jst": "Asia/Tokyo", "japan time": "Asia/Tokyo", "heure japonaise": "Asia/Tokyo", "kst": "Asia/Seoul",
    "korean time": "Asia/Seoul", "ist": "Asia/Kolkata", "indian time": "Asia/Kolkata", "msk": "Europe/Moscow",
    "moscow time": "Europe/Moscow", "heure de moscou": "Europe/Moscow", "hora de moscú": "Europe/Moscow",
    "moskauer zeit": "Europe/Moscow", "beijing time": "Asia/Shanghai", "heure de pékin": "Asia/Shanghai",
    "hora de pekín": "Asia/Shanghai", "edt": -240, "est": -300, "pdt": -420, "pst": -480,
    "new york time": "America/New_York", "horário de brasília": "America/Sao_Paulo",
    "hora de brasília": "America/Sao_Paulo", "de brasília": "America/Sao_Paulo", "wib": "Asia/Jakarta",
    "local time": LOCAL, "local": LOCAL, "heure locale": LOCAL, "hora local": LOCAL, "ora locale": LOCAL,
    "ortszeit": LOCAL, "waktu setempat": LOCAL, "czasu lokalnego": LOCAL, "yerel saat": LOCAL, "lokale tijd": LOCAL,
    "horário local": LOCAL, "na hora local": LOCAL,
}  # fmt: skip

_ZONE = "|".join(re.escape(name) for name in sorted(ZONES, key=len, reverse=True))
_TIME = (
    r"(?P<{p}h>2[0-3]|[01]?\d)(?!\d)(?:\s?[:.hH]\s?(?P<{p}m>[0-5]\d)|\s?[hH](?![a-zA-Z]))?"
    r"(?:\s?(?P<{p}ap>[ap])\.?\s?m\b\.?)?(?:\s?Uhr\b)?"
)
# T1 [Z1] ( [Z2] T2 [Z2] ): the bracket may name its zone before or after its time, after a comma or `soit`.
_PAIR = re.compile(
    rf"(?<![\d.,:])(?P<first>{_TIME.format(p='a')})(?:\s*,?\s*(?:[^\W\d]+\s)?(?P<zone_a>{_ZONE})\b)?"
    rf"\s*\(\s*(?:(?P<zone_b1>{_ZONE})\b\s*:?\s*)?(?P<second>{_TIME.format(p='b')})\s*,?\s*(?:(?P<zone_b2>{_ZONE})\b)?",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class ZonePair:
    """A time and its bracketed restatement in another zone, with where each was written."""

    first: tuple[int, int]  # [start, end) of the first time and its zone in the text
    second: tuple[int, int]
    minutes: tuple[int, int]  # minutes after midnight as written (12-hour times without am/pm: the morning reading)
    twelve_hour: tuple[bool, bool]  # True for a time that may be read twelve hours later (no am/pm, hour 1-12)
    zones: tuple[str | int, str | int]


def zone_pairs(text: str) -> list[ZonePair]:
    """Every time written with its restatement in another zone (see the module)."""
    found = []
    for match in _PAIR.finditer(text):
        zone_b = match.group("zone_b1") or match.group("zone_b2")
        if zone_b is None or not (_a_time(match, "a", "first") and _a_time(match, "b", "second")):
            continue  # a bracketed zone names the restatement; a bare hour is no time (`Jan. 19 (12:20 a.m. JST`)
        zone_a = match.group("zone_a")
        zones = (ZONES[caseless(zone_a)] if zone_a else LOCAL, ZONES[caseless(zone_b)])
        if zones[0] == zones[1]:
            continue
        first = _minutes(match.group("ah"), match.group("am"), match.group("aap"))
        second = _minutes(match.group("bh"), match.group("bm"), match.group("bap"))
        end_a = match.end("zone_a") if zone_a else match.end("first")
        end_b = match.end("zone_b2") if match.group("zone_b2") else match.end("second")
        found.append(
            ZonePair(
                first=(match.start("first"), end_a),
                second=(match.start("zone_b1") if match.group("zone_b1") else match.start("second"), end_b),
                minutes=(first, second),
                twelve_hour=(_ambiguous(match.group("ah"), match.group("aap")), _ambiguous(match.group("bh"), match.group("bap"))),
                zones=zones,
            )
        )
    return found


def _a_time(match: re.Match[str], prefix: str, group: str) -> bool:
    """True when one side of a pair is a time by itself: minutes, am or pm, `h` or `Uhr` (`19 Uhr`, `10h`), not an hour
    alone, which may be a day of the month or any number."""
    if match.group(f"{prefix}m") or match.group(f"{prefix}ap"):
        return True
    return bool(re.search(r"h", match.group(group), re.IGNORECASE))


def _minutes(hour: str, minute: str | None, half: str | None) -> int:
    value = int(hour) % 12 + (12 if half and half.lower() == "p" else 0) if half else int(hour)
    return value * 60 + int(minute or 0)


def _ambiguous(hour: str, half: str | None) -> bool:
    return half is None and 1 <= int(hour) <= 12
