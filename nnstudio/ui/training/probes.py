"""Moved to :mod:`nnstudio.session.probes` (no Qt, shared with the CLI); this name stays for old imports."""

from nnstudio.session.probes import *  # noqa: F401,F403
