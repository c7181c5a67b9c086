#!/usr/bin/env python3
"""Render the app icon ``resources/icons/nnstudio.svg`` into every format the installers need.

    python packaging/make_icons.py            # writes resources/icons/app/*
    python packaging/make_icons.py --check    # verifies the committed outputs are valid

Outputs (commit them; the packaging scripts only read them):

* ``resources/icons/app/nnstudio-<N>.png`` for N in 16 24 32 48 64 128 256 512
  (Linux hicolor theme, AppImage, window icon fallbacks)
* ``resources/icons/app/nnstudio.ico``  Windows: PNG-in-ICO, 16..256
* ``resources/icons/app/nnstudio.icns`` macOS: ICNS with PNG entries (icp4..ic14)

Rendering uses PySide6's QSvgRenderer on the offscreen platform (no display
needed). The ICO and ICNS containers are written here with ``struct``.
"""

from __future__ import annotations

import argparse
import os
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SVG = ROOT / "resources" / "icons" / "nnstudio.svg"
OUT = ROOT / "resources" / "icons" / "app"

PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# ICNS element type -> pixel size (PNG payloads; supported since macOS 10.7)
ICNS_TYPES = (
    (b"icp4", 16),
    (b"icp5", 32),
    (b"icp6", 64),
    (b"ic07", 128),
    (b"ic08", 256),
    (b"ic09", 512),
    (b"ic10", 1024),  # 512@2x
    (b"ic11", 32),  # 16@2x
    (b"ic12", 64),  # 32@2x
    (b"ic13", 256),  # 128@2x
    (b"ic14", 512),  # 256@2x
)
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def render_png(size: int, svg: Path = SVG) -> bytes:
    """The SVG rendered at ``size`` x ``size`` pixels, as PNG bytes (transparent background)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    if QGuiApplication.instance() is None:
        render_png._app = QGuiApplication([sys.argv[0]])  # keep a reference
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"make_icons: {svg} is not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buf, "PNG")
    buf.close()
    return bytes(data.data())


def build_ico(pngs: dict[int, bytes]) -> bytes:
    """A Windows .ico holding PNG images (ICONDIR + ICONDIRENTRY[] + payloads)."""
    sizes = sorted(pngs)
    header = struct.pack("<HHH", 0, 1, len(sizes))  # reserved, type 1 = icon, count
    offset = len(header) + 16 * len(sizes)
    entries, payload = b"", b""
    for s in sizes:
        data = pngs[s]
        dim = 0 if s >= 256 else s  # 0 means 256
        entries += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(data), offset)
        payload += data
        offset += len(data)
    return header + entries + payload


def build_icns(pngs: dict[int, bytes]) -> bytes:
    """An Apple .icns holding PNG images ('icns' + length, then type/length/data elements)."""
    body = b""
    for ostype, size in ICNS_TYPES:
        data = pngs[size]
        body += ostype + struct.pack(">I", 8 + len(data)) + data
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def parse_ico(data: bytes) -> list[tuple[int, bytes]]:
    """(size, payload) of every image in an .ico; raises ValueError when malformed."""
    reserved, kind, count = struct.unpack_from("<HHH", data, 0)
    if reserved != 0 or kind != 1 or count == 0:
        raise ValueError("not an ICO header")
    out = []
    for i in range(count):
        w, h, _c, _r, _planes, _bpp, size, off = struct.unpack_from("<BBBBHHII", data, 6 + 16 * i)
        if off + size > len(data):
            raise ValueError(f"ICO entry {i} points past the end of the file")
        out.append((w or 256, data[off : off + size]))
    return out


def parse_icns(data: bytes) -> list[tuple[bytes, bytes]]:
    """(type, payload) of every element in an .icns; raises ValueError when malformed."""
    if data[:4] != b"icns":
        raise ValueError("not an ICNS header")
    (total,) = struct.unpack_from(">I", data, 4)
    if total != len(data):
        raise ValueError(f"ICNS length field {total} != file size {len(data)}")
    out, pos = [], 8
    while pos < total:
        ostype = data[pos : pos + 4]
        (length,) = struct.unpack_from(">I", data, pos + 4)
        if length < 8 or pos + length > total:
            raise ValueError(f"ICNS element {ostype!r} has a bad length")
        out.append((ostype, data[pos + 8 : pos + length]))
        pos += length
    return out


def png_size(data: bytes) -> tuple[int, int]:
    if not data.startswith(PNG_MAGIC) or data[12:16] != b"IHDR":
        raise ValueError("not a PNG")
    return struct.unpack(">II", data[16:24])


def check(out: Path = OUT) -> list[str]:
    """Problems with the generated icons (empty list = all good)."""
    problems = []
    for s in PNG_SIZES:
        p = out / f"nnstudio-{s}.png"
        try:
            if png_size(p.read_bytes()) != (s, s):
                problems.append(f"{p.name}: wrong size")
        except (OSError, ValueError) as exc:
            problems.append(f"{p.name}: {exc}")
    try:
        ico = parse_ico((out / "nnstudio.ico").read_bytes())
        if sorted(s for s, _ in ico) != sorted(ICO_SIZES):
            problems.append("nnstudio.ico: sizes differ from ICO_SIZES")
        for s, d in ico:
            if png_size(d) != (s, s):
                problems.append(f"nnstudio.ico: {s}px entry is not a {s}px PNG")
    except (OSError, ValueError, struct.error) as exc:
        problems.append(f"nnstudio.ico: {exc}")
    try:
        icns = dict(parse_icns((out / "nnstudio.icns").read_bytes()))
        for ostype, s in ICNS_TYPES:
            if ostype not in icns or png_size(icns[ostype]) != (s, s):
                problems.append(f"nnstudio.icns: {ostype.decode()} missing or not {s}px")
    except (OSError, ValueError, struct.error) as exc:
        problems.append(f"nnstudio.icns: {exc}")
    return problems


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true", help="only verify the existing outputs")
    ap.add_argument("--out", type=Path, default=OUT, help="output folder (default: %(default)s)")
    args = ap.parse_args(argv)
    if not args.check:
        args.out.mkdir(parents=True, exist_ok=True)
        sizes = sorted(set(PNG_SIZES) | set(ICO_SIZES) | {s for _, s in ICNS_TYPES})
        pngs = {s: render_png(s) for s in sizes}
        for s in PNG_SIZES:
            (args.out / f"nnstudio-{s}.png").write_bytes(pngs[s])
        (args.out / "nnstudio.ico").write_bytes(build_ico({s: pngs[s] for s in ICO_SIZES}))
        (args.out / "nnstudio.icns").write_bytes(build_icns(pngs))
        print(f"make_icons: wrote {len(PNG_SIZES)} PNGs, nnstudio.ico, nnstudio.icns to {args.out}")
    problems = check(args.out)
    for p in problems:
        print(f"make_icons: {p}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
