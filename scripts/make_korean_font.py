"""Regenerate the shipped Korean UI font: a subset of Nanum Gothic with every character nnstudio shows.

    python scripts/make_korean_font.py [--source /usr/share/fonts/truetype/nanum/NanumGothic.ttf]

Keeps the 2,350 common Hangul syllables (KS X 1001) and every Korean text the studio can show -
the translations
(resources/translations/nnstudio_ko.ts), the Korean lessons
(resources/lessons/*/ko.md) and the Korean strings of the lesson files
(resources/lessons/*/lesson.json) - plus printable ASCII, subsets Nanum
Gothic (Debian package ``fonts-nanum``; SIL Open Font License 1.1) to
those characters with fontTools (a script-only need: ``pip install
fonttools``), and writes resources/fonts/nnstudio-hangul.ttf.

The OFL reserves the name "Nanum Gothic" for the original, so the subset is
renamed "NNStudio Hangul" (a Modified Version must not use a Reserved Font
Name); resources/fonts/OFL.txt carries the licence and the copyright notice.
Run it again whenever a translation or a Korean lesson changes
(tests/ui/test_korean_font.py fails until you do).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FAMILY = "NNStudio Hangul"
OUTPUT = ROOT / "resources" / "fonts" / "nnstudio-hangul.ttf"
SOURCE = Path("/usr/share/fonts/truetype/nanum/NanumGothic.ttf")


def korean_texts(root: Path = ROOT) -> list[str]:
    """Every text the Korean UI can show (translations, Korean lessons, the lesson files' Korean strings)."""
    import json
    import re
    from html import unescape

    texts = []
    ts = (root / "resources" / "translations" / "nnstudio_ko.ts").read_text(encoding="utf-8")
    texts += [unescape(t) for t in re.findall(r"<translation[^>]*>(.*?)</translation>", ts, re.S)]
    for md in sorted((root / "resources" / "lessons").glob("*/ko.md")):
        texts.append(md.read_text(encoding="utf-8"))

    def strings(node):
        if isinstance(node, str):
            yield node
        elif isinstance(node, dict):
            for value in node.values():
                yield from strings(value)
        elif isinstance(node, list):
            for value in node:
                yield from strings(value)

    for lesson in sorted((root / "resources" / "lessons").glob("*/lesson.json")):
        texts += list(strings(json.loads(lesson.read_text(encoding="utf-8"))))
    return texts


def common_hangul() -> set[str]:
    """The 2,350 Hangul syllables of KS X 1001 (EUC-KR): new Korean text rarely needs more."""
    out = set()
    for c in range(0xAC00, 0xD7A4):
        try:
            if len(chr(c).encode("euc_kr")) == 2:  # longer: a composed (non-KS X 1001) syllable
                out.add(chr(c))
        except UnicodeEncodeError:
            continue
    return out


def characters(root: Path = ROOT) -> set[str]:
    """Printable ASCII, the common Hangul syllables and every character the Korean texts use."""
    chars = {chr(c) for c in range(0x20, 0x7F)} | common_hangul()
    for text in korean_texts(root):
        chars.update(ch for ch in text if ch.isprintable())
    return chars


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--source", type=Path, default=SOURCE)
    ap.add_argument("--output", type=Path, default=OUTPUT)
    args = ap.parse_args(argv)
    try:
        from fontTools import subset
        from fontTools.ttLib import TTFont
    except ImportError:
        print("make_korean_font: needs fontTools (pip install fonttools)", file=sys.stderr)
        return 2
    if not args.source.exists():
        print(f"make_korean_font: {args.source} not found (apt install fonts-nanum)", file=sys.stderr)
        return 2
    chars = characters()
    font = TTFont(str(args.source), recalcTimestamp=False)  # same input -> the same file
    cmap = font.getBestCmap()
    wanted = sorted(ord(ch) for ch in chars if ord(ch) in cmap)
    options = subset.Options()
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.hinting = False  # a UI font at screen sizes; unhinted keeps the file small
    options.layout_features = ["*"]
    sub = subset.Subsetter(options)
    sub.populate(unicodes=wanted)
    sub.subset(font)
    for record in font["name"].names:  # a Modified Version may not carry the Reserved Font Name
        if record.nameID in (1, 16):
            record.string = FAMILY
        elif record.nameID == 4:
            record.string = f"{FAMILY} Regular"
        elif record.nameID == 6:
            record.string = FAMILY.replace(" ", "") + "-Regular"
        elif record.nameID == 3:
            record.string = f"{FAMILY}; subset of Nanum Gothic for nnstudio"
    args.output.parent.mkdir(parents=True, exist_ok=True)
    font.save(str(args.output))
    missing = sorted(ch for ch in chars if ord(ch) not in cmap and not ch.isascii())
    print(f"wrote {args.output} ({args.output.stat().st_size // 1024} KiB, {len(wanted)} characters; "
          f"{len(missing)} symbols Nanum Gothic lacks are left to the system font)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
