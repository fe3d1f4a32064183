"""factcheck: find where articles about one event disagree on figures and names."""

__version__ = "0.1.0"
