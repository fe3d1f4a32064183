"""The command line: parse arguments, run the pipeline, pick a renderer. Nothing else."""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import sys
import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

import click

from factcheck import __version__
from factcheck.errors import (
    DEBUG_VARIABLE, EXIT_FINDINGS, EXIT_OK, FactcheckError, InternalError, Interrupted, UsageError,
)
from factcheck.files import write_atomic

# Everything else (pydantic models, the pipeline, pint, babel, jinja2, lingua) is imported inside the command
# that needs it: `factcheck --version`, `-h` and tab completion start in a fraction of the time.
if TYPE_CHECKING:
    from factcheck.models import Claim, Report
    from factcheck.project import Project
    from factcheck.render.jsonl import Written

DEFAULT_HTML = Path("reports/report.html")


def _show_version(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    if value and not ctx.resilient_parsing:
        click.echo(f"factcheck, version {__version__}")
        ctx.exit()


class _Command(click.Command):
    """A command that has -V, --version beside -h, --help, added as click adds its help option: every command
    has both without declaring them."""

    def get_params(self, ctx: click.Context) -> list[click.Parameter]:
        version = click.Option(
            ["-V", "--version"], is_flag=True, expose_value=False, is_eager=True, callback=_show_version,
            help="Show the version and exit.",
        )
        return [*super().get_params(ctx), version]


class _Group(click.Group):
    """Shows every FactcheckError as one line on stderr and exits with its code; anything else is a bug (exit 3)."""

    command_class = _Command

    def invoke(self, ctx: click.Context):
        try:
            result = super().invoke(ctx)
            _raise_if_interrupted()
            return result
        except (FactcheckError, Interrupted) as error:
            from factcheck.render.text import printable

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


class _Severities(click.Choice):
    """The severities of `models.Severity` as a choice, read when first used: defining the commands imports no model."""

    def __init__(self) -> None:
        super().__init__(())

    @property
    def choices(self) -> tuple[str, ...]:
        from factcheck.models import Severity

        return tuple(severity.value for severity in Severity)

    @choices.setter
    def choices(self, _given) -> None:
        pass  # always the property's


class _LateHelp(click.Option):
    """An option whose help is written when shown (`late_help()`), so it may name what a heavy module defines."""

    def __init__(self, *args, late_help, **kwargs) -> None:
        self._late_help = late_help
        super().__init__(*args, **kwargs)

    @property
    def help(self) -> str:
        return self._late_help()

    @help.setter
    def help(self, _given) -> None:
        pass  # always the property's


def _default_baseline() -> Path:
    from factcheck.baseline import DEFAULT_BASELINE

    return DEFAULT_BASELINE


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

def executor_options(command: Callable) -> Callable:
    """`--executor` and `--address`, given to the command as one `ray` argument (see `_ray_target`)."""
    command = click.option(
        "--address", metavar="ADDRESS",
        help="With --executor ray: the address of a running Ray cluster (`auto`, `ray://head:10001`), whose workers "
        "have factcheck installed; default: start Ray on this machine with --jobs CPUs.",
    )(command)
    return click.option(
        "--executor", type=click.Choice(["processes", "ray"]), default="processes", show_default=True,
        help="What analyses the stories: this machine's processes (--jobs), or a Ray cluster (the `ray` extra); "
        "the output is the same.",
    )(command)


def _ray_target(executor: str, address: str | None) -> str | None:
    """The pipeline's `ray` argument: None for processes, else the cluster's address or `local`."""
    if executor != "ray":
        if address is not None:
            raise UsageError("--address is the address of a Ray cluster: give it with --executor ray")
        return None
    from factcheck.ray_cluster import LOCAL, reachable  # only now: it loads the rules' models

    if address is not None:
        reachable(address)  # before any file is read: a wrong address fails at once
    return address or LOCAL


date_option = click.option(
    "--date",
    "reference_date",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="Reference date (YYYY-MM-DD) for currency conversion of sources with no date of their own or of their story.",
)


EXIT_CODES = (
    "\b\nExit codes: 0 done; 1 findings at or above --fail-on (check, and report given --fail-on);\n"
    "2 usage, input or configuration error; 3 internal error (a bug); 130, 143 interrupted."
)


def _epilog(*examples: str) -> str:
    """The end of a command's help: examples, one a line as written, and the exit codes."""
    return "\b\nExamples:\n" + "\n".join(f"  {example}" for example in examples) + "\n\n" + EXIT_CODES


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]}, epilog=_epilog(
    "factcheck init && factcheck baseline     # start: accept today's findings",
    "factcheck check                          # in CI: fail on new ones",
    "factcheck report articles/ -o report.html",
))
@click.version_option(__version__, "-V", "--version", prog_name="factcheck")
def cli() -> None:
    """Find where articles about one event disagree on figures and names.

    The commands that read articles read the `paths` of the project's factcheck.toml (found upward) unless
    given PATHS; -h on any command tells more.
    """


