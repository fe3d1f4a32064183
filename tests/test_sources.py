import shutil
from pathlib import Path

import pytest

from factcheck.errors import ConfigError, InputError
from factcheck.models import Role
from factcheck.sources import decode, load

from tests.paths import SEEDS, SHARED_SEEDS


def test_seeds_are_byte_identical_to_the_shared_corpus():
    if not SHARED_SEEDS.is_dir():
        pytest.skip("../shared/seeds is not next to this checkout")
    for shared in sorted(SHARED_SEEDS.glob("*.txt")):
        assert (SEEDS / shared.name).read_bytes() == shared.read_bytes()


def test_seeds_load_as_one_story_with_metadata():
    corpus = load([SEEDS])
    (story,) = corpus.stories
    assert story.story.name == "First Central Asia + Japan summit, Tokyo"
    assert str(story.story.reference_date) == "2025-12-20"
    assert [d.source.path for d in story.documents] == sorted(f"seeds/{p.name}" for p in SEEDS.glob("*.txt"))
    outlets = {d.source.id: d.source.outlet for d in story.documents}
    assert outlets["seeds/002_4af29e7c14328e3e"] == "AloJapan.com"
    assert corpus.warnings == []


@pytest.mark.parametrize("seed", sorted(p.name for p in SEEDS.glob("*.txt")))
def test_offset_map_round_trips_on_every_seed(seed):
    (story,) = load([SEEDS / seed]).stories
    (document,) = story.documents
    assert document.original == (SEEDS / seed).read_text(encoding="utf-8")
    text = document.text
    for start in range(0, len(text), 7):
        end = min(len(text), start + 11)
        span = document.span(start, end)
        assert document.original[span.start : span.end] == span.text
        # Cleaning only drops or normalises characters: what it keeps appears in order in the original.
        assert _in_order([ch for ch in text[start:end] if ch.isalnum()], span.text)


def _in_order(chars: list[str], text: str) -> bool:
    remaining = iter(text)
    return all(ch in remaining for ch in chars)


def test_a_single_file_finds_its_story_manifest():
    (story,) = load([SEEDS / "001_5acc7e9b45e286df.txt"]).stories
    assert story.story.id == "seeds"
    assert story.documents[0].source.title.startswith("The solar plexus of the East")


def test_ids_do_not_depend_on_the_working_directory(tmp_path, monkeypatch):
    first = load([SEEDS])
    monkeypatch.chdir(tmp_path)
    second = load([SEEDS])
    assert [d.source for d in first.stories[0].documents] == [d.source for d in second.stories[0].documents]


def test_each_story_folder_is_its_own_story(tmp_path):
    for name in ("alpha", "beta"):
        folder = tmp_path / "corpus" / name
        folder.mkdir(parents=True)
        (folder / "story.toml").write_text(f'[story]\nname = "{name}"\n')
        (folder / "a.txt").write_text("Japan will invest $20 billion.")
    corpus = load([tmp_path / "corpus"])
    assert [s.story.id for s in corpus.stories] == ["corpus/alpha", "corpus/beta"]


def test_markdown_front_matter_toml_and_yaml(tmp_path):
    (tmp_path / "a.md").write_text("+++\ntitle = 'Alpha'\noutlet = 'Daily'\npublished = 2025-12-21\n+++\nBody $5 billion.\n")
    (tmp_path / "b.md").write_text("---\ntitle: Beta\nurl: https://example.org/b\ndate: 2025-12-22\n---\nBody.\n")
    documents = load([tmp_path]).stories[0].documents
    a, b = (d.source for d in documents)
    assert (a.title, a.outlet, str(a.published)) == ("Alpha", "Daily", "2025-12-21")
    assert (b.title, b.url, str(b.published)) == ("Beta", "https://example.org/b", "2025-12-22")
    assert documents[0].text.startswith("Body $5")


def test_bad_front_matter_names_the_file(tmp_path):
    (tmp_path / "a.md").write_text("---\ntitle: [unclosed\n---\nBody.\n")
    with pytest.raises(InputError) as error:
        load([tmp_path])
    assert "a.md" in str(error.value)


