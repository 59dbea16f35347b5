"""The newspaper core: model, text repair, splitting, summaries, digests and the archive.

Everything here except :mod:`digests.archive` is pure: no I/O, no environment.
"""
