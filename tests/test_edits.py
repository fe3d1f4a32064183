"""A careless writer's edits to a copy of the sample corpus: each must surface as exactly one new finding.

New means what `factcheck check` would call new: an identity the unedited corpus
does not produce (a known finding whose values change is reported as changed,
not new). The new finding must cite the edited text.
"""

from __future__ import annotations

import shutil

import pytest

from factcheck.pipeline import run
from tests.paths import SEEDS

EDITS = [
    pytest.param(
        "002_4af29e7c14328e3e.txt", "Over 60 agreements totaling $3.7 billion", "Over 60 agreements totaling $4.7 billion",
        "$4.7 billion", "agreement", id="a figure changed in one source",
    ),
    pytest.param(
        "001_5acc7e9b45e286df.txt", "Kazakhstan’s President Kassym-Jomart Tokayev emphasised",
        "Kazakhstan’s President Kassym-Jomart Tokaev emphasised", "Tokaev", "spelling", id="a leader's name misspelt",
    ),
    pytest.param(
        # The total "exceeds" $427.4 million, so larger parts would be consistent: the careless edit makes them fall short.
        "003_f22c4224336f4e47.txt", "\\$330.2 million to grant aid", "\\$230.2 million to grant aid",
        "$230.2 million", "arithmetic", id="a sum broken",
    ),
    pytest.param(
        "000_2a72b3ee8e917de2.txt", "about 3 trillion yen (more than $19 billion)", "about 3 trillion yen (more than $29 billion)",
        "$29 billion", "conversion", id="an in-text conversion miscomputed",
    ),
]


@pytest.fixture(scope="module")
def original_identities(rules):
    return {finding.identity for finding in run([SEEDS], rules).findings}


@pytest.mark.parametrize("name, before, after, cited, rule", EDITS)
def test_each_edit_gives_exactly_one_new_finding_at_the_edit(tmp_path, rules, original_identities, name, before, after, cited, rule):
    corpus = tmp_path / "seeds"
    shutil.copytree(SEEDS, corpus)
    path = corpus / name
    text = path.read_text(encoding="utf-8")
    assert text.count(before) == 1
    path.write_text(text.replace(before, after), encoding="utf-8")
    edit_start = text.index(before)
    edit_end = edit_start + len(after)

    new = [f for f in run([corpus], rules).findings if f.identity not in original_identities]

    assert [f.rule for f in new] == [rule], [f.message for f in new]
    at_edit = [c for c in new[0].claims if c.path.endswith(name) and edit_start <= c.start < edit_end]
    assert at_edit and cited in at_edit[0].surface, new[0].claims
