"""Fuzz factcheck with atheris (coverage-guided, libFuzzer) for a bounded time: any bytes, no crash.

    python3 bench/fuzz.py                          # every target, 60 s each
    python3 bench/fuzz.py --seconds 600 --target extract --target story
    python3 bench/fuzz.py --json fuzz.json         # also write the summary as JSON

Targets, each fed bytes (read as UTF-8 with replacement where text is wanted):

    decode   sources.decode and front_matter: any bytes are text, binary, or an InputError
    clean    cleaning: every cleaned character maps, in order, into the original
    extract  extraction: every claim's span indexes the original; every interval is ordered
    names    names across two documents: every mention's span indexes its own source
    story    a story of two documents through extraction, normalisation, alignment, the checks and
             every renderer
    config   a rules file and a story manifest: valid, or one ConfigError with a line

A FactcheckError is a message for the user, not a crash. Anything else, or a broken contract, is a
crash: the target records it (first input and traceback, once per exception type and place) under
`--out` and carries on, so one run finds several. libFuzzer's `-timeout` catches hangs (a regular
expression that backtracks): the process is killed, the input saved, and the target restarted for the
rest of its time. Seeds are the sample articles (a paragraph each) and bench/adversarial.py; a
dictionary of figure words, symbols and markup steers the mutations.

Not run in CI; docs/reliability.md records what it tried and found.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TARGETS = ["decode", "clean", "extract", "names", "story", "config"]
TOKENS = [
    "$", "US$", "\\$", "€", "£", "¥", "₸", "USD", "JPY", "KZT", " yen", " tenge", " dollars", " som",
    " million", " billion", " trillion", "bn", "tn", "m ", "%", " per cent", "about ", "more than ",
    "nearly ", "up to ", "at least ", "over ", "almost ", "one ", "twenty-one ", "a hundred and ", "thousand",
    "1,000", "1 155", "3.7", "0.5", "2025", "1993–2023", "20 December 2025", "since 2006", "1990s", "30 years",
    " km", " tonnes", " hectares", "(", ")", "[", "](", "–", "—", "-", "ex-\n\n", "\n\n", "\r\n", "\u00a0",
    "\u00ad", "•", "\n1. ", "**", "Japan", "Kazakhstan", "Kazakh", "Berdimuhamedov", "Berdymuhamedov",
    "Mr. ", "U.S.", "\u202e", "\u0301", "\x00", "---\n", "+++\n", "title: ", "published: ", "date = ",
    "[story]\n", "name = ", "[[source]]\n", "file = ", "[checks.agreement]\n", "[[rate]]\n", "rate = ",
    "currency = ", "[settings]\n", "max_file_bytes = ", "[[fact]]\n", "kind = ",
]  # fmt: skip


# ---------------------------------------------------------------- the child: one target under atheris


def child(target: str, out: Path, libfuzzer_args: list[str]) -> None:
    """Run one target under atheris until libFuzzer stops it."""
    import atheris

    with atheris.instrument_imports(include=["factcheck"]):
        from bench import fuzz_targets as targets
    check = targets.TARGETS[target]
    seen: set[str] = set()

    def one_input(data: bytes) -> None:
        try:
            check(data)
        except targets.FactcheckError:
            return
        except Exception as error:  # a crash: recorded once per kind and place, then the search goes on
            _record(out, target, data, error, seen)

    atheris.Setup([sys.argv[0], *libfuzzer_args], one_input)
    atheris.Fuzz()


def _record(out: Path, target: str, data: bytes, error: Exception, seen: set[str]) -> None:
    frames = traceback.extract_tb(error.__traceback__)
    innermost = ([frame for frame in frames if "/factcheck/" in frame.filename] or frames)[-1]
    filename = Path(innermost.filename)
    place = f"{filename.relative_to(ROOT) if ROOT in filename.parents else filename}:{innermost.lineno}"
    signature = f"{type(error).__name__} at {place}"
    if signature in seen:
        return
    seen.add(signature)
    name = f"crash-{target}-{hashlib.sha1(signature.encode()).hexdigest()[:10]}"
    (out / f"{name}.bin").write_bytes(data)
    (out / f"{name}.txt").write_text(f"{signature}\n{type(error).__name__}: {error}\n\n{traceback.format_exc()}")


# ---------------------------------------------------------------- the parent: bounded runs, summary


def seed_corpus(folder: Path) -> None:
    """The sample articles a paragraph at a time, and every adversarial input at 200 characters."""
    from bench.adversarial import ADVERSARIAL, build

    folder.mkdir(parents=True, exist_ok=True)
    articles = [path.read_text() for path in sorted((ROOT / "seeds").glob("*.txt"))]
    pieces = [piece for article in articles for piece in article.split("\n\n") if piece.strip()]
    pieces += [build(entry, 200) for name, entry in ADVERSARIAL.items() if name != "seed articles"]
    pieces += [path.read_text() for path in [ROOT / "seeds" / "story.toml", *sorted((ROOT / "factcheck" / "rules").glob("*.toml"))]]
    for piece in pieces:
        data = piece.encode("utf-8")[:4096]
        (folder / hashlib.sha1(data).hexdigest()).write_bytes(data)


def dictionary(path: Path) -> None:
    """libFuzzer's dictionary format: one quoted token a line, bytes outside printable ASCII escaped."""
    lines = []
    for token in TOKENS:
        escaped = "".join(chr(b) if 32 <= b < 127 and chr(b) not in '"\\' else f"\\x{b:02x}" for b in token.encode())
        lines.append(f'"{escaped}"')
    path.write_text("\n".join(lines) + "\n")


