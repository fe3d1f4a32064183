"""Dictionary forms of words, through simplemma: `Geschwindigkeiten` is `Geschwindigkeit`, `Toten` is `Toter`.

German capitalises every noun, so its plurals and case forms (`Toten`, `Toter`) reach the name
list as if they were names; Polish, Czech and the other languages that decline do the same to
names themselves. Two written words are one word when the language's dictionary gives both the
same lemma. A word the dictionary does not know is its own lemma, so a misspelling never meets
the word it misspells here. A language's dictionary is loaded on first use (a fraction of a second
to a second), which is why callers ask only about words that would otherwise be reported.
"""

from __future__ import annotations

from functools import cache, lru_cache

# simplemma's frugal backend: German, Turkish, Spanish, French and English loaded take 61 MiB and 1.5 s
# this way, 353 MiB and 2.3 s the default way (whole dictionaries as Python dicts); a run asks few words.
LOW_MEMORY = True


def same_lemma(first: str, second: str, language: str) -> bool:
    """True when `first` and `second` are forms of one word of `language` (a primary subtag: `de`, `pl`)."""
    if language not in _supported():
        return False
    # The dictionary's chains are short and not always closed (`Toten` -> `Toter` -> `Tote`): one step either way.
    forms_a = {first.casefold(), _lemma(first, language)}
    forms_b = {second.casefold(), _lemma(second, language)}
    return _lemma(first, language) in forms_b or _lemma(second, language) in forms_a


def known_word(word: str, language: str) -> bool:
    """True when the dictionary of `language` lists `word` as written."""
    if language not in _supported():
        return False
    import simplemma

    return simplemma.is_known(word, lang=language, low_memory=LOW_MEMORY)


@lru_cache(maxsize=4096)
def _lemma(word: str, language: str) -> str:
    import simplemma

    return simplemma.lemmatize(word, lang=language, low_memory=LOW_MEMORY).casefold()


@cache
def _supported() -> frozenset[str]:
    # simplemma is imported on the first word asked about (0.06 s): most runs ask none.
    from simplemma.strategies.dictionaries.dictionary_factory import SUPPORTED_LANGUAGES

    return frozenset(SUPPORTED_LANGUAGES)


def function_word(word: str, language: str) -> bool:
    """True for a word of `language` (a primary subtag) that says nothing by itself: `para`, `und`, `di`, `mentre`.

    From the Stopwords ISO collection (`stopwordsiso`, 58 languages); a language it lacks has none.
    """
    return word.casefold() in _stop_list(language)


@cache
def _stop_list(language: str) -> frozenset[str]:
    import stopwordsiso  # imported on first use: only fact labels ask

    if not stopwordsiso.has_lang(language):
        return frozenset()
    return frozenset(word.casefold() for word in stopwordsiso.stopwords(language))
