"""Benchmarks: a generator of realistic corpora with planted discrepancies, timings, accuracy and profiles."""
