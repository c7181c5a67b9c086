#!/usr/bin/env bash
# CI packaging step (called by .ci/run): build the Linux bundle + .deb, install
# it with apt, self-test the installed app offscreen, remove it, print figures.
# Does nothing unless CI=true (it installs system packages and the .deb).
#
#   CI=true .ci/package.sh
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

if [ "${CI:-}" != "true" ]; then
    echo "package.sh: CI is not 'true': skipped (run packaging/build_linux.sh yourself)"
    exit 0
fi

SUDO=""
[ "$(id -u)" = 0 ] || SUDO="sudo -n"

# tool -> Debian package; plus the libraries the frozen Qt needs even offscreen
# (the bundle is self-tested before the .deb, whose Depends would pull them in)
declare -A TOOLS=([dpkg-deb]=dpkg-dev [fakeroot]=fakeroot [zstd]=zstd [objdump]=binutils [ar]=binutils
                  [update-mime-database]=shared-mime-info [update-desktop-database]=desktop-file-utils
                  [desktop-file-validate]=desktop-file-utils)
PKGS=()
for t in "${!TOOLS[@]}"; do command -v "$t" >/dev/null 2>&1 || PKGS+=("${TOOLS[$t]}"); done
for lib in libEGL.so.1:libegl1 libGL.so.1:libgl1 libfontconfig.so.1:libfontconfig1 \
           libxkbcommon.so.0:libxkbcommon0 libdbus-1.so.3:libdbus-1-3; do
    ldconfig -p | grep -q "${lib%%:*}" || PKGS+=("${lib##*:}")
done
if [ "${#PKGS[@]}" -gt 0 ]; then
    mapfile -t PKGS < <(printf '%s\n' "${PKGS[@]}" | sort -u)
    echo "package.sh: apt-get install ${PKGS[*]}"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${PKGS[@]}"
fi

PYTHON="${PYTHON:-python3}"
"$PYTHON" -m PyInstaller --version >/dev/null 2>&1 || "$PYTHON" -m pip install -q -r packaging/requirements-build.txt

# fast file checks first, then the real chain
"$PYTHON" -m pytest -q -p no:cacheprovider tests/packaging
desktop-file-validate packaging/linux/nnstudio.desktop
exec packaging/build_linux.sh
