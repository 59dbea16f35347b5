"""The archive: storage and search, the only I/O in :mod:`digests`."""
