"""Before the first window: can Qt's xcb platform plugin load on this Linux? (no Qt import)

On a Linux desktop without, say, ``libxcb-cursor0``, Qt prints a cryptic
"Could not load the Qt platform plugin "xcb"" message and aborts. The studio
checks first: :func:`missing_libraries` reads the plugin's ELF dependencies
(``DT_NEEDED``, no ``ldd``) and tries to load each system library with
ctypes; :func:`startup_problem` turns the first missing one into one line
naming it and the Debian/Ubuntu package that provides it.

The check runs only where Qt would use xcb: Linux, an X display, and
``QT_QPA_PLATFORM`` unset or ``xcb``.
"""

from __future__ import annotations

import ctypes
import mmap
import os
import struct
import sys
from pathlib import Path

#: shared library -> Debian/Ubuntu package (what the .deb's Depends lists)
PACKAGES = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xinerama.so.0": "libxcb-xinerama0",
    "libxcb-xinput.so.0": "libxcb-xinput0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb-glx.so.0": "libxcb-glx0",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb.so.1": "libxcb1",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libX11.so.6": "libx11-6",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libdbus-1.so.3": "libdbus-1-3",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libOpenGL.so.0": "libopengl0",
    "libGLX.so.0": "libglx0",
}

#: the apt line the README gives for a fresh Debian/Ubuntu desktop
APT_PACKAGES = ("libxcb-cursor0", "libxcb-icccm4", "libxcb-image0", "libxcb-keysyms1", "libxcb-randr0",
                "libxcb-render-util0", "libxcb-shape0", "libxcb-xinerama0", "libxcb-xkb1", "libxkbcommon-x11-0",
                "libegl1", "libgl1", "libfontconfig1", "libdbus-1-3")


def elf_needed(path: str | os.PathLike) -> list[str]:
    """The ``DT_NEEDED`` entries (sonames) of an ELF shared object; [] if it is not one."""
    try:
        with open(path, "rb") as f:
            data = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)  # no full read of a 10 MB library
    except (OSError, ValueError):
        return []
    try:
        return _needed(data)
    finally:
        data.close()


def _needed(data) -> list[str]:
    if data[:4] != b"\x7fELF" or len(data) < 64:
        return []
    is64, little = data[4] == 2, data[5] == 1
    end = "<" if little else ">"
    try:
        if is64:
            shoff, = struct.unpack_from(end + "Q", data, 0x28)
            shentsize, shnum = struct.unpack_from(end + "HH", data, 0x3A)
        else:
            shoff, = struct.unpack_from(end + "I", data, 0x20)
            shentsize, shnum = struct.unpack_from(end + "HH", data, 0x2E)
        sections = []
        for i in range(shnum):
            off = shoff + i * shentsize
            if is64:
                _n, typ, _f, _a, s_off, size, link, _i, _al, entsize = struct.unpack_from(end + "IIQQQQIIQQ", data, off)
            else:
                _n, typ, _f, _a, s_off, size, link, _i, _al, entsize = struct.unpack_from(end + "IIIIIIIIII", data, off)
            sections.append((typ, s_off, size, link, entsize))
        out = []
        for typ, s_off, size, link, entsize in sections:
            if typ != 6:  # SHT_DYNAMIC
                continue
            str_off = sections[link][1]
            fmt = end + ("qQ" if is64 else "iI")
            step = struct.calcsize(fmt)
            for pos in range(s_off, s_off + size, step):
                tag, val = struct.unpack_from(fmt, data, pos)
                if tag == 0:
                    break
                if tag == 1:  # DT_NEEDED
                    name_end = data.find(b"\0", str_off + val)
                    out.append(bytes(data[str_off + val:name_end]).decode("ascii", "replace"))
        return out
    except (struct.error, IndexError, ValueError):
        return []


def _qt_dirs() -> tuple[Path, Path] | None:
    import importlib.util

    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        return None
    base = Path(list(spec.submodule_search_locations)[0]) / "Qt"
    return base / "plugins" / "platforms", base / "lib"


def can_load(soname: str) -> bool:
    """True if the dynamic loader finds ``soname`` (loads it; harmless for the libraries Qt needs anyway)."""
    try:
        ctypes.CDLL(soname)
        return True
    except OSError:
        return False


def missing_libraries(loader=can_load) -> list[str]:
    """System libraries Qt's xcb plugin needs that cannot be loaded (in dependency order)."""
    dirs = _qt_dirs()
    if dirs is None:
        return []
    plugins, qtlib = dirs
    plugin = plugins / "libqxcb.so"
    if not plugin.exists():
        return []
    todo, seen, missing = [plugin], set(), []
    while todo:
        for name in elf_needed(todo.pop()):
            if name in seen:
                continue
            seen.add(name)
            bundled = qtlib / name
            if bundled.exists():
                todo.append(bundled)  # Qt's own library: check what it needs in turn
            elif not loader(name):
                missing.append(name)
    return missing


def xcb_in_use(environ=os.environ, platform: str = sys.platform) -> bool:
    """Would Qt pick the xcb plugin here?"""
    if not platform.startswith("linux"):
        return False
    qpa = environ.get("QT_QPA_PLATFORM", "")
    if qpa:
        return qpa.split(":")[0] == "xcb"
    if environ.get("WAYLAND_DISPLAY") and not environ.get("DISPLAY"):
        return False
    return bool(environ.get("DISPLAY"))


def startup_problem(environ=os.environ, platform: str = sys.platform, loader=can_load) -> str | None:
    """One line saying which library is missing and how to install it, or None when Qt can start."""
    if not xcb_in_use(environ, platform):
        return None
    missing = missing_libraries(loader)
    if not missing:
        return None
    packages = [PACKAGES.get(m) for m in missing]
    if all(packages):
        install = "sudo apt install " + " ".join(dict.fromkeys(packages))
    else:
        install = "install the package that provides it (on Debian/Ubuntu: sudo apt install " \
                  + " ".join(APT_PACKAGES) + ")"
    return (f"nnstudio: the window cannot open: the system library {missing[0]} that Qt's X11 (xcb) "
            f"platform plugin needs is missing{' (and ' + ', '.join(missing[1:]) + ')' if missing[1:] else ''}. "
            f"Install it with: {install}")
