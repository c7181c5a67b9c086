"""The shipped Korean UI font, loaded when the UI is Korean and the system has no Korean font.

``resources/fonts/nnstudio-hangul.ttf`` is a subset of Nanum Gothic (SIL OFL
1.1, renamed "NNStudio Hangul"; see resources/fonts/OFL.txt and
scripts/make_korean_font.py) holding every character of the Korean
translations and lessons. On a fresh Linux without a CJK font, Korean would
otherwise show as empty boxes.
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase

from nnstudio import resources

FONT_FILE = "nnstudio-hangul.ttf"
#: a syllable every Korean text has; a font that draws it is taken as "a Korean font"
PROBE = "한"


def system_has_korean() -> bool:
    """True if an installed font (not ours) draws Hangul."""
    families = [f for f in QFontDatabase.families(QFontDatabase.WritingSystem.Korean) if "NNStudio" not in f]
    return bool(families)


def korean_font_path():
    return resources.path("fonts", FONT_FILE)


def ensure_korean_font(app, force: bool = False) -> str | None:
    """Load the shipped font if the system has no Korean one (or ``force``); make it the
    application font's fallback. Returns the family loaded, or None when none was needed."""
    if not force and system_has_korean():
        return None
    try:
        path = korean_font_path()
    except FileNotFoundError:
        return None
    font_id = QFontDatabase.addApplicationFont(str(path))
    if font_id < 0:
        return None
    family = QFontDatabase.applicationFontFamilies(font_id)[0]
    font = QFont(app.font())
    families = [f for f in (font.families() or [font.family()]) if f != family]
    font.setFamilies(families + [family])
    app.setFont(font)
    return family