@cli.command(epilog=_epilog(
    "factcheck report                               # reports/report.html",
    "factcheck report articles/ --format text --fail-on error",
    "factcheck report --draft articles/quake/mine.md",
))
@paths_argument
@rules_option
@click.option("--draft", type=click.Path(path_type=Path), help="Your own draft: its findings come first.")
@click.option(
    "--format", "fmt", type=click.Choice(["html", "json", "jsonl", "text", "sarif", "github"]), default="html",
    show_default=True, help="Output format (jsonl: one line per story, written as each is done).",
)
@click.option(
    "-o", "--output", type=click.Path(path_type=Path),
    help="Write here. Default: reports/report.html for html, standard output otherwise ('-' for standard output).",
)
@click.option(
    "--resume", is_flag=True,
    help="With --format jsonl and -o FILE: keep the stories FILE already holds and write only the others.",
)
@click.option("--stamp", is_flag=True, help="Put the generation time in the report (off: same input, same bytes).")
@click.option(
    "--fail-on", type=_Severities(),
    help="Exit 1 when a finding is at or above this severity (for a project without a baseline; default: never).",
)
@date_option
@follow_option
@quiet_option
@jobs_option
@executor_options
@click.pass_context
def report(
    ctx: click.Context, paths: tuple[Path, ...], rules_dir: Path | None, draft: Path | None, fmt: str,
    output: Path | None, resume: bool, stamp: bool, fail_on: str | None, reference_date: dt.datetime | None,
    follow_symlinks: bool, quiet: bool, jobs: int, executor: str, address: str | None,
) -> None:
    """Check PATHS (files or folders; default: the config's paths, else seeds/) and write a report."""
    from factcheck import accept
    from factcheck.models import Severity
    from factcheck.project import discover
    from factcheck.render.text import summary_lines

    ray = _ray_target(executor, address)
    project = discover(paths)
    target = output if output is not None else (DEFAULT_HTML if fmt == "html" else None)
    _refuse_output_in_corpus(target, project.sources(paths), draft)
    stamped = _stamp() if stamp else None
    if resume and fmt != "jsonl":
        raise UsageError("--resume continues a JSON Lines report: give it with --format jsonl and -o FILE")
    if fmt == "jsonl":
        lines = _Lines(target, resume, stamped, quiet, follow_symlinks, jobs, ray)
        failing_count = _report_lines(project, paths, rules_dir, lines, draft, _day(reference_date), fail_on)
        _fail_on_said(failing_count, fail_on)
        ctx.exit(EXIT_FINDINGS if failing_count else EXIT_OK)
    result = _run(
        project, paths, rules_dir, quiet, follow_symlinks, draft=draft, stamp=stamped, date=_day(reference_date),
        jobs=jobs, ray=ray,
    )
    open_findings = accept.open_findings(result)  # those an accept comment in a source accepts never fail
    failing = [f for f in open_findings if fail_on is not None and f.severity.rank >= Severity(fail_on).rank]
    code = EXIT_FINDINGS if failing else EXIT_OK
    _emit(_render(result, fmt, code, target, project.repository_prefix()), target)
    if target is not None and str(target) != "-":
        click.echo(f"wrote {target}")
        click.echo("\n".join(summary_lines(result)))
    _fail_on_said(len(failing), fail_on)
    ctx.exit(code)


def _fail_on_said(failing: int, fail_on: str | None) -> None:
    if failing:
        click.echo(f"factcheck: report failed: {failing} finding{'s' if failing != 1 else ''} at {fail_on} "
                   "or above (--fail-on)", err=True)


