"""Small image writers in plain numpy + zlib (no Qt, no imaging library): PNG, animated GIF, labels.

* :func:`png_bytes` / :func:`save_png`: an ``(h, w, 3)`` uint8 RGB array as a PNG
  (8-bit truecolour, one zlib stream, no filtering: simple and exact);
* :func:`gif_bytes` / :func:`save_gif`: frames as one looping GIF89a with a
  global 256-colour palette (the colours the frames use most, others mapped to
  the nearest of those) and LZW-compressed image data;
* :func:`draw_text`: a line of text in a 5×7 pixel font (digits, letters,
  a few signs), scaled, into an RGB array (frame labels such as "epoch 12").
"""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import numpy as np


# -- PNG ----------------------------------------------------------------------------------
def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def png_bytes(rgb: np.ndarray) -> bytes:
    """The PNG file of an ``(h, w, 3)`` uint8 image."""
    rgb = np.ascontiguousarray(rgb, dtype=np.uint8)
    if rgb.ndim != 3 or rgb.shape[2] != 3:
        raise ValueError(f"expected an (h, w, 3) image, got shape {rgb.shape}")
    h, w, _ = rgb.shape
    raw = np.empty((h, 1 + 3 * w), dtype=np.uint8)
    raw[:, 0] = 0                                  # filter type 0 (none) per row
    raw[:, 1:] = rgb.reshape(h, 3 * w)
    header = struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + _chunk(b"IDAT", zlib.compress(raw.tobytes(), 6))
            + _chunk(b"IEND", b""))


def save_png(rgb: np.ndarray, path) -> Path:
    path = Path(path)
    path.write_bytes(png_bytes(rgb))
    return path


# -- GIF ----------------------------------------------------------------------------------
def palette_for(frames: list[np.ndarray], size: int = 256) -> np.ndarray:
    """The GIF palette, ``(n ≤ 256, 3)`` uint8: every colour the frames use (at 5 bits per channel)
    when they are few enough, else a 6×6×6 cube plus the most used colours (error ≤ 26 per channel)."""
    counts = np.zeros(1 << 15, dtype=np.int64)
    for f in frames:
        counts += np.bincount(_codes(f), minlength=1 << 15)
    used = np.flatnonzero(counts)

    def colours(codes):
        return np.stack([(codes >> 10) & 31, (codes >> 5) & 31, codes & 31], axis=1) * 8 + 4

    if len(used) <= size:
        return colours(used).clip(0, 255).astype(np.uint8)
    levels = np.array([0, 51, 102, 153, 204, 255])
    cube = np.stack(np.meshgrid(levels, levels, levels, indexing="ij"), axis=-1).reshape(-1, 3)
    top = used[np.argsort(counts[used], kind="stable")[::-1][:size - len(cube)]]
    return np.concatenate([cube, colours(top)]).clip(0, 255).astype(np.uint8)


def _codes(frame: np.ndarray) -> np.ndarray:
    q = (np.asarray(frame, dtype=np.uint16) >> 3).reshape(-1, 3)
    return (q[:, 0] << 10) | (q[:, 1] << 5) | q[:, 2]


def _lookup(palette: np.ndarray, used: np.ndarray) -> np.ndarray:
    """For every used 15-bit colour code, the index of the nearest palette colour (others: 0)."""
    cols = np.stack([(used >> 10) & 31, (used >> 5) & 31, used & 31], axis=1).astype(np.int64) * 8 + 4
    pal = palette.astype(np.int64)
    out = np.zeros(1 << 15, dtype=np.uint8)
    for s in range(0, len(used), 2048):
        d = ((cols[s:s + 2048, None, :] - pal[None, :, :]) ** 2).sum(axis=2)
        out[used[s:s + 2048]] = np.argmin(d, axis=1)
    return out


def lzw_encode(indices: np.ndarray, min_code_size: int = 8) -> bytes:
    """GIF's variable-length LZW of palette indices (clear code first, then codes up to 12 bits)."""
    clear = 1 << min_code_size
    eoi = clear + 1
    out = bytearray()
    buf = 0
    nbits = 0
    code_size = min_code_size + 1
    table: dict[int, int] = {}
    next_code = eoi + 1

    def emit(code: int) -> None:
        nonlocal buf, nbits
        buf |= code << nbits
        nbits += code_size
        while nbits >= 8:
            out.append(buf & 0xFF)
            buf >>= 8
            nbits -= 8

    data = np.asarray(indices, dtype=np.uint8).tobytes()
    emit(clear)
    if data:
        prefix = data[0]
        get = table.get
        for b in data[1:]:
            key = (prefix << 8) | b
            code = get(key)
            if code is not None:
                prefix = code
                continue
            emit(prefix)
            if next_code < 4095:
                table[key] = next_code
                next_code += 1
                if next_code > (1 << code_size) and code_size < 12:
                    code_size += 1
            else:
                emit(clear)
                table.clear()
                get = table.get
                next_code = eoi + 1
                code_size = min_code_size + 1
            prefix = b
        emit(prefix)
    emit(eoi)
    if nbits:
        out.append(buf & 0xFF)
    return bytes(out)


def _blocks(data: bytes) -> bytes:
    return b"".join(bytes([len(data[i:i + 255])]) + data[i:i + 255] for i in range(0, len(data), 255)) + b"\x00"


