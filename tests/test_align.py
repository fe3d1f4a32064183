"""Alignment units: declared facts, subjects, blocking. The sample corpus is scored in test_align_gold.py."""

from __future__ import annotations

import shutil

from factcheck.align import align
from factcheck.align.clustering import MIN_POSTINGS_CAP, candidate_pairs
from factcheck.align.frames import frame
from factcheck.keys.subject import Subjects
from factcheck.models import Entity, Mention, Spelling
from factcheck.pipeline import run
from tests.checks_cases import STORY, _span, story_from_case
from tests.paths import SEEDS


def _claims(rows):
    return list(story_from_case({"claim": rows}).claims)


def _entity(entity_id, kind, *mentions, demonym=None):
    """An entity with mentions given as (source, start, text)."""
    spelled = tuple(Mention(source=s, span=_span(start, text)) for s, start, text in mentions)
    demonyms = ()
    if demonym:
        demonyms = (Spelling(text=demonym[2], count=1, sources=(demonym[0],), mentions=(Mention(source=demonym[0], span=_span(demonym[1], demonym[2])),)),)
    name = mentions[0][2] if mentions else entity_id
    return Entity(
        id=entity_id, name=name, kind=kind,
        spellings=(Spelling(text=name, count=len(spelled), sources=tuple({s for s, _, _ in mentions}), mentions=spelled),),
        demonyms=demonyms,
    )


def test_declared_facts_take_their_claims_first(tmp_path, rules):
    corpus = tmp_path / "seeds"
    shutil.copytree(SEEDS, corpus)
    with (corpus / "story.toml").open("a", encoding="utf-8") as manifest:
        manifest.write('\n[[fact]]\nlabel = "Kazakh agreements, value"\nkind = "money"\nwords = ["signed"]\nentities = ["Kazakhstan"]\n')
    report = run([corpus], rules)
    declared = [fact for fact in report.facts if fact.declared]
    assert [fact.label for fact in declared] == ["Kazakh agreements, value"]
    surfaces = {claim.surface for claim in report.claims if claim.id in declared[0].claims}
    assert surfaces == {"$3.7 billion"}
    assert declared[0].reasons == ("declared in story.toml",)
    assert sum(claim_id in fact.claims for fact in report.facts for claim_id in declared[0].claims) == len(declared[0].claims)


def test_a_pronoun_takes_the_subject_of_the_sentence_before():
    claims = _claims([
        {"source": "a", "surface": "$8.5 billion", "value": 8.5e9, "sentence": "Tokayev said investments exceed $8.5 billion.", "sentence_start": 0},
        {"source": "a", "surface": "$3.7 billion", "value": 3.7e9, "sentence": "During his visit, deals worth $3.7 billion were signed.", "sentence_start": 60},
    ])
    entities = [
        _entity("kazakhstan", "place", ("a", 500, "Kazakhstan"), demonym=("a", 900, "Kazakh")),
        _entity("tokayev", "person", ("a", 0, "Tokayev")),
    ]
    subjects = Subjects(entities, claims)
    assert subjects.of(claims[1]) == {"tokayev"}


def test_a_leader_counts_as_the_country_written_before_his_name():
    claims = _claims([{"source": "a", "surface": "60 deals", "kind": "count", "unit": "count", "value": 60,
                       "sentence": "Kazakh President Tokayev signed 60 deals.", "sentence_start": 0}])
    entities = [
        _entity("kazakhstan", "place", ("a", 900, "Kazakhstan"), demonym=("a", 0, "Kazakh")),
        _entity("tokayev", "person", ("a", 17, "Tokayev")),
    ]
    assert Subjects(entities, claims).of(claims[0]) == {"kazakhstan"}


def test_entities_in_most_sentences_are_the_setting_a_subject_only_where_no_other_is_named():
    rows = [
        {"source": "a", "surface": f"${n} billion", "value": n * 1e9, "sentence": f"Japan will spend ${n} billion.", "sentence_start": n * 100}
        for n in range(1, 5)
    ] + [{"source": "a", "surface": "$7 billion", "value": 7e9, "sentence": "Japan will spend $7 billion in Kenya.", "sentence_start": 700}]
    claims = _claims(rows)
    japan = _entity("japan", "place", *[("a", n * 100, "Japan") for n in (1, 2, 3, 4, 7)], demonym=("a", 9000, "Japanese"))
    kenya = _entity("kenya", "place", ("a", 728, "Kenya"))
    subjects = Subjects([japan, kenya], claims)
    alone, *_, beside = claims
    assert subjects.key(alone, False, {}).value == "japan"
    assert subjects.key(alone, False, {}).confidence < subjects.key(beside, False, {}).confidence
    assert subjects.of(beside) == frozenset({"kenya"})


