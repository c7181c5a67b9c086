"""Fast checks of the packaging recipes (no build, no Qt, pure Python).

The real end-to-end check is ``packaging/build_linux.sh`` (run by ``.ci/package.sh``).
"""

from __future__ import annotations

import ast
import configparser
import re
import struct
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PKG = ROOT / "packaging"
ICONS = ROOT / "resources" / "icons"
APP_ICONS = ICONS / "app"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def _png_size(data: bytes) -> tuple[int, int]:
    assert data.startswith(PNG_MAGIC), "not a PNG"
    assert data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


# --------------------------------------------------------------------------- spec


@pytest.fixture(scope="module")
def spec_text() -> str:
    return (PKG / "nnstudio.spec").read_text(encoding="utf-8")


def test_spec_compiles(spec_text):
    compile(spec_text, "nnstudio.spec", "exec")


def test_spec_entry_is_launcher_calling_cli_main(spec_text):
    assert "launcher.py" in spec_text
    launcher = (PKG / "launcher.py").read_text(encoding="utf-8")
    compile(launcher, "launcher.py", "exec")
    assert "from nnstudio.cli import main" in launcher
    assert "sys.exit(main())" in launcher


def test_spec_build_options(spec_text):
    tree = ast.parse(spec_text)
    calls = {
        node.func.id: node
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
    }
    for name in ("Analysis", "PYZ", "EXE", "COLLECT", "BUNDLE"):
        assert name in calls, f"{name}(...) missing from the spec"
    for name in ("EXE", "COLLECT"):
        kw = {k.arg: k.value for k in calls[name].keywords}
        assert isinstance(kw.get("strip"), ast.Constant) and kw["strip"].value is False, f"{name} strip"
        assert isinstance(kw.get("upx"), ast.Constant) and kw["upx"].value is False, f"{name} upx"
    exe_kw = {k.arg for k in calls["EXE"].keywords}
    assert "exclude_binaries" in exe_kw, "one-folder mode needs exclude_binaries=True"
    # resources/ shipped as 'resources'
    assert re.search(r'\(str\(ROOT / "resources"\), "resources"\)', spec_text)


def _excludes(spec_text: str) -> list[str]:
    tree = ast.parse(spec_text)
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "EXCLUDES" for t in node.targets
        ):
            return list(ast.literal_eval(node.value))
    raise AssertionError("EXCLUDES list not found")


def test_spec_keeps_what_pyqtgraph_and_icons_need(spec_text):
    excludes = _excludes(spec_text)
    for keep in ("PySide6.QtOpenGL", "PySide6.QtOpenGLWidgets", "PySide6.QtSvg", "PySide6.QtGui",
                 "PySide6.QtWidgets", "PySide6.QtCore", "numpy", "pyqtgraph", "colorama"):
        assert keep not in excludes, f"{keep} must not be excluded"
    for drop in ("tkinter", "PySide6.QtQml", "PySide6.QtQuick", "PySide6.QtWebEngineCore",
                 "PySide6.QtMultimedia", "PySide6.QtPdf", "PySide6.QtNetwork", "matplotlib",
                 "scipy", "torch", "tensorflow", "keras", "IPython", "PyQt5", "PyQt6",
                 "pytest", "hypothesis"):
        assert drop in excludes, f"{drop} should be excluded"


