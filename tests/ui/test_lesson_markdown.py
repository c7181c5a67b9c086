"""Every lesson text renders as the learner should see it: no markdown markers left over.

Qt renders markdown by CommonMark's rules, where a closing ``**`` right after punctuation and
right before a letter does not close ("**규제(regularization)**라고" showed its asterisks in
Korean). Each step's text and each lesson's introduction, in both languages, is rendered here
as the lesson panel renders it and must show no ``**`` outside code blocks."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QTextDocument

from nnstudio.lessons import registry


def _texts():
    for les in registry.lessons():
        for lang in ("en", "ko"):
            if les.intro(lang):
                yield f"{les.id}/intro/{lang}", les.intro(lang)
            for step in les.steps:
                yield f"{les.id}/{step.id}/{lang}", step.text(lang)


TEXTS = list(_texts())


@pytest.mark.parametrize("where,text", TEXTS, ids=[w for w, _ in TEXTS])
def test_no_markdown_marker_is_left_in_the_rendered_text(qapp, where, text):
    doc = QTextDocument()
    doc.setMarkdown(text)
    plain = doc.toPlainText()
    code = "\n".join(part for i, part in enumerate(text.split("```")) if i % 2 == 1)
    leftovers = [line for line in plain.splitlines() if "**" in line and line.strip() not in code]
    assert not leftovers, f"{where}: {leftovers}"