def test_blocking_skips_features_too_common_to_tell_claims_apart():
    size = 400
    claims = _claims([
        {"source": f"s{n}", "surface": "$1 billion", "value": 1e9, "sentence": f"Japan will invest $1 billion in project{n}."}
        for n in range(size)
    ])
    pairs = candidate_pairs([frame(claim) for claim in claims])
    # Every claim shares 'japan', 'invest', 'billion'-sized: all-pairs would be 79,800.
    assert len(pairs) < size * MIN_POSTINGS_CAP


def test_two_figures_of_one_sentence_are_never_one_fact():
    claims = _claims([
        {"source": "a", "surface": "$95 billion", "value": 95e9, "sentence": "China's trade is $95 billion and the EU's $50 billion."},
        {"source": "a", "surface": "$50 billion", "value": 50e9, "sentence": "China's trade is $95 billion and the EU's $50 billion."},
    ])
    facts = align(STORY, claims)
    assert len(facts) == 2


# Keys decide first (factcheck/align/keyed.py): claims of sure, equal keys are one fact across languages.

_PLEDGES = [
    {"source": "a", "surface": "$100 million", "value": 1e8, "measure": "pledge", "subject": "germany",
     "sentence": "Other countries stepped up with big-ticket commitments, including Germany, also at $100 million."},
    {"source": "b", "surface": "100 Millionen Euro", "value": 1e8, "unit": "EUR", "measure": "pledge", "subject": "germany",
     "sentence": "Deutschland wird sich mit 100 Millionen Euro an dem Fonds beteiligen."},
]


def _facts_of(rows, languages):
    from factcheck.config import load_rules

    claims = _claims(rows)
    facts = align(STORY, claims, vocabulary=load_rules().vocabulary, languages=languages)
    return [sorted(claim.split("@")[0] for claim in fact.claims) for fact in facts]


def test_sure_and_equal_keys_join_claims_of_two_languages_that_share_no_word():
    assert ["a", "b"] in _facts_of(_PLEDGES, {"a": "en", "b": "de"})


def test_keys_do_not_join_claims_of_one_language_whose_words_part_them():
    assert ["a", "b"] not in _facts_of(_PLEDGES, {"a": "en", "b": "en"})


def test_a_guessed_key_leaves_claims_to_their_words():
    guessed = [dict(_PLEDGES[0], measure_confidence=0.6), _PLEDGES[1]]
    assert ["a", "b"] not in _facts_of(guessed, {"a": "en", "b": "de"})
    two_names = [dict(_PLEDGES[0], subject="germany+united-arab-emirates"), dict(_PLEDGES[1], subject="germany+united-arab-emirates")]
    assert ["a", "b"] not in _facts_of(two_names, {"a": "en", "b": "de"})


def test_a_developing_count_joins_only_claims_of_its_day():
    tolls = [
        {"source": "a", "surface": "820 people", "kind": "count", "unit": "count", "value": 820, "measure": "deaths",
         "subject": "morocco", "as_of": "2023-09-09", "sentence": "The quake killed 820 people in Morocco."},
        {"source": "b", "surface": "2 862 morts", "kind": "count", "unit": "count", "value": 2862, "measure": "deaths",
         "subject": "morocco", "as_of": "2023-09-12", "sentence": "Le séisme au Maroc a fait 2 862 morts."},
    ]
    assert ["a", "b"] not in _facts_of(tolls, {"a": "en", "b": "fr"})


def test_a_name_inside_a_figure_is_not_its_subject():
    sentence = "Germany and the Emirates pledge 200 Millionen US-Dollar."
    claims = _claims([{"source": "a", "surface": "200 Millionen US-Dollar", "value": 2e8, "sentence": sentence, "sentence_start": 0}])
    entities = [
        _entity("germany", "place", ("a", 0, "Germany")),
        _entity("united-states", "place", ("a", sentence.index("US-"), "US")),
    ]
    assert Subjects(entities, claims).of(claims[0]) == {"germany"}


def test_a_conjunction_before_a_figure_opens_a_clause_of_its_own():
    sentence = "The EU would provide €1 billion to Türkiye and €108 million in humanitarian aid to Syria."
    claims = _claims([
        {"source": "a", "surface": "€1 billion", "value": 1e9, "sentence": sentence, "sentence_start": 0},
        {"source": "a", "surface": "€108 million", "value": 1.08e8, "sentence": sentence, "sentence_start": 0},
    ])
    entities = [
        _entity("turkiye", "place", ("a", sentence.index("Türkiye"), "Türkiye")),
        _entity("syria", "place", ("a", sentence.index("Syria"), "Syria")),
    ]
    subjects = Subjects(entities, claims)
    others = ((claims[0].span.start, claims[0].span.end),)
    assert subjects.key(claims[1], True, {}, others).value == "syria"
    assert subjects.of(claims[0]) >= {"turkiye"}


