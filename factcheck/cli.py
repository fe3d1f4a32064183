"""The command line: parse arguments, run the pipeline, pick a renderer. Nothing else."""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import traceback
from pathlib import Path

import click

from factcheck import __version__
from factcheck import baseline as baselines
from factcheck.config import load_rules
from factcheck.errors import (
    DEBUG_VARIABLE, EXIT_FINDINGS, EXIT_OK, FactcheckError, InternalError, Interrupted, UsageError,
)
from factcheck.files import write_atomic
from factcheck.models import Claim, Report, Severity
from factcheck.pipeline import run
from factcheck.project import Project, discover, init as init_project
from factcheck.progress import progress_bar
from factcheck.render import render
from factcheck.render.json import schema as report_schema
from factcheck.render.text import printable, summary_lines
from factcheck.sources import reader_of

DEFAULT_HTML = Path("reports/report.html")


class _Group(click.Group):
    """Shows every FactcheckError as one line on stderr and exits with its code; anything else is a bug (exit 3)."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except (FactcheckError, Interrupted) as error:
            click.echo(f"factcheck: {printable(error.format())}", err=True)  # a file name may hold control characters
            ctx.exit(error.exit_code)
        except (click.exceptions.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise  # click's own way out (usage errors, ctx.exit), which it shows itself
        except BrokenPipeError:  # the reader of standard output went away (`| head`): not a bug, nothing to say
            os.dup2(os.open(os.devnull, os.O_WRONLY), 1)  # so the final flush at exit does not fail again
            ctx.exit(128 + signal.SIGPIPE)
        except Exception as error:
            if os.environ.get(DEBUG_VARIABLE, "") not in ("", "0"):
                click.echo("".join(traceback.format_exception(error)).rstrip("\n"), err=True)
            internal = InternalError(error)
            click.echo(f"factcheck: {internal.format()}", err=True)
            ctx.exit(internal.exit_code)


paths_argument = click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
rules_option = click.option(
    "--rules",
    "rules_dir",
    type=click.Path(path_type=Path),
    help="Folder of a project's rules files (*.toml), read over the shipped defaults: checks, qualifiers, names, rates.",
)
follow_option = click.option(
    "--follow-symlinks", is_flag=True,
    help="Read symbolic links that lead outside the folder being read (devices, FIFOs and /proc never are).",
)
quiet_option = click.option("-q", "--quiet", is_flag=True, help="No progress bar on stderr (it shows only on a terminal).")
jobs_option = click.option(
    "-j", "--jobs", type=click.IntRange(min=1), default=os.cpu_count() or 1, show_default="the number of cores",
    help="Processes to analyse the sources in; the output is the same for any number.",
)
date_option = click.option(
    "--date",
    "reference_date",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="Reference date (YYYY-MM-DD) for currency conversion of sources with no date of their own or of their story.",
)


@click.group(cls=_Group)
@click.version_option(__version__, prog_name="factcheck")
def cli() -> None:
    """Find where articles about one event disagree on figures and names."""


@cli.command()
@paths_argument
@rules_option
@click.option("--draft", type=click.Path(path_type=Path), help="Your own draft: its findings come first.")
@click.option(
    "--format", "fmt", type=click.Choice(["html", "json", "text", "sarif", "github"]), default="html",
    show_default=True, help="Output format.",
)
@click.option(
    "-o", "--output", type=click.Path(path_type=Path),
    help="Write here. Default: reports/report.html for html, standard output otherwise ('-' for standard output).",
)
@click.option("--stamp", is_flag=True, help="Put the generation time in the report (off: same input, same bytes).")
@date_option
@follow_option
@quiet_option
@jobs_option
def report(
    paths: tuple[Path, ...], rules_dir: Path | None, draft: Path | None, fmt: str, output: Path | None, stamp: bool,
    reference_date: dt.datetime | None, follow_symlinks: bool, quiet: bool, jobs: int,
) -> None:
    """Check PATHS (files or folders; default: the config's paths, else seeds/) and write a report."""
    project = discover(paths)
    target = output if output is not None else (DEFAULT_HTML if fmt == "html" else None)
    _refuse_output_in_corpus(target, project.sources(paths), draft)
    stamped = _stamp() if stamp else None
    result = _run(
        project, paths, rules_dir, quiet, follow_symlinks, draft=draft, stamp=stamped, date=_day(reference_date),
        jobs=jobs,
    )
    _emit(render(result, fmt), target)
    if target is not None and str(target) != "-":
        click.echo(f"wrote {target}")
        click.echo("\n".join(summary_lines(result)))


@cli.command()
@paths_argument
@rules_option
@click.option("--format", "fmt", type=click.Choice(["json", "text"]), default="text", show_default=True, help="Output format.")
@date_option
@follow_option
@quiet_option
def claims(
    paths: tuple[Path, ...], rules_dir: Path | None, fmt: str, reference_date: dt.datetime | None, follow_symlinks: bool,
    quiet: bool,
) -> None:
    """List every claim extracted from PATHS, with its span in the original file, and its normalised value."""
    found = _run(discover(paths), paths, rules_dir, quiet, follow_symlinks, date=_day(reference_date)).claims
    if fmt == "json":
        payload = [claim.model_dump(mode="json") for claim in found]
        click.echo(json.dumps(payload, indent=2, ensure_ascii=False))
        return
    for claim in found:
        interval = claim.stated.interval
        click.echo(
            f"{claim.source}:{claim.span.line}:{claim.span.column}: {claim.kind.value} {claim.surface!r} "
            f"-> {claim.stated.value} {claim.stated.unit} [{interval.low}, {interval.high}]{_normalised(claim)}"
            f" | {_keys(claim)}"
        )


def _keys(claim: Claim) -> str:
    """`measure deaths ('killed') · subject Syria ('Syria') · scope — · as of 2023-02-07`; `?` marks a guess."""
    keys = claim.keys
    parts = []
    for name, key in (("measure", keys.measure), ("subject", keys.subject), ("scope", keys.scope), ("as of", keys.as_of)):
        value = key.value or "—"
        words = f" ({', '.join(repr(word) for word in key.words)})" if key.words else ""
        parts.append(f"{name} {value}{words}{'?' if key.confidence < 0.7 else ''}")
    return " · ".join(parts)


def _normalised(claim: Claim) -> str:
    """` = [low, high] USD at 0.00636 (ECB 2025-12-19)` for a converted claim, else nothing."""
    if claim.normalized is None or claim.conversion is None or claim.conversion.origin == claim.conversion.target:
        return ""
    interval, conversion = claim.normalized.interval, claim.conversion
    when = f" {conversion.rate_date.isoformat()}" if conversion.rate_date else ""
    return f" = [{interval.low}, {interval.high}] {claim.normalized.unit} at {conversion.rate} ({conversion.rate_source}{when})"


@cli.command()
@paths_argument
@rules_option
@click.option(
    "--baseline", "baseline_file", type=click.Path(path_type=Path),
    help="The baseline of accepted findings, made by `factcheck baseline` (default: the config's baseline).",
)
@click.option(
    "--fail-on", type=click.Choice([severity.value for severity in Severity]),
    help="Lowest severity at which a new or changed finding fails the check (exit 1; default: the config's, else warning).",
)
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json", "sarif", "github"]), default="text", show_default=True,
    help="Output format.",
)
@click.option(
    "-o", "--output", type=click.Path(path_type=Path),
    help="Write the output here (then print the text summary); default standard output.",
)
@follow_option
@quiet_option
@jobs_option
@click.pass_context
def check(
    ctx: click.Context, paths: tuple[Path, ...], rules_dir: Path | None, baseline_file: Path | None, fail_on: str | None,
    fmt: str,
    output: Path | None, follow_symlinks: bool, quiet: bool, jobs: int,
) -> None:
    """Compare the findings of PATHS with a baseline of accepted ones; exit 1 when something new appears."""
    project = discover(paths)
    _refuse_output_in_corpus(output, project.sources(paths))
    baseline_file = project.baseline(baseline_file)
    if baseline_file is None:
        raise UsageError("no baseline: pass --baseline FILE, or set `baseline` in factcheck.toml")
    accepted = baselines.load(baseline_file)
    result = baselines.judge(
        _run(project, paths, rules_dir, quiet, follow_symlinks, jobs=jobs), accepted, path=project.display(baseline_file),
        fail_on=Severity(project.fail_on(fail_on)),
    )
    _emit(render(result, fmt), output)
    if output is not None and str(output) != "-":
        click.echo(f"wrote {output}")
        click.echo(render(result, "text"), nl=False)
    ctx.exit(EXIT_FINDINGS if baselines.failed(result) else EXIT_OK)


