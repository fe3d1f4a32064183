import json
from decimal import Decimal

import pytest
from pydantic import ValidationError

from factcheck.models import Interval, Report, Severity, Span


def test_models_are_frozen():
    span = Span(start=0, end=3, text="abc", line=1, column=1)
    with pytest.raises(ValidationError):
        span.start = 2


def test_unknown_fields_are_rejected():
    with pytest.raises(ValidationError):
        Span(start=0, end=3, text="abc", line=1, column=1, offset=4)


def test_interval_overlap_and_gap():
    a = Interval(low=Decimal("18.5"), high=Decimal("19.5"))
    b = Interval(low=Decimal("20.7"), high=Decimal("21.2"))
    assert not a.overlaps(b)
    assert a.gap(b) == Decimal("1.2")
    assert a.overlaps(Interval(low=Decimal(19), high=Decimal(30)))
    assert a.gap(Interval(low=Decimal(19), high=Decimal(30))) == 0


def test_severity_rank_orders_error_first():
    assert sorted(Severity, key=lambda s: -s.rank) == [Severity.ERROR, Severity.WARNING, Severity.INFO]


def test_report_round_trips_through_json(seeds_report):
    again = Report.model_validate_json(seeds_report.model_dump_json())
    assert again == seeds_report


def test_report_json_keeps_decimals_exact(seeds_report):
    data = json.loads(seeds_report.model_dump_json())
    values = {claim["span"]["text"]: claim["stated"]["value"] for claim in data["claims"]}
    assert values["$3.7 billion"] == "3700000000"
    assert data["summary"]["claims"] == len(data["claims"])
