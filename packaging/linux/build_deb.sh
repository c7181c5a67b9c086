#!/usr/bin/env bash
# Build dist/nnstudio_<version>_<arch>.deb from the PyInstaller folder dist/nnstudio/.
#
#   packaging/linux/build_deb.sh [BUNDLE_DIR] [OUT_DIR]
#
# Layout of the package:
#   /opt/nnstudio/                               the PyInstaller one-folder bundle
#   /usr/bin/nnstudio -> /opt/nnstudio/nnstudio  the command on PATH
#   /usr/share/applications/nnstudio.desktop     menu entry (MimeType + %f)
#   /usr/share/mime/packages/nnstudio.xml        application/x-nnstudio, *.nnstudio
#   /usr/share/icons/hicolor/<N>x<N>/apps/nnstudio.png, scalable/apps/nnstudio.svg
#   /usr/share/doc/nnstudio/copyright
# postinst/postrm refresh the desktop, MIME and icon caches when those tools
# exist and never fail when they do not.
#
# Needs: dpkg-deb (>= 1.21.18 for zstd; falls back to xz), objdump (binutils). No root needed
# (--root-owner-group makes every file root:root inside the package).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
BUNDLE="${1:-$ROOT/dist/nnstudio}"
OUT="${2:-$ROOT/dist}"
PKG=nnstudio