def test_spec_library_filter_keeps_opengl_and_svg(spec_text):
    ns: dict = {}
    # evaluate only the filter helpers (pure regex code) from the spec
    start = spec_text.index("_QT_LIB_DROP = ")
    end = spec_text.index("def _filter(")
    exec("import re, os\n" + spec_text[start:end], ns)
    drop = ns["_drop_reason"]
    for kept in ("PySide6/Qt/lib/libQt6OpenGL.so.6", "PySide6/Qt/lib/libQt6OpenGLWidgets.so.6",
                 "PySide6/Qt/lib/libQt6Svg.so.6", "PySide6/Qt/lib/libQt6Gui.so.6",
                 "PySide6/Qt/lib/libQt6XcbQpa.so.6", "PySide6/Qt/lib/libQt6DBus.so.6",
                 "PySide6/Qt6OpenGL.dll", "PySide6/Qt/plugins/platforms/libqxcb.so",
                 "PySide6/Qt/plugins/platforms/libqoffscreen.so", "PySide6/plugins/platforms/qwindows.dll",
                 "PySide6/Qt/plugins/imageformats/libqsvg.so", "PySide6/Qt/plugins/iconengines/libqsvgicon.so",
                 "PySide6/Qt/lib/QtGui.framework/Versions/A/QtGui",
                 "PySide6/Qt/lib/QtOpenGL.framework/Resources/Info.plist",
                 "PySide6/Qt/translations/qtbase_ko.qm", "resources/translations/nnstudio_de.qm"):
        assert drop(kept) is None, f"{kept} would be dropped: {drop(kept)}"
    for gone in ("PySide6/Qt/lib/libQt6Qml.so.6", "PySide6/Qt/lib/libQt6Quick.so.6",
                 "PySide6/Qt/lib/libQt6Network.so.6", "PySide6/Qt/lib/libQt6Pdf.so.6",
                 "PySide6/Qt6Quick.dll", "PySide6/Qt/plugins/platforms/libqvnc.so",
                 "PySide6/Qt/plugins/tls/libqopensslbackend.so",
                 "PySide6/Qt/lib/QtQml.framework/Resources/Info.plist",
                 "PySide6/Qt/translations/qtbase_de.qm"):
        assert drop(gone), f"{gone} should be dropped"


# --------------------------------------------------------------------------- linux


def test_desktop_file():
    cp = configparser.ConfigParser(interpolation=None, strict=True)
    cp.optionxform = str
    cp.read(PKG / "linux" / "nnstudio.desktop", encoding="utf-8")
    e = cp["Desktop Entry"]
    assert e["Type"] == "Application"
    assert e["Name"] == "nnstudio"
    assert e["Icon"] == "nnstudio"
    assert e["Exec"].split() == ["nnstudio", "%f"]
    assert e["Terminal"] == "false"
    assert "application/x-nnstudio;" in e["MimeType"]
    assert e["Categories"].endswith(";") and "Education" in e["Categories"]
    assert (ROOT / "resources" / "nnstudio.desktop").read_text(encoding="utf-8") == (
        PKG / "linux" / "nnstudio.desktop"
    ).read_text(encoding="utf-8")


def test_mime_xml():
    ns = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}
    root = ET.parse(PKG / "linux" / "nnstudio-mime.xml").getroot()
    mt = root.find("m:mime-type", ns)
    assert mt is not None and mt.get("type") == "application/x-nnstudio"
    assert [g.get("pattern") for g in mt.findall("m:glob", ns)] == ["*.nnstudio"]
    assert mt.find("m:comment", ns) is not None


def test_build_deb_script():
    sh = (PKG / "linux" / "build_deb.sh").read_text(encoding="utf-8")
    assert "--root-owner-group" in sh
    assert re.search(r"chmod 755 [^\n]*\$ROOTFS", sh)
    assert "-Zzstd" in sh and "-Zxz" in sh
    assert 'ln -s "/opt/$PKG/nnstudio" "$ROOTFS/usr/bin/nnstudio"' in sh
    for dest in ("/usr/share/applications", "/usr/share/mime/packages", "/usr/share/icons/hicolor"):
        assert dest in sh
    for tool in ("update-mime-database", "update-desktop-database"):
        assert f"command -v {tool}" in sh, f"{tool} must be optional"
    for dep in ("libegl1", "libgl1", "libxkbcommon0", "libfontconfig1", "libdbus-1-3", "libxcb-cursor0"):
        assert dep in sh
    assert "__version__" in sh


def test_build_linux_script_checks_the_whole_chain():
    sh = (PKG / "build_linux.sh").read_text(encoding="utf-8")
    for needle in ("nnstudio.spec", "QT_QPA_PLATFORM=offscreen", "--self-test", "build_deb.sh",
                   "apt-get install -y", "/usr/bin/nnstudio --self-test /tmp/x.png",
                   "apt-get remove -y nnstudio", "/opt/nnstudio", "du -sm"):
        assert needle in sh, needle
    ci = (ROOT / ".ci" / "package.sh").read_text(encoding="utf-8")
    assert 'CI:-}" != "true"' in ci and "packaging/build_linux.sh" in ci