class _Lines(NamedTuple):
    """How `report --format jsonl` writes: where, whether it continues the file, and the run's options."""

    target: Path | None
    resume: bool
    stamp: str | None
    quiet: bool
    follow_symlinks: bool
    jobs: int
    ray: str | None = None


def _report_lines(
    project: Project, paths: tuple[Path, ...], rules_dir: Path | None, lines: _Lines, draft: Path | None,
    date: dt.date | None, fail_on: str | None,
) -> int:
    """Write the JSON Lines report story by story (see factcheck.archive); how many open findings are at or above
    `fail_on`."""
    from factcheck import archive
    from factcheck.config import load_rules
    from factcheck.files import STANDARD_OUTPUT, LineWriter
    from factcheck.models import Severity
    from factcheck.pipeline import stream
    from factcheck.progress import progress_bar
    from factcheck.render.text import counts_lines

    target = lines.target if lines.target is not None else STANDARD_OUTPUT
    written = _resumed(target, lines.resume)
    rules = load_rules(project.rules(rules_dir))
    with progress_bar(lines.quiet) as progress, LineWriter(target, keep=written.size) as writer:
        streamed = stream(
            project.sources(paths), rules, draft, progress, date, lines.jobs, lines.follow_symlinks, project.root,
            lines.ray,
        )
        tally = archive.write(streamed, writer, project.root, written, lines.stamp, _raise_if_interrupted)
    if target != STANDARD_OUTPUT:
        click.echo(f"wrote {target}")
        click.echo("\n".join(counts_lines(tally.summary())))
    return tally.at_or_above(Severity(fail_on)) if fail_on is not None else 0


def _resumed(target: Path, resume: bool) -> Written:
    """What an earlier run left in `target` to continue (nothing without --resume)."""
    from factcheck.render import jsonl

    if not resume:
        return jsonl.Written()
    if str(target) == "-" or (target.exists() and not target.is_file()):
        raise UsageError("--resume continues a file: give it with --format jsonl and -o FILE")
    return jsonl.read_written(target)


@cli.command(epilog=_epilog("factcheck claims articles/quake/reuters.md", "factcheck claims --format json > claims.json"))
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
    from factcheck.project import discover

    project = discover(paths)
    found = _run(project, paths, rules_dir, quiet, follow_symlinks, date=_day(reference_date), claims_only=True).claims
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


