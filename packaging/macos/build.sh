#!/usr/bin/env bash
# Build "dist/MGC Desktop.app" (PyInstaller BUNDLE from the shared spec) and a .dmg of it, then
# run the bundled executable's self-test. Run on macOS 11+ (Apple silicon builds arm64, Intel
# builds x86_64; no universal2: onnxruntime's wheels are per-architecture).
# Needs: python3 >= 3.10 (python.org or Homebrew), network access to PyPI, Xcode command line
# tools (hdiutil, codesign), resources/models/genre_cnn_lstm.onnx in the checkout.
# Environment: CODESIGN_IDENTITY="Developer ID Application: ..." to sign (see README.md).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
PYTHON="${PYTHON:-python3}"
VENV="$ROOT/build/venv-mac"
[[ -f resources/models/genre_cnn_lstm.onnx ]] || { echo "missing the shipped model" >&2; exit 2; }

rm -rf "$VENV"
"$PYTHON" -m venv "$VENV"
VPY="$VENV/bin/python"
"$VPY" -m pip install --quiet --upgrade pip wheel setuptools
# Runtime dependencies only (not the train extra); Pillow makes the .icns.
mapfile -t DEPS < <("$VPY" - <<'PYEOF'
import tomllib
p = tomllib.load(open("pyproject.toml", "rb"))["project"]
for d in p["dependencies"]:
    print(d)
for d in p.get("optional-dependencies", {}).get("package", ["pyinstaller>=6.5"]):
    print(d)
PYEOF
)
"$VPY" -m pip install --quiet "${DEPS[@]}" pillow
"$VPY" -m pip install --quiet --no-deps --no-build-isolation .
VERSION="$("$VPY" -c 'import mgc_desktop; print(mgc_desktop.__version__)')"

"$VPY" -m PyInstaller --noconfirm --distpath "$ROOT/dist" --workpath "$ROOT/build/pyinstaller-mac" \
    "$ROOT/packaging/mgc-desktop.spec"
APP="$ROOT/dist/MGC Desktop.app"

if [[ -n "${CODESIGN_IDENTITY:-}" ]]; then
    codesign --deep --force --options runtime --timestamp \
        --entitlements "$ROOT/packaging/macos/entitlements.plist" \
        --sign "$CODESIGN_IDENTITY" "$APP"
    codesign --verify --deep --strict "$APP"
fi

QT_QPA_PLATFORM=offscreen "$APP/Contents/MacOS/mgc-desktop" --self-test

DMG="$ROOT/dist/mgc-desktop-$VERSION-macos-$(uname -m).dmg"
rm -f "$DMG"
hdiutil create -volname "MGC Desktop" -srcfolder "$APP" -ov -format UDZO "$DMG"
echo "built $DMG"
