"""Errors shared by the command line and the headless commands (no Qt, imports nothing)."""

from __future__ import annotations


class UserError(Exception):
    """An error the user can fix; printed as one line, exit code 2."""