def test_a_sum_in_a_country_s_own_currency_is_that_country_s_when_no_one_else_is_named():
    sentence = "The plan is worth 4 billion Swiss francs."
    claims = _claims([{"source": "a", "surface": "4 billion Swiss francs", "value": 4e9, "unit": "CHF", "sentence": sentence, "sentence_start": 0}])
    swiss = _entity("switzerland", "place", ("a", 900, "Switzerland"), demonym=("a", sentence.index("Swiss"), "Swiss"))
    assert Subjects([swiss], claims).of(claims[0]) == {"switzerland"}
    dollars = _claims([{"source": "a", "surface": "US$ 245 milhões", "value": 2.45e8, "unit": "USD", "sentence": "A UE prometeu US$ 245 milhões.", "sentence_start": 0}])
    us = _entity("united-states", "place", ("a", 900, "United States"), demonym=("a", 14, "US"))
    assert Subjects([us], dollars).of(dollars[0]) == frozenset()


def test_a_name_a_figure_introduces_as_its_part_or_peer_is_not_its_subject():
    # The G20 has 21 members; the EU is one of them, and "19 countries and the EU" sets it beside the 19. The
    # G20 is no person, place or organisation the tool knows, so the sentence names no subject: not the EU.
    for sentence, surface in [
        ("The G20 now has twenty-one members, including the European Union.", "twenty-one members"),
        ("The G20 had 19 countries and the European Union as members.", "19 countries"),
        ("G20は19か国とEUで構成されていた。", "19か国"),
    ]:
        claims = _claims([{"source": "a", "surface": surface, "kind": "count", "unit": "count", "value": 1,
                           "sentence": sentence, "sentence_start": 0}])
        union = "European Union" if "European" in sentence else "EU"
        entities = [
            _entity("g20", "other", ("a", sentence.index("G20"), "G20")),
            _entity("european-union", "organisation", ("a", sentence.index(union), union)),
        ]
        assert Subjects(entities, claims).of(claims[0]) == frozenset(), sentence


def test_a_name_after_a_figure_is_still_its_subject_when_nothing_marks_it_a_part():
    sentence = "The fund received 40 pledges from the European Union."
    claims = _claims([{"source": "a", "surface": "40 pledges", "kind": "count", "unit": "count", "value": 40,
                       "sentence": sentence, "sentence_start": 0}])
    entities = [_entity("european-union", "organisation", ("a", sentence.index("European"), "European Union"))]
    assert Subjects(entities, claims).of(claims[0]) == {"european-union"}


def test_words_take_the_stemmer_of_their_source_language():
    from factcheck.align.frames import _stems

    dead = ("погибших", "погибшие")
    assert len(set(_stems(dead, "ru"))) == 1 and len(set(_stems(dead, "en"))) == 2
    assert len(set(_stems(("médailles", "médaille"), "fr"))) == 1
    # German words are Latin letters too, and take the German stemmer: the English one left them whole.
    assert len(set(_stems(("Regierungen", "Regierung"), "de"))) == 1
    # A Latin word in a Russian text is stemmed as English; a language Snowball lacks keeps its words.
    assert _stems(("investments",), "ru") == _stems(("investments",), "en")
    assert _stems(("得票",), "ja") == ["得票"]


def test_a_where_clause_after_a_place_makes_its_figures_that_place_s():
    for sentence, place, surface in [
        ("Antes de llegar a Vietnam, el tifón atravesó la provincia de Hainan, donde dejó dos muertos y 92 heridos.", "Hainan", "92 heridos"),
        ("Before reaching Vietnam, the storm hit Hainan, where it injured 92 people.", "Hainan", "92 people"),
    ]:
        claims = _claims([{"source": "a", "surface": surface, "kind": "count", "unit": "count", "value": 92,
                           "sentence": sentence, "sentence_start": 0}])
        entities = [
            _entity("vietnam", "place", ("a", sentence.index("Vietnam"), "Vietnam")),
            _entity("hainan", "other", ("a", sentence.index(place), place)),
        ]
        key = Subjects(entities, claims).key(claims[0], True, {})
        assert key.value == "hainan" and key.rule == "the place its clause says it happened in", sentence
    # Without the relative word, the city is no subject and the country is.
    sentence = "The storm hit Vietnam after Hainan and injured 92 people."
    claims = _claims([{"source": "a", "surface": "92 people", "kind": "count", "unit": "count", "value": 92,
                       "sentence": sentence, "sentence_start": 0}])
    entities = [
        _entity("vietnam", "place", ("a", sentence.index("Vietnam"), "Vietnam")),
        _entity("hainan", "city", ("a", sentence.index("Hainan"), "Hainan")),
    ]
    assert Subjects(entities, claims).of(claims[0]) == {"vietnam"}