VERSION="$(sed -n 's/^__version__ *= *["'\'']\([^"'\'']*\)["'\''].*/\1/p' "$ROOT/nnstudio/__init__.py")"
[ -n "$VERSION" ] || { echo "build_deb: no __version__ in nnstudio/__init__.py" >&2; exit 1; }
ARCH="$(dpkg --print-architecture)"
[ -x "$BUNDLE/nnstudio" ] || { echo "build_deb: $BUNDLE/nnstudio not found; run PyInstaller first" >&2; exit 1; }

# Shared libraries the bundled Qt (xcb + wayland platform plugins, OpenGL/EGL,
# fonts, D-Bus, GLib event loop) loads from the system: the DT_NEEDED entries of
# the bundle's Qt libraries and plugins that the spec deliberately leaves out,
# mapped to package names that exist in Debian 12 and Ubuntu 22.04/24.04
# (checked with apt-cache policy; t64 packages of 24.04 provide the old names).
# Fonts come with libfontconfig1 -> fontconfig-config -> fonts-dejavu-core; Korean has its own
# shipped subset font (resources/fonts), a system Korean font is only recommended.
DEPENDS_LIBS="libstdc++6, libgcc-s1, zlib1g, libzstd1, \
libgl1, libegl1, libglib2.0-0, libfontconfig1, libfreetype6, libdbus-1-3, \
libx11-6, libx11-xcb1, libxkbcommon0, libxkbcommon-x11-0, libxcb1, \
libxcb-cursor0, libxcb-glx0, libxcb-icccm4, libxcb-image0, libxcb-keysyms1, \
libxcb-randr0, libxcb-render0, libxcb-render-util0, libxcb-shape0, libxcb-shm0, \
libxcb-sync1, libxcb-util1, libxcb-xfixes0, libxcb-xkb1, \
libwayland-client0, libwayland-cursor0, libwayland-egl1"
RECOMMENDS="fonts-nanum | fonts-noto-cjk, shared-mime-info, desktop-file-utils, hicolor-icon-theme"

# Minimum glibc = the newest GLIBC_x.y symbol version any bundled binary uses
# (the bundle's Python comes from the build machine).
GLIBC_MIN="$(find "$BUNDLE" -type f \( -name '*.so*' -o -name nnstudio \) -exec objdump -T {} + 2>/dev/null \
             | grep -o 'GLIBC_[0-9][0-9.]*' | sed 's/GLIBC_//' | sort -uV | tail -1 || true)"
DEPENDS="libc6 (>= ${GLIBC_MIN:-2.28}), $DEPENDS_LIBS"

STAGE="$(mktemp -d "${TMPDIR:-/tmp}/nnstudio-deb.XXXXXX")"
trap 'rm -rf "$STAGE"' EXIT
ROOTFS="$STAGE/$PKG"
mkdir -p "$ROOTFS/DEBIAN" "$ROOTFS/opt" "$ROOTFS/usr/bin" \
         "$ROOTFS/usr/share/applications" "$ROOTFS/usr/share/mime/packages" \
         "$ROOTFS/usr/share/doc/$PKG" "$ROOTFS/usr/share/icons/hicolor/scalable/apps"

cp -a "$BUNDLE" "$ROOTFS/opt/$PKG"
ln -s "/opt/$PKG/nnstudio" "$ROOTFS/usr/bin/nnstudio"
install -m 644 "$ROOT/packaging/linux/nnstudio.desktop" "$ROOTFS/usr/share/applications/nnstudio.desktop"
install -m 644 "$ROOT/packaging/linux/nnstudio-mime.xml" "$ROOTFS/usr/share/mime/packages/nnstudio.xml"
install -m 644 "$ROOT/resources/icons/nnstudio.svg" "$ROOTFS/usr/share/icons/hicolor/scalable/apps/nnstudio.svg"
for png in "$ROOT"/resources/icons/app/nnstudio-*.png; do
    n="$(basename "$png" .png)"; n="${n#nnstudio-}"
    mkdir -p "$ROOTFS/usr/share/icons/hicolor/${n}x${n}/apps"
    install -m 644 "$png" "$ROOTFS/usr/share/icons/hicolor/${n}x${n}/apps/nnstudio.png"
done
cat > "$ROOTFS/usr/share/doc/$PKG/copyright" <<EOF
Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: nnstudio

Files: *
Copyright: nnstudio developers
License: MIT

Files: opt/nnstudio/_internal/*
Comment: Bundled third-party runtime: CPython (PSF-2.0), Qt 6 and PySide6
 (LGPL-3.0), pyqtgraph (MIT), numpy (BSD-3-Clause) with OpenBLAS (BSD-3-Clause).
EOF

INSTALLED_KB="$(du -sk --exclude=DEBIAN "$ROOTFS" | cut -f1)"
cat > "$ROOTFS/DEBIAN/control" <<EOF
Package: $PKG
Version: $VERSION
Architecture: $ARCH
Maintainer: nnstudio developers <nnstudio@users.noreply.github.com>
Installed-Size: $INSTALLED_KB
Depends: $DEPENDS
Recommends: $RECOMMENDS
Section: education
Priority: optional
Homepage: https://github.com/nnstudio/nnstudio
Description: studio to build, train and see small neural networks
 nnstudio is a desktop studio where learners drag layers onto a canvas, pick
 activations, losses and initializers, press Train and watch the loss fall
 and the neurons light up. Projects (.nnstudio files) open from the file
 manager. Self-contained: ships its own Python, Qt and numpy in /opt/nnstudio.
EOF

cat > "$ROOTFS/DEBIAN/postinst" <<'EOF'
#!/bin/sh
# Refresh desktop/MIME/icon caches when the tools are installed; never fail.
set -e
if command -v update-mime-database >/dev/null 2>&1; then
    update-mime-database /usr/share/mime >/dev/null 2>&1 || true
fi
if command -v update-desktop-database >/dev/null 2>&1; then
    update-desktop-database -q /usr/share/applications >/dev/null 2>&1 || true
fi
if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -f /usr/share/icons/hicolor/index.theme ]; then
    gtk-update-icon-cache -q -t -f /usr/share/icons/hicolor >/dev/null 2>&1 || true
fi
exit 0
EOF
cp "$ROOTFS/DEBIAN/postinst" "$ROOTFS/DEBIAN/postrm"
sed -i 's/^# Refresh/# (postrm) Refresh/' "$ROOTFS/DEBIAN/postrm"

# Permissions: the staging root must be 755 (mktemp makes it 700, and dpkg-deb
# copies the mode of "." into the package, which would make / unreadable).
chmod 755 "$STAGE" "$ROOTFS"
chmod -R u+rwX,go+rX,go-w "$ROOTFS"
chmod 755 "$ROOTFS/DEBIAN" "$ROOTFS/DEBIAN/postinst" "$ROOTFS/DEBIAN/postrm"
chmod 644 "$ROOTFS/DEBIAN/control"

mkdir -p "$OUT"
DEB="$OUT/${PKG}_${VERSION}_${ARCH}.deb"
rm -f "$DEB"
# zstd level: 19 = smallest (~54 MB, ~110 s on one core); DEB_ZSTD_LEVEL=9 for
# quick local builds (~62 MB, ~10 s). Both are well under the 80 MB budget.
LEVEL="${DEB_ZSTD_LEVEL:-19}"
if ! dpkg-deb --root-owner-group -Zzstd -z"$LEVEL" --build "$ROOTFS" "$DEB" 2>"$STAGE/err"; then
    echo "build_deb: zstd not supported by this dpkg-deb ($(head -1 "$STAGE/err")); using xz" >&2
    dpkg-deb --root-owner-group -Zxz -z9 --build "$ROOTFS" "$DEB"
fi
dpkg-deb --info "$DEB" >/dev/null
echo "build_deb: $DEB ($(du -m "$DEB" | cut -f1) MB, installed ${INSTALLED_KB} KB)"