@cli.command()
@paths_argument
@rules_option
@click.option(
    "-o", "--output", type=click.Path(path_type=Path),
    help=f"The baseline file to write (default: the config's baseline, else {baselines.DEFAULT_BASELINE}).",
)
@click.option("--update", is_flag=True, help="Rewrite an existing baseline, keeping the justifications of findings still found.")
@follow_option
@quiet_option
def baseline(
    paths: tuple[Path, ...], rules_dir: Path | None, output: Path | None, update: bool, follow_symlinks: bool, quiet: bool
) -> None:
    """Record the findings of PATHS as accepted, in a baseline file for `factcheck check`."""
    project = discover(paths)
    output = project.baseline(output) or Path(baselines.DEFAULT_BASELINE)
    _refuse_output_in_corpus(output, project.sources(paths))
    baselines.refuse_overwrite(output, update)
    previous = baselines.load(output) if output.exists() else None
    accepted = baselines.create(_run(project, paths, rules_dir, quiet, follow_symlinks).findings, previous)
    baselines.save(accepted, output, overwrite=update)
    justified = sum(1 for entry in accepted.findings if entry.justification)
    said = f"wrote {output}: {len(accepted.findings)} findings accepted, {justified} with a justification"
    click.echo(said, err=str(output) == "-")  # `-o -` puts the baseline itself on standard output


