#!/usr/bin/env bash
# AppImage recipe: lay out build/AppDir from the PyInstaller bundle, then run
# appimagetool on it when it is available (see packaging/linux/AppImage.md).
#
#   packaging/linux/build_appdir.sh [BUNDLE_DIR]
#
# AppDir layout (AppImage spec type 2):
#   AppDir/AppRun                       launcher: exec usr/lib/nnstudio/nnstudio "$@"
#   AppDir/nnstudio.desktop             the desktop entry (Exec=nnstudio %f)
#   AppDir/nnstudio.png, .DirIcon       256px icon
#   AppDir/usr/lib/nnstudio/            the PyInstaller one-folder bundle
#   AppDir/usr/lib/nnstudio-extra/      xcb helper libs that many desktops lack
#   AppDir/usr/share/icons/hicolor/...  all icon sizes, scalable SVG
#   AppDir/usr/share/mime/packages/nnstudio.xml
#   AppDir/usr/share/metainfo/io.github.nnstudio.nnstudio.appdata.xml
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
BUNDLE="${1:-$ROOT/dist/nnstudio}"
APPDIR="$ROOT/build/AppDir"
VERSION="$(sed -n 's/^__version__ *= *["'\'']\([^"'\'']*\)["'\''].*/\1/p' "$ROOT/nnstudio/__init__.py")"
[ -x "$BUNDLE/nnstudio" ] || { echo "build_appdir: $BUNDLE/nnstudio not found; run PyInstaller first" >&2; exit 1; }

rm -rf "$APPDIR"
mkdir -p "$APPDIR/usr/lib" "$APPDIR/usr/lib/nnstudio-extra" "$APPDIR/usr/share/mime/packages" \
         "$APPDIR/usr/share/metainfo" "$APPDIR/usr/share/icons/hicolor/scalable/apps"
cp -a "$BUNDLE" "$APPDIR/usr/lib/nnstudio"

# The .deb gets these from Depends; an AppImage must carry the ones that are not
# on AppImage's excludelist (i.e. not guaranteed on every desktop).
for lib in libxcb-cursor.so.0 libxcb-icccm.so.4 libxcb-keysyms.so.1 libxcb-image.so.0 \
           libxcb-render-util.so.0 libxcb-util.so.1 libxkbcommon-x11.so.0; do
    p="$(ldconfig -p | awk -v l="$lib" '$1 == l && /x86-64|x86_64/ {print $NF; exit}')"
    if [ -n "$p" ]; then cp -L "$p" "$APPDIR/usr/lib/nnstudio-extra/"; else
        echo "build_appdir: WARNING $lib not installed on the build machine (apt-get install ${lib%%.so*}*)" >&2; fi
done

cat > "$APPDIR/AppRun" <<'RUN'
#!/bin/sh
HERE="$(dirname "$(readlink -f "$0")")"
export LD_LIBRARY_PATH="$HERE/usr/lib/nnstudio-extra${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
exec "$HERE/usr/lib/nnstudio/nnstudio" "$@"
RUN
chmod 755 "$APPDIR/AppRun"

# no TryExec: inside an AppImage there is no nnstudio on PATH
sed "/^TryExec=/d" "$HERE/nnstudio.desktop" > "$APPDIR/nnstudio.desktop"; chmod 644 "$APPDIR/nnstudio.desktop"
install -m 644 "$ROOT/resources/icons/app/nnstudio-256.png" "$APPDIR/nnstudio.png"
ln -sf nnstudio.png "$APPDIR/.DirIcon"
install -m 644 "$HERE/nnstudio-mime.xml" "$APPDIR/usr/share/mime/packages/nnstudio.xml"
install -m 644 "$ROOT/resources/icons/nnstudio.svg" "$APPDIR/usr/share/icons/hicolor/scalable/apps/nnstudio.svg"
for png in "$ROOT"/resources/icons/app/nnstudio-*.png; do
    n="$(basename "$png" .png)"; n="${n#nnstudio-}"
    mkdir -p "$APPDIR/usr/share/icons/hicolor/${n}x${n}/apps"
    install -m 644 "$png" "$APPDIR/usr/share/icons/hicolor/${n}x${n}/apps/nnstudio.png"
done
cat > "$APPDIR/usr/share/metainfo/io.github.nnstudio.nnstudio.appdata.xml" <<XML
<?xml version="1.0" encoding="UTF-8"?>
<component type="desktop-application">
  <id>io.github.nnstudio.nnstudio</id>
  <metadata_license>CC0-1.0</metadata_license>
  <project_license>MIT</project_license>
  <name>nnstudio</name>
  <summary>Build, train and see small neural networks</summary>
  <description><p>A desktop studio where learners drag layers onto a canvas, press Train and watch the loss fall and the neurons light up.</p></description>
  <launchable type="desktop-id">nnstudio.desktop</launchable>
  <provides><mediatype>application/x-nnstudio</mediatype></provides>
  <releases><release version="$VERSION"/></releases>
</component>
XML
chmod -R u+rwX,go+rX,go-w "$APPDIR"

# smoke test of the AppDir exactly as the AppImage runtime would start it
QT_QPA_PLATFORM=offscreen "$APPDIR/AppRun" --version

OUT="$ROOT/dist/nnstudio-${VERSION}-x86_64.AppImage"
if command -v appimagetool >/dev/null 2>&1; then
    ARCH=x86_64 appimagetool --comp zstd "$APPDIR" "$OUT"
    echo "build_appdir: $OUT"
else
    echo "build_appdir: AppDir ready at $APPDIR"
    echo "build_appdir: appimagetool not found; finish with (see packaging/linux/AppImage.md):"
    echo "    ARCH=x86_64 appimagetool --comp zstd $APPDIR $OUT"
fi