def fuzz_target(target: str, seconds: int, work: Path, out: Path, timeout: int) -> dict:
    """Fuzz one target for `seconds`, restarting after hangs; what was tried and found."""
    corpus = work / f"corpus-{target}"
    seed_corpus(corpus)
    runs, hangs, started = 0, [], time.monotonic()
    while (remaining := int(seconds - (time.monotonic() - started))) > 0:
        args = [
            f"-max_total_time={remaining}", f"-timeout={timeout}", "-max_len=4096", "-rss_limit_mb=4096",
            f"-dict={work / 'tokens.dict'}", f"-artifact_prefix={out}/", "-print_final_stats=1", str(corpus),
        ]
        command = [sys.executable, __file__, "--child", target, "--out", str(out), "--", *args]
        result = subprocess.run(command, capture_output=True, text=True, errors="replace", cwd=ROOT)
        runs += _runs(result.stderr)
        hang = re.search(r"Test unit written to (\S*timeout-\S+)", result.stderr)
        if hang:
            hangs.append(hang.group(1))
        elif result.returncode != 0:
            hangs.append(f"exit {result.returncode}: {result.stderr.strip().splitlines()[-1:]}")
            break
    crashes = sorted(path.read_text().splitlines()[0] for path in out.glob(f"crash-{target}-*.txt"))
    return {
        "target": target, "seconds": seconds, "runs": runs, "crashes": crashes, "hangs": hangs,
        "corpus": len(os.listdir(corpus)),
    }  # fmt: skip


def _runs(stderr: str) -> int:
    done = re.search(r"Done (\d+) runs", stderr) or re.search(r"stat::number_of_executed_units:\s*(\d+)", stderr)
    if done:
        return int(done.group(1))
    statuses = re.findall(r"^#(\d+)\s", stderr, re.MULTILINE)
    return int(statuses[-1]) if statuses else 0


def main() -> None:
    """Fuzz every target asked for, then print (and optionally save) what was tried and found."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--target", action="append", choices=TARGETS, help="targets to fuzz (default: all)")
    parser.add_argument("--seconds", type=int, default=60, help="time per target")
    parser.add_argument("--timeout", type=int, default=10, help="seconds one input may take before it is a hang")
    default_out = Path(tempfile.gettempdir()) / "factcheck-fuzz"
    parser.add_argument("--out", type=Path, default=default_out, help="where crashes and hangs are saved")
    parser.add_argument("--json", type=Path, help="also write the summary here")
    parser.add_argument("--child", choices=TARGETS, help=argparse.SUPPRESS)
    args, rest = parser.parse_known_args()
    args.out.mkdir(parents=True, exist_ok=True)
    if args.child:
        child(args.child, args.out, [arg for arg in rest if arg != "--"])
        return
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        dictionary(work / "tokens.dict")
        rows = []
        for target in args.target or TARGETS:
            row = fuzz_target(target, args.seconds, work, args.out, args.timeout)
            rows.append(row)
            rate = row["runs"] / max(1, row["seconds"])
            tried = f"{row['runs']:>9} inputs in {row['seconds']} s ({rate:,.0f}/s), corpus {row['corpus']}"
            print(f"{target:8} {tried}, {len(row['crashes'])} crashes, {len(row['hangs'])} hangs", flush=True)
            for line in row["crashes"] + row["hangs"]:
                print(f"         {line}")
    print(f"reproducers and tracebacks: {args.out}")
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2) + "\n")


if __name__ == "__main__":
    main()