def test_scripts_are_executable():
    for p in ("build_linux.sh", "linux/build_deb.sh", "linux/build_appdir.sh", "macos/build_dmg.sh"):
        assert (PKG / p).stat().st_mode & 0o111, f"packaging/{p} is not executable"


# --------------------------------------------------------------------------- windows / macOS


def test_inno_setup_script():
    iss = (PKG / "windows" / "nnstudio.iss").read_text(encoding="utf-8")
    for needle in ("ChangesAssociations=yes", r"Software\Classes\.nnstudio", "nnstudio.project",
                   r'""{app}\{#AppExe}"" ""%1""', "{autoprograms}", r"dist\nnstudio",
                   "nnstudio.ico", "uninsdeletekey"):
        assert needle in iss, needle


def test_macos_bundle_declares_document_type(spec_text):
    assert "CFBundleDocumentTypes" in spec_text
    assert '"CFBundleTypeExtensions": ["nnstudio"]' in spec_text
    dmg = (PKG / "macos" / "build_dmg.sh").read_text(encoding="utf-8")
    assert "hdiutil create" in dmg and "notarytool" in dmg
    assert 'if [ -n "$IDENTITY" ]' in dmg  # signing only when configured
    ET.parse(PKG / "macos" / "entitlements.plist")


def test_workflow_matrix():
    wf = (ROOT / ".github" / "workflows" / "release.yml").read_text(encoding="utf-8")
    assert re.search(r"os: \[ubuntu-22\.04, windows-latest, macos-latest\]", wf)
    assert "actions/upload-artifact" in wf
    assert "packaging/build_linux.sh" in wf and "nnstudio.iss" in wf and "build_dmg.sh" in wf


def test_requirements_pinned():
    lines = [
        line.strip()
        for line in (PKG / "requirements-build.txt").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    assert lines and all(re.fullmatch(r"[A-Za-z0-9_.-]+==[\w.]+", line) for line in lines), lines
    names = {line.split("==")[0].lower() for line in lines}
    assert {"pyinstaller", "pyside6-essentials", "pyqtgraph", "numpy"} <= names


# --------------------------------------------------------------------------- icons


def test_svg_icon_is_well_formed():
    root = ET.parse(ICONS / "nnstudio.svg").getroot()
    assert root.tag.endswith("svg")
    assert len(root.findall(".//{http://www.w3.org/2000/svg}circle")) >= 5


@pytest.mark.parametrize("size", PNG_SIZES)
def test_png_icons(size):
    assert _png_size((APP_ICONS / f"nnstudio-{size}.png").read_bytes()) == (size, size)


def test_ico_container():
    data = (APP_ICONS / "nnstudio.ico").read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", data, 0)
    assert (reserved, kind) == (0, 1) and count >= 5
    sizes = []
    for i in range(count):
        w, h, _c, _r, planes, bpp, size, off = struct.unpack_from("<BBBBHHII", data, 6 + 16 * i)
        assert (planes, bpp) == (1, 32)
        assert off + size <= len(data)
        px = w or 256
        assert _png_size(data[off : off + size]) == (px, px)
        sizes.append(px)
    assert {16, 32, 48, 256} <= set(sizes)


def test_icns_container():
    data = (APP_ICONS / "nnstudio.icns").read_bytes()
    assert data[:4] == b"icns"
    assert struct.unpack_from(">I", data, 4)[0] == len(data)
    pos, types = 8, {}
    while pos < len(data):
        ostype = data[pos : pos + 4]
        (length,) = struct.unpack_from(">I", data, pos + 4)
        assert length > 8 and pos + length <= len(data)
        types[ostype] = _png_size(data[pos + 8 : pos + length])
        pos += length
    assert pos == len(data)
    for ostype, px in ((b"ic07", 128), (b"ic08", 256), (b"ic09", 512), (b"ic10", 1024)):
        assert types.get(ostype) == (px, px), ostype
