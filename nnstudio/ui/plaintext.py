"""Show text that comes from a file as plain text, never as HTML.

Qt guesses whether a label, tooltip or message box text is rich text
(``Qt.mightBeRichText``). A project name, a CSV column name or a cell value
like ``<img src=...>`` must not be rendered; widgets that can be told to
(``QLabel``) get ``Qt.PlainText``, and for the places that only take a string
(message boxes, tooltips) :func:`plain` returns text Qt shows literally.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as GuiQt


def plain(text: str) -> str:
    """``text`` unchanged when Qt would show it literally; else escaped HTML that renders as it."""
    text = str(text)
    if not GuiQt.mightBeRichText(text):
        return text
    return "<p style='white-space:pre-wrap'>" + html.escape(text, quote=False) + "</p>"


def plain_label(label, text: str | None = None):
    """Make ``label`` (a QLabel) show plain text (and set ``text`` if given); returns it."""
    label.setTextFormat(Qt.PlainText)
    if text is not None:
        label.setText(str(text))
    return label
