"""First run on Linux: a missing xcb library is named with its apt package before Qt aborts."""

from __future__ import annotations

import pytest

from nnstudio import cli, qtcheck


def _plugin():
    dirs = qtcheck._qt_dirs()
    if dirs is None or not (dirs[0] / "libqxcb.so").exists():
        pytest.skip("PySide6's xcb plugin is not installed here")
    return dirs[0] / "libqxcb.so"


def test_the_xcb_plugins_dependencies_are_read_without_ldd():
    needed = qtcheck.elf_needed(_plugin())
    assert "libxcb.so.1" in needed and "libxcb-cursor.so.0" in needed
    assert qtcheck.elf_needed(__file__) == []  # not an ELF file


def test_a_missing_libxcb_cursor_is_named_with_the_apt_command():
    _plugin()
    line = qtcheck.startup_problem({"DISPLAY": ":0"}, "linux", loader=lambda name: name != "libxcb-cursor.so.0")
    assert "libxcb-cursor.so.0" in line and "sudo apt install libxcb-cursor0" in line
    assert "\n" not in line


def test_nothing_is_reported_when_everything_loads_or_xcb_is_not_used():
    _plugin()
    assert qtcheck.startup_problem({"DISPLAY": ":0"}, "linux", loader=lambda name: True) is None
    never = lambda name: False  # noqa: E731
    assert qtcheck.startup_problem({"QT_QPA_PLATFORM": "offscreen", "DISPLAY": ":0"}, "linux", loader=never) is None
    assert qtcheck.startup_problem({"WAYLAND_DISPLAY": "wayland-0"}, "linux", loader=never) is None
    assert qtcheck.startup_problem({"DISPLAY": ":0"}, "darwin", loader=never) is None
    assert qtcheck.startup_problem({}, "linux", loader=never) is None


def test_the_studio_prints_one_line_and_exits_2_before_qt_starts(monkeypatch, capsys):
    import nnstudio.ui.app as app

    started = []
    monkeypatch.setattr(app, "run_gui", lambda **k: started.append(k) or 0)
    monkeypatch.setattr(qtcheck, "can_load", lambda name: name != "libxcb-cursor.so.0")
    monkeypatch.setattr(qtcheck, "startup_problem",
                        lambda: "nnstudio: ... libxcb-cursor.so.0 ... sudo apt install libxcb-cursor0")
    assert cli.main([]) == cli.EXIT_USER_ERROR
    err = capsys.readouterr().err
    assert err.strip().count("\n") == 0 and "libxcb-cursor0" in err
    assert not started


def test_the_readme_lists_the_packages_and_the_deb_depends_on_them():
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    readme = (root / "README.md").read_text(encoding="utf-8")
    deb = (root / "packaging" / "linux" / "build_deb.sh").read_text(encoding="utf-8")
    for package in qtcheck.APT_PACKAGES:
        assert package in readme, package
    for package in ("libxcb-cursor0", "libxcb-icccm4", "libxkbcommon-x11-0"):
        assert package in deb
