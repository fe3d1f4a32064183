"""`python -m factcheck` runs the command-line interface."""

from factcheck.cli import main

main()