def test_an_unlisted_name_the_words_beside_call_a_province_is_the_place_of_a_toll():
    for sentence, country, place in [
        ("Flash floods in the province of Ghor in western Afghanistan have killed at least 50 people.", "Afghanistan", "Ghor"),
        ("Floods in Baghlan province of Afghanistan have killed at least 50 people.", "Afghanistan", "Baghlan"),
        ("Las inundaciones en la provincia de Ghor, en Afganistán, mataron a 50 personas.", "Afganistán", "Ghor"),
    ]:
        # The province is a subject of the toll (with the country beside it: then it is no sure subject of one place).
        assert place.lower() in _toll_subject(sentence, country, place).split("+"), sentence
    # An unlisted name with no such word beside it is no place: the toll stays the country's.
    assert _toll_subject("Flash floods hit Ghor, and in Afghanistan they killed at least 50 people.", "Afghanistan", "Ghor") == "afghanistan"


def _toll_subject(sentence: str, country: str, place: str) -> str:
    """The subject key of the toll `50` in `sentence`, beside a listed country and an unlisted name."""
    claims = _claims([{"source": "a", "surface": "50", "kind": "count", "unit": "count", "value": 50,
                       "sentence": sentence, "sentence_start": 0}])
    entities = [
        _entity("afghanistan", "place", ("a", sentence.index(country), country)),
        _entity(place.lower(), "other", ("a", sentence.index(place), place)),
    ]
    return Subjects(entities, claims).key(claims[0], True, {}).value


def test_a_label_leaves_out_the_function_words_of_its_language():
    """`Florida — circa, mentre, di` said nothing: the Stopwords ISO lists of the source's language leave them out."""
    sentence = "La tempesta ha lasciato circa 3 milioni di clienti senza elettricità, mentre i trasformatori bruciavano."
    claims = _claims([{"source": "a", "surface": "3 milioni", "value": 3e6, "measure": "", "sentence": sentence}])
    [fact] = align(STORY, claims, languages={"a": "it"})
    words = fact.label.split(" — ")[-1]
    assert not {"circa", "di", "senza", "mentre"} & set(words.replace("(", ",").replace(")", ",").replace(" ", "").split(","))
    assert "clienti" in fact.label or "elettricità" in fact.label or "trasformatori" in fact.label


def test_a_place_that_names_a_time_zone_is_no_subject():
    """`21h30 no horário de Brasília` tells the time in Brazil; the storm's figures are Florida's, not Brazil's."""
    sentence = "O furacão chegou às 20h30 (21h30 no horário de Brasília), com ventos de 205 km/h."
    claims = _claims([{"source": "a", "surface": "205 km/h", "value": 205, "sentence": sentence, "sentence_start": 0}])
    brazil = _entity("brazil", "place", ("a", sentence.index("Brasília"), "Brasília"))
    entities = [brazil.model_copy(update={"name": "Brazil"})]  # the capital's name is the country's mention
    assert Subjects(entities, claims).of(claims[0]) == frozenset()


def test_a_share_of_the_vote_is_the_nearest_candidates_never_a_place_or_a_candidates_country():
    sentence = "Senegalese opposition candidate Faye won 54.28%, ahead of Ba with 35.79%."
    claims = _claims([
        {"source": "a", "surface": "54.28%", "kind": "percent", "unit": "percent", "value": 54.28, "sentence": sentence,
         "sentence_start": 0},
        {"source": "a", "surface": "35.79%", "kind": "percent", "unit": "percent", "value": 35.79, "sentence": sentence,
         "sentence_start": 0},
    ])
    entities = [
        _entity("senegal", "place", ("a", 900, "Senegal"), demonym=("a", 0, "Senegalese")),
        _entity("faye", "person", ("a", sentence.index("Faye"), "Faye")),
        _entity("ba", "person", ("a", sentence.index("Ba "), "Ba")),
    ]
    subjects = Subjects(entities, claims)
    others = tuple((c.span.start, c.span.end) for c in claims)
    first = subjects.contender(claims[0], {"faye": "Bassirou Diomaye Faye"}, others[1:])
    second = subjects.contender(claims[1], {}, others[:1])
    assert (first.value, first.label, second.value) == ("faye", "Bassirou Diomaye Faye", "ba")
    lone = _claims([{"source": "b", "surface": "61.3%", "kind": "percent", "unit": "percent", "value": 61.3,
                     "sentence": "Turnout in Senegal was 61.3%.", "sentence_start": 0}])
    place = [_entity("senegal", "place", ("b", 11, "Senegal"))]
    assert Subjects(place, lone).contender(lone[0], {}).value is None