@pytest.mark.parametrize(
    "encoding, text",
    [
        ("utf-8", "Japan’s €17.9 billion"),
        ("utf-16", "Japan’s €17.9 billion"),
        ("cp1251", "Япония инвестирует около 3 триллионов иен в проекты в Центральной Азии. " * 3),
        ("koi8-r", "Президент Туркменистана Сердар Бердымухамедов провёл переговоры в Токио. " * 3),
        ("latin-1", "Le président a annoncé un investissement à Tokyo, déjà évoqué à Genève. " * 3),
    ],
)
def test_encodings_are_detected(encoding, text):
    decoded, _ = decode(("\ufeff" + text if encoding == "utf-16" else text).encode(encoding))
    assert decoded.lstrip("\ufeff") == text


def test_utf8_bom_is_kept_in_the_original_and_read_through(tmp_path):
    (tmp_path / "a.txt").write_bytes("\ufeffJapan will invest $20 billion.".encode("utf-8"))
    (document,) = load([tmp_path]).stories[0].documents
    assert document.source.encoding == "utf-8-sig"
    assert document.text.startswith("Japan")
    assert document.original[document.span(0, 5).start : document.span(0, 5).end] == "Japan"


def test_binary_files_are_skipped_with_a_warning(tmp_path):
    (tmp_path / "image.txt").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "ok.txt").write_text("Fine.")
    corpus = load([tmp_path])
    assert [d.source.path for d in corpus.stories[0].documents] == [f"{tmp_path.name}/ok.txt"]
    assert corpus.warnings == [f"{tmp_path.name}/image.txt: skipped: binary or undecodable file"]


def test_missing_path_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        load([tmp_path / "nope"])


def test_manifest_naming_a_missing_file_gives_its_line(tmp_path):
    (tmp_path / "story.toml").write_text('[story]\nname = "x"\n\n[[source]]\nfile = "gone.txt"\n')
    (tmp_path / "a.txt").write_text("text")
    with pytest.raises(ConfigError) as error:
        load([tmp_path])
    assert error.value.line == 5


def test_draft_joins_the_only_story_and_is_marked(tmp_path):
    shutil.copytree(SEEDS, tmp_path / "seeds")
    draft = tmp_path / "draft.md"
    draft.write_text("Japan will invest $25 billion.")
    (story,) = load([tmp_path / "seeds"], draft=draft).stories
    roles = {d.source.path: d.source.role for d in story.documents}
    assert roles["draft.md"] is Role.DRAFT
    assert list(roles.values()).count(Role.DRAFT) == 1


def test_file_over_the_size_limit_is_skipped(tmp_path):
    (tmp_path / "big.txt").write_text("x" * 2000)
    (tmp_path / "small.txt").write_text("small")
    corpus = load([tmp_path], max_file_bytes=1000)
    assert len(corpus.stories[0].documents) == 1
    assert "over the limit" in corpus.warnings[0]


def test_total_over_the_limit_is_an_input_error(tmp_path):
    for name in "abc":
        (tmp_path / f"{name}.txt").write_text("x" * 600)
    with pytest.raises(InputError, match="add up to more than"):
        load([tmp_path], max_total_bytes=1000)


def _story_of(tmp_path, files: dict[str, str]):
    story = tmp_path / "story"
    for name, text in files.items():
        (story / name).parent.mkdir(parents=True, exist_ok=True)
        (story / name).write_text(text)
    return story


def _paths_read(corpus):
    return [d.source.path for story in corpus.stories for d in story.documents]


def test_gitignore_and_factcheckignore_patterns_leave_files_out_of_a_walk(tmp_path):
    story = _story_of(tmp_path, {
        ".gitignore": "*.md\n/notes/\n",
        ".factcheckignore": "!keep.md\nold-*.txt\n",
        "a.txt": "Japan pledged $3 billion.\n",
        "old-a.txt": "Japan pledged $4 billion.\n",
        "keep.md": "Japan pledged $5 billion.\n",
        "scratch.md": "Japan pledged $6 billion.\n",
        "notes/n.txt": "Japan pledged $7 billion.\n",
        "sub/.gitignore": "b.txt\n",
        "sub/b.txt": "Japan pledged $8 billion.\n",
        "sub/c.txt": "Japan pledged $9 billion.\n",
        "sub/notes/d.txt": "Japan pledged $10 billion.\n",  # `/notes/` is anchored to the story folder
    })
    corpus = load([story])
    assert _paths_read(corpus) == ["story/a.txt", "story/keep.md", "story/sub/c.txt", "story/sub/notes/d.txt"]
    assert corpus.warnings == []
    assert load([story / "old-a.txt"]).stories[0].documents  # a file given by name is read, ignored or not