@cli.command(epilog=_epilog(
    "factcheck check                              # the config's paths and baseline",
    "factcheck check articles/ --baseline accepted.json --fail-on error",
    "factcheck check --format sarif -o factcheck.sarif",
))
@paths_argument
@rules_option
@click.option(
    "--baseline", "baseline_file", type=click.Path(path_type=Path), cls=_LateHelp,
    late_help=lambda: "The baseline of accepted findings, made by `factcheck baseline` (default: the config's baseline, "
    f"else {_default_baseline()} in the project's root).",
)
@click.option(
    "--fail-on", type=_Severities(),
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
@executor_options
@click.pass_context
def check(
    ctx: click.Context, paths: tuple[Path, ...], rules_dir: Path | None, baseline_file: Path | None, fail_on: str | None,
    fmt: str,
    output: Path | None, follow_symlinks: bool, quiet: bool, jobs: int, executor: str, address: str | None,
) -> None:
    """Compare the findings of PATHS with a baseline of accepted ones; exit 1 when something new appears."""
    from factcheck import baseline as baselines
    from factcheck.models import Severity
    from factcheck.project import discover
    from factcheck.render import render

    ray = _ray_target(executor, address)
    project = discover(paths)
    _refuse_output_in_corpus(output, project.sources(paths))
    given = project.baseline(baseline_file)
    baseline_file = given or project.at_root(baselines.DEFAULT_BASELINE)
    if given is None and not baseline_file.exists():
        raise UsageError(
            f"no baseline: pass --baseline FILE, set `baseline` in factcheck.toml, or write {baseline_file} "
            "with `factcheck baseline`"
        )
    accepted = baselines.load(baseline_file)
    result = baselines.judge(
        _run(project, paths, rules_dir, quiet, follow_symlinks, jobs=jobs, ray=ray), accepted, path=project.display(baseline_file),
        fail_on=Severity(project.fail_on(fail_on)),
    )
    code = EXIT_FINDINGS if baselines.failed(result) else EXIT_OK
    _emit(_render(result, fmt, code, output, project.repository_prefix()), output)
    if output is not None and str(output) != "-":
        click.echo(f"wrote {output}")
        click.echo(render(result, "text"), nl=False)
    ctx.exit(code)


@cli.command(epilog=_epilog(
    "factcheck baseline                 # the config's baseline, else factcheck-baseline.json",
    "factcheck baseline --update        # after accepting new findings on purpose",
))
@paths_argument
@rules_option
@click.option(
    "-o", "--output", type=click.Path(path_type=Path),
    cls=_LateHelp,
    late_help=lambda: f"The baseline file to write (default: the config's baseline, else {_default_baseline()} in the "
    "project's root).",
)
@click.option("--update", is_flag=True, help="Rewrite an existing baseline, keeping the justifications of findings still found.")
@follow_option
@quiet_option
def baseline(
    paths: tuple[Path, ...], rules_dir: Path | None, output: Path | None, update: bool, follow_symlinks: bool, quiet: bool
) -> None:
    """Record the findings of PATHS as accepted, in a baseline file for `factcheck check`."""
    from factcheck import accept
    from factcheck import baseline as baselines
    from factcheck.project import discover

    project = discover(paths)
    output = project.baseline(output) or project.at_root(baselines.DEFAULT_BASELINE)
    _refuse_output_in_corpus(output, project.sources(paths))
    baselines.refuse_overwrite(output, update)
    previous = baselines.load(output) if output.exists() else None
    # A finding accepted by a comment in its source has its record there, not in the file.
    found = accept.open_findings(_run(project, paths, rules_dir, quiet, follow_symlinks))
    accepted = baselines.create(found, previous)
    _raise_if_interrupted()
    baselines.save(accepted, output, overwrite=update)
    justified = sum(1 for entry in accepted.findings if entry.justification)
    said = f"wrote {output}: {len(accepted.findings)} findings accepted, {justified} with a justification"
    click.echo(said, err=str(output) == "-")  # `-o -` puts the baseline itself on standard output


@cli.command(epilog=_epilog("factcheck schema > report.schema.json", "factcheck schema --baseline", "factcheck schema --jsonl"))
@click.option("--baseline", "of_baseline", is_flag=True, help="The schema of a baseline file instead.")
@click.option("--jsonl", "of_line", is_flag=True, help="The schema of one line of `report --format jsonl` instead.")
def schema(of_baseline: bool, of_line: bool) -> None:
    """Print the JSON Schema of the report (`report --format json`, `check --format json`), of a baseline, or of
    a line of the JSON Lines report.

    The same schemas are committed as docs/schemas/report.schema.json, baseline.schema.json and
    report-line.schema.json.
    """
    from factcheck import baseline as baselines
    from factcheck.render import jsonl
    from factcheck.render.json import schema as report_schema

    if of_baseline and of_line:
        raise UsageError("--baseline and --jsonl: give one of them")
    click.echo(baselines.schema() if of_baseline else jsonl.schema() if of_line else report_schema(), nl=False)


@cli.command(name="init", epilog=_epilog("factcheck init", "factcheck init newsroom/ --corpus stories"))
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path), default=Path("."))
@click.option("--corpus", default="articles", show_default=True, help="The corpus folder, inside FOLDER, for story.toml.")
def init_command(folder: Path, corpus: str) -> None:
    """Write a commented starter factcheck.toml in FOLDER (default: here) and a story.toml in its corpus folder."""
    from factcheck.project import init as init_project

    for path, written in init_project(folder, corpus):
        click.echo(f"wrote {path}" if written else f"kept {path} (it already exists)")


def _run(
    project: Project, paths: tuple[Path, ...], rules_dir: Path | None, quiet: bool, follow_symlinks: bool, **options
) -> Report:
    """Run the pipeline on the paths given (else the config's), with the rules given (else the config's); paths
    and ids in the report are relative to the project's root."""
    from factcheck.accept import apply as apply_accept_comments
    from factcheck.config import load_rules
    from factcheck.progress import progress_bar

    rules = load_rules(project.rules(rules_dir))
    with progress_bar(quiet) as progress:
        result = run(
            project.sources(paths), rules, progress=progress, follow_symlinks=follow_symlinks, root=project.root, **options
        )
    return result if options.get("claims_only") else apply_accept_comments(result, project.root)