def gif_bytes(frames: list[np.ndarray], delay_ms: int = 100, loop: bool = True) -> bytes:
    """One animated GIF of equally sized ``(h, w, 3)`` uint8 frames, ``delay_ms`` each."""
    if not frames:
        raise ValueError("an animation needs at least one frame")
    h, w = frames[0].shape[:2]
    if any(f.shape[:2] != (h, w) for f in frames):
        raise ValueError("every frame must have the same size")
    palette = palette_for(frames)
    codes = [_codes(f) for f in frames]
    used = np.flatnonzero(np.bincount(np.concatenate(codes), minlength=1 << 15))
    lut = _lookup(palette, used)
    table = np.zeros((256, 3), dtype=np.uint8)
    table[:len(palette)] = palette
    parts = [b"GIF89a", struct.pack("<HHBBB", w, h, 0xF7, 0, 0), table.tobytes()]
    if loop:
        parts.append(b"\x21\xff\x0bNETSCAPE2.0\x03\x01" + struct.pack("<H", 0) + b"\x00")
    delay = max(2, int(round(delay_ms / 10)))
    for i in range(len(frames)):
        parts.append(b"\x21\xf9\x04\x04" + struct.pack("<H", delay) + b"\x00\x00")
        parts.append(b"\x2c" + struct.pack("<HHHHB", 0, 0, w, h, 0))
        parts.append(b"\x08" + _blocks(lzw_encode(lut[codes[i]], 8)))
    parts.append(b"\x3b")
    return b"".join(parts)


def save_gif(frames: list[np.ndarray], path, delay_ms: int = 100) -> Path:
    path = Path(path)
    path.write_bytes(gif_bytes(frames, delay_ms))
    return path


# -- a tiny font ----------------------------------------------------------------------------
_FONT = {  # 5 columns x 7 rows, one string of 0/1 per row
    "0": "01110 10001 10011 10101 11001 10001 01110", "1": "00100 01100 00100 00100 00100 00100 01110",
    "2": "01110 10001 00001 00010 00100 01000 11111", "3": "11110 00001 00001 01110 00001 00001 11110",
    "4": "00010 00110 01010 10010 11111 00010 00010", "5": "11111 10000 11110 00001 00001 10001 01110",
    "6": "00110 01000 10000 11110 10001 10001 01110", "7": "11111 00001 00010 00100 01000 01000 01000",
    "8": "01110 10001 10001 01110 10001 10001 01110", "9": "01110 10001 10001 01111 00001 00010 01100",
    "a": "00000 00000 01110 00001 01111 10001 01111", "c": "00000 00000 01110 10000 10000 10001 01110",
    "e": "00000 00000 01110 10001 11111 10000 01110", "h": "10000 10000 10110 11001 10001 10001 10001",
    "i": "00100 00000 01100 00100 00100 00100 01110", "l": "01100 00100 00100 00100 00100 00100 01110",
    "o": "00000 00000 01110 10001 10001 10001 01110", "p": "00000 00000 11110 10001 11110 10000 10000",
    "r": "00000 00000 10110 11001 10000 10000 10000", "s": "00000 00000 01111 10000 01110 00001 11110",
    "t": "01000 01000 11100 01000 01000 01001 00110", "u": "00000 00000 10001 10001 10001 10011 01101",
    "y": "00000 00000 10001 10001 01111 00001 01110", "/": "00001 00010 00010 00100 01000 01000 10000",
    ".": "00000 00000 00000 00000 00000 01100 01100", ":": "00000 01100 01100 00000 01100 01100 00000",
    "=": "00000 00000 11111 00000 11111 00000 00000", "-": "00000 00000 00000 11111 00000 00000 00000",
    " ": "00000 00000 00000 00000 00000 00000 00000",
}
_GLYPHS = {k: np.array([[c == "1" for c in row] for row in v.split()], dtype=bool) for k, v in _FONT.items()}


def text_mask(text: str, scale: int = 2) -> np.ndarray:
    """A boolean ``(7·scale, 6·scale·len)`` mask of ``text`` (unknown characters: blank)."""
    blank = _GLYPHS[" "]
    cols = []
    for ch in text:
        g = _GLYPHS.get(ch, _GLYPHS.get(ch.lower(), blank))
        cols += [g, np.zeros((7, 1), dtype=bool)]
    mask = np.concatenate(cols, axis=1) if cols else np.zeros((7, 0), dtype=bool)
    return np.repeat(np.repeat(mask, scale, axis=0), scale, axis=1)


def draw_text(rgb: np.ndarray, text: str, x: int = 4, y: int = 4, scale: int = 2,
              colour=(20, 20, 20), background=(255, 255, 255)) -> np.ndarray:
    """Write ``text`` into ``rgb`` (in place) at ``(x, y)`` on a background box; returns ``rgb``."""
    mask = text_mask(text, scale)
    pad = scale
    h, w = rgb.shape[:2]
    y0, x0 = max(0, y - pad), max(0, x - pad)
    y1, x1 = min(h, y + mask.shape[0] + pad), min(w, x + mask.shape[1] + pad)
    if background is not None:
        rgb[y0:y1, x0:x1] = background
    mh, mw = min(mask.shape[0], h - y), min(mask.shape[1], w - x)
    if mh > 0 and mw > 0:
        region = rgb[y:y + mh, x:x + mw]
        region[mask[:mh, :mw]] = colour
    return rgb
