"""Moved to :mod:`nnstudio.session.runs` (no Qt, shared with the CLI); this name stays for old imports."""

from nnstudio.session.runs import *  # noqa: F401,F403
