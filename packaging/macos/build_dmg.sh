#!/usr/bin/env bash
# macOS: build dist/nnstudio.app with the shared spec, check it, sign it (only
# when an identity is configured), pack it into a .dmg with hdiutil, and
# notarize + staple (only when Apple credentials are configured).
#
#   packaging/macos/build_dmg.sh            # on macOS, in the build venv
#
# Environment (all optional; without them the app is ad-hoc signed by PyInstaller
# and the DMG is unsigned — fine for testing, Gatekeeper will warn users):
#   MACOS_CODESIGN_IDENTITY   "Developer ID Application: NAME (TEAMID)" in the keychain
#   APPLE_ID, APPLE_TEAM_ID, APPLE_APP_PASSWORD   notarytool credentials
#   SKIP_PYINSTALLER=1        reuse an existing dist/nnstudio.app
set -euo pipefail
[ "$(uname -s)" = Darwin ] || { echo "build_dmg: run this on macOS" >&2; exit 1; }

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
cd "$ROOT"
PYTHON="${PYTHON:-python3}"
VERSION="$(sed -n 's/^__version__ *= *["'\'']\([^"'\'']*\)["'\''].*/\1/p' nnstudio/__init__.py)"
ARCH="$(uname -m)"   # arm64 on macos-latest, x86_64 on Intel runners
APP="dist/nnstudio.app"
DMG="dist/nnstudio-${VERSION}-macos-${ARCH}.dmg"
ENTITLEMENTS="$HERE/entitlements.plist"
IDENTITY="${MACOS_CODESIGN_IDENTITY:-}"

if [ "${SKIP_PYINSTALLER:-0}" != 1 ]; then
    # the spec signs every collected binary with this identity when it is set
    NNSTUDIO_CODESIGN_IDENTITY="$IDENTITY" \
        "$PYTHON" -m PyInstaller --noconfirm --clean --distpath dist --workpath build packaging/nnstudio.spec
fi
[ -d "$APP" ] || { echo "build_dmg: $APP was not built" >&2; exit 1; }

# Info.plist must declare the .nnstudio document type
/usr/libexec/PlistBuddy -c "Print :CFBundleDocumentTypes:0:CFBundleTypeExtensions:0" "$APP/Contents/Info.plist" | grep -qx nnstudio \
    || { echo "build_dmg: CFBundleDocumentTypes for .nnstudio missing from Info.plist" >&2; exit 1; }

# smoke test of the frozen app, headless
QT_QPA_PLATFORM=offscreen "$APP/Contents/MacOS/nnstudio" --version
if [ -f nnstudio/ui/app.py ]; then
    rm -f build/selftest-macos.png
    QT_QPA_PLATFORM=offscreen "$APP/Contents/MacOS/nnstudio" --self-test build/selftest-macos.png
    [ -s build/selftest-macos.png ] || { echo "build_dmg: self-test wrote no screenshot" >&2; exit 1; }
fi

if [ -n "$IDENTITY" ]; then
    echo "build_dmg: signing $APP with '$IDENTITY' (hardened runtime)"
    codesign --force --deep --options runtime --timestamp \
        --entitlements "$ENTITLEMENTS" --sign "$IDENTITY" "$APP"
    codesign --verify --deep --strict --verbose=2 "$APP"
else
    echo "build_dmg: MACOS_CODESIGN_IDENTITY not set: app stays ad-hoc signed, DMG unsigned"
fi

STAGE="$(mktemp -d)"
trap 'rm -rf "$STAGE"' EXIT
ditto "$APP" "$STAGE/nnstudio.app"
ln -s /Applications "$STAGE/Applications"
rm -f "$DMG"
hdiutil create -volname "nnstudio $VERSION" -srcfolder "$STAGE" -fs HFS+ \
    -format UDZO -imagekey zlib-level=9 -ov "$DMG"
hdiutil verify "$DMG"

if [ -n "$IDENTITY" ]; then
    codesign --force --timestamp --sign "$IDENTITY" "$DMG"
    if [ -n "${APPLE_ID:-}" ] && [ -n "${APPLE_TEAM_ID:-}" ] && [ -n "${APPLE_APP_PASSWORD:-}" ]; then
        echo "build_dmg: notarizing $DMG"
        xcrun notarytool submit "$DMG" --apple-id "$APPLE_ID" --team-id "$APPLE_TEAM_ID" \
            --password "$APPLE_APP_PASSWORD" --wait
        xcrun stapler staple "$DMG"
        xcrun stapler validate "$DMG"
        spctl --assess --type open --context context:primary-signature --verbose=2 "$DMG" || true
    else
        echo "build_dmg: APPLE_ID/APPLE_TEAM_ID/APPLE_APP_PASSWORD not set: not notarized"
    fi
fi
echo "build_dmg: $DMG ($(du -m "$DMG" | cut -f1) MB; app $(du -sm "$APP" | cut -f1) MB)"
