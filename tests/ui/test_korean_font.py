"""The shipped Korean font covers every Korean character the UI and the lessons show, and is loaded."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from PySide6.QtGui import QFontDatabase, QRawFont

from nnstudio.ui.fonts import ensure_korean_font, korean_font_path

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("make_korean_font", ROOT / "scripts" / "make_korean_font.py")
make_korean_font = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(make_korean_font)


def _is_korean(ch: str) -> bool:
    c = ord(ch)
    return 0xAC00 <= c <= 0xD7A3 or 0x1100 <= c <= 0x11FF or 0x3130 <= c <= 0x318F or 0xA960 <= c <= 0xA97F


def test_the_subset_covers_every_korean_character_of_translations_and_lessons(qapp):
    raw = QRawFont(str(korean_font_path()), 12)
    assert raw.isValid() and raw.familyName() == "NNStudio Hangul"  # renamed: OFL reserved font name
    used = {ch for ch in make_korean_font.characters() if _is_korean(ch)}
    assert len(used) > 300  # the lessons really are read from their files
    missing = sorted(ch for ch in used if not raw.supportsCharacter(ord(ch)))
    assert not missing, ("the Korean font lacks " + "".join(missing)
                         + ": run python scripts/make_korean_font.py")
    for ch in "0123456789abcxyzABC(),.:%":
        assert raw.supportsCharacter(ord(ch)), ch
    licence = (ROOT / "resources" / "fonts" / "OFL.txt").read_text(encoding="utf-8")
    assert "SIL OPEN FONT LICENSE" in licence and "NAVER" in licence


def test_the_font_becomes_the_fallback_of_the_application_font(qapp):
    before = qapp.font()
    try:
        family = ensure_korean_font(qapp, force=True)
        assert family == "NNStudio Hangul" and family in QFontDatabase.families()
        assert qapp.font().families()[-1] == family
    finally:
        qapp.setFont(before)