def test_the_gitignore_of_the_repository_above_the_corpus_counts_but_not_one_outside_it(tmp_path):
    (tmp_path / ".gitignore").write_text("drafts/\n")
    repository = tmp_path / "repo"
    (repository / ".git").mkdir(parents=True)
    (repository / ".gitignore").write_text("*.tmp.txt\n")
    story = repository / "story"
    for name in ("a.txt", "b.tmp.txt", "drafts/c.txt"):
        (story / name).parent.mkdir(parents=True, exist_ok=True)
        (story / name).write_text("Japan pledged $3 billion.\n")
    assert _paths_read(load([story])) == ["story/a.txt", "story/drafts/c.txt"]


def test_a_folder_given_by_name_is_read_though_the_repository_ignores_it(tmp_path):
    repository = tmp_path / "repo"
    (repository / ".git").mkdir(parents=True)
    (repository / ".gitignore").write_text("/bench/out/\n")
    story = repository / "bench" / "out" / "archive" / "story"
    story.mkdir(parents=True)
    (story / "a.txt").write_text("Japan pledged $3 billion.\n")
    (story / ".gitignore").write_text("b.txt\n")
    (story / "b.txt").write_text("Japan pledged $3 billion.\n")
    assert _paths_read(load([story.parent])) == ["archive/story/a.txt"]  # its own ignore files still count


def test_an_ignored_file_may_be_written_in_the_corpus(tmp_path):
    from factcheck.sources import reader_of

    story = _story_of(tmp_path, {".factcheckignore": "out/\n", "a.txt": "Japan pledged $3 billion.\n"})
    assert reader_of(story / "out" / "claims.txt", [story]) is None
    assert reader_of(story / "claims.txt", [story]) == story


def test_an_ignore_file_that_is_a_fifo_is_not_opened(tmp_path):
    import os

    story = _story_of(tmp_path, {"a.txt": "Japan pledged $3 billion.\n"})
    os.mkfifo(story / ".gitignore")
    corpus = load([story])
    assert _paths_read(corpus) == ["story/a.txt"]
    assert corpus.warnings == ["story/.gitignore: skipped: an ignore file that is not a regular file of at most 1 MB"]


def test_standard_input_is_one_source_of_a_story_of_its_own(tmp_path):
    from click.testing import CliRunner

    from factcheck.cli import cli

    text = (SEEDS / "000_2a72b3ee8e917de2.txt").read_text(encoding="utf-8")
    result = CliRunner().invoke(cli, ["claims", "-", "--format", "json", "-q"], input=text.encode())
    assert result.exit_code == 0, result.output
    claims = __import__("json").loads(result.output)
    assert claims and {claim["source"] for claim in claims} == {"-"}
    twice = CliRunner().invoke(cli, ["claims", "-", "-"], input=b"x")
    assert twice.exit_code == 2 and "standard input (-) can be read only once" in twice.output


def test_standard_input_that_is_an_html_page_is_read_as_one(monkeypatch):
    import io
    import sys

    from tests.test_formats import page

    markup = page(["Japan is prepared to invest about 3 trillion yen in projects across Central Asia."] * 2)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(markup.encode())))
    (story,) = load([Path("-")]).stories
    (document,) = story.documents
    assert (story.story.id, document.source.path, document.source.outlet) == ("-", "-", "Example Times")
    assert document.original.startswith("Japan is prepared")


def test_standard_input_over_the_size_limit_is_skipped(monkeypatch):
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"x" * 2000)))
    corpus = load([Path("-")], max_file_bytes=1000)
    assert corpus.stories == []
    assert corpus.warnings == ["-: skipped: more than 1000 bytes is over the limit of 1000 (settings.max_file_bytes)"]


def test_standard_input_joins_the_one_story_the_other_paths_give(monkeypatch):
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"Japan will invest about $20 billion in Central Asia.\n")))
    (story,) = load([Path("-"), SEEDS]).stories
    assert story.story.id == "seeds"
    assert [d.source.path for d in story.documents][:2] == ["-", "seeds/000_2a72b3ee8e917de2.txt"]
    assert len(story.documents) == 6