@cli.command()
@click.option("--baseline", "of_baseline", is_flag=True, help="The schema of a baseline file instead.")
def schema(of_baseline: bool) -> None:
    """Print the JSON Schema of the report (`report --format json`, `check --format json`), or of a baseline.

    The same schemas are committed as docs/schemas/report.schema.json and baseline.schema.json.
    """
    click.echo(baselines.schema() if of_baseline else report_schema(), nl=False)


@cli.command(name="init")
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path), default=Path("."))
@click.option("--corpus", default="articles", show_default=True, help="The corpus folder, inside FOLDER, for story.toml.")
def init_command(folder: Path, corpus: str) -> None:
    """Write a commented starter factcheck.toml in FOLDER (default: here) and a story.toml in its corpus folder."""
    for path, written in init_project(folder, corpus):
        click.echo(f"wrote {path}" if written else f"kept {path} (it already exists)")


def _run(
    project: Project, paths: tuple[Path, ...], rules_dir: Path | None, quiet: bool, follow_symlinks: bool, **options
) -> Report:
    """Run the pipeline on the paths given (else the config's), with the rules given (else the config's); paths
    and ids in the report are relative to the project's root."""
    rules = load_rules(project.rules(rules_dir))
    with progress_bar(quiet) as progress:
        return run(
            project.sources(paths), rules, progress=progress, follow_symlinks=follow_symlinks, root=project.root, **options
        )


def _refuse_output_in_corpus(target: Path | None, sources: list[Path], draft: Path | None = None) -> None:
    """A usage error when the file about to be written is one a run on these paths reads as a source."""
    if target is None or str(target) == "-":
        return
    given = reader_of(target, [*sources, *([draft] if draft is not None else [])])
    if given is not None:
        raise UsageError(
            f"-o {target} is among the sources being read ({given}): write it outside, "
            "or under a name the reader skips (.html, .json, a leading dot)"
        )


def _day(moment: dt.datetime | None) -> dt.date | None:
    return moment.date() if moment is not None else None


def _stamp() -> str:
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat()


def _emit(text: str, target: Path | None) -> None:
    if target is None or str(target) == "-":
        click.echo(text, nl=False)
    else:
        write_atomic(target, text)


def _interrupt(signal_number: int, _frame) -> None:
    raise Interrupted(signal_number, signal.Signals(signal_number).name)


def main() -> None:
    """Entry point of the `factcheck` console script."""
    # SIGTERM (CI runners, `kill`) stops a run the way Ctrl-C does, so no temporary file outlives it.
    for signal_number in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signal_number, _interrupt)
    cli(prog_name="factcheck")