def run(*args, **options) -> Report:
    """`pipeline.run`, imported at the first call: the pipeline imports pint, babel and lingua."""
    from factcheck.pipeline import run as run_pipeline

    return run_pipeline(*args, **options)


def _refuse_output_in_corpus(target: Path | None, sources: list[Path], draft: Path | None = None) -> None:
    """A usage error when the file about to be written is one a run on these paths reads as a source."""
    from factcheck.sources import reader_of

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


def _render(result: Report, fmt: str, exit_code: int, target: Path | None, prefix: str = "") -> str:
    """The output: SARIF says the exit code the command ends with; SARIF and GitHub annotations name files from
    the repository's root (`prefix`: the project's folder in it); text is coloured for a terminal."""
    from factcheck.render import github, render, sarif
    from factcheck.render.text import render as text_render

    if fmt == "sarif":
        return sarif.render(result, exit_code=exit_code, prefix=prefix)
    if fmt == "github":
        return github.render(result, prefix=prefix)
    if fmt == "text" and (target is None or str(target) == "-") and _colour():
        return text_render(result, colour=True)
    return render(result, fmt)


def _colour() -> bool:
    """Colour on a terminal, unless NO_COLOR is set to anything (no-color.org) or the terminal is dumb."""
    return sys.stdout.isatty() and not os.environ.get("NO_COLOR") and os.environ.get("TERM") != "dumb"


def _emit(text: str, target: Path | None) -> None:
    _raise_if_interrupted()
    if target is None or str(target) == "-":
        click.echo(text, nl=False)
    else:
        write_atomic(target, text)


# Signals received, kept in case the exception the handler raises is swallowed: a signal that lands inside an
# at-fork hook or a finaliser (a process pool starting its workers) only prints "Exception ignored in …".
_RECEIVED: list[int] = []


# After a signal the run stops within this time, however it ends: CPython 3.11's process pool can hang in its
# shutdown when a signal to the process group kills its workers while it hands out work (its manager thread fails
# with InvalidStateError, and nothing wakes the thread that waits for it).
STOP_GRACE_SECONDS = 15


def _interrupt(signal_number: int, _frame) -> None:
    if not _RECEIVED:
        _exit_within(STOP_GRACE_SECONDS, Interrupted(signal_number, signal.Signals(signal_number).name))
    _RECEIVED.append(signal_number)
    raise Interrupted(signal_number, signal.Signals(signal_number).name)


def _exit_within(seconds: float, interruption: Interrupted) -> None:
    """Leave the process with the interruption's message and code after `seconds`, unless it has ended by then.
    Files are written to a temporary file and renamed (files.py): one cut short leaves the previous file whole."""

    def leave() -> None:
        sys.stderr.write(f"factcheck: {interruption.format()}\n")
        sys.stderr.flush()
        os._exit(interruption.exit_code)

    timer = threading.Timer(seconds, leave)
    timer.daemon = True
    timer.start()


def _quiet_thread_when_interrupted(failure: threading.ExceptHookArgs) -> None:
    """Print a thread's failure, except one after an interruption: the process pool's own threads fail when a signal
    kills its workers (see STOP_GRACE_SECONDS), and their traceback would only frighten the editor who pressed Ctrl-C."""
    if not _RECEIVED:
        threading.__excepthook__(failure)


def _quiet_when_interrupted(unraisable) -> None:
    """Print what Python could not raise, except the interruption kept in `_RECEIVED`: it is raised again where it
    can be, and its "Exception ignored in …" traceback would only frighten the editor who pressed Ctrl-C."""
    if not isinstance(unraisable.exc_value, Interrupted):
        sys.__unraisablehook__(unraisable)


def _raise_if_interrupted() -> None:
    """Raise the interruption of a signal whose exception was swallowed where it landed: nothing is written after it."""
    if _RECEIVED:
        raise Interrupted(_RECEIVED[0], signal.Signals(_RECEIVED[0]).name)


def main() -> None:
    """Entry point of the `factcheck` console script."""
    # SIGTERM (CI runners, `kill`) stops a run the way Ctrl-C does, so no temporary file outlives it.
    for signal_number in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signal_number, _interrupt)
    sys.unraisablehook = _quiet_when_interrupted
    threading.excepthook = _quiet_thread_when_interrupted
    cli(prog_name="factcheck")
