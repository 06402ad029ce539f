#!/usr/bin/env bash
# Build the self-contained Linux app folder dist/mgc-desktop/ and its tarball, from the package
# registries alone, then prove it works: the built app's --self-test runs headless, and the
# last line printed is one JSON object {"app_mb", "launch_to_window_s", ...}.
#
# Needs: python3 >= 3.10 with venv (python3-venv on Debian/Ubuntu), network access to PyPI,
# tar, gzip; and resources/models/genre_cnn_lstm.onnx (the shipped model) in the checkout.
# Environment:
#   PYTHON=python3.11          interpreter to build with (default: python3)
#   MGC_BUILD_REUSE_VENV=1     keep build/venv from an earlier run (default: a fresh one)
#   MGC_DESKTOP_RESOURCES_SRC  resources folder to bundle instead of <repo>/resources
#   MGC_BUILD_SKIP_CHECKS=1    build and pack only: no self-test, no launch measurement
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PYTHON="${PYTHON:-python3}"
VENV="$ROOT/build/venv"
DIST="$ROOT/dist"
APP_DIR="$DIST/mgc-desktop"
T0=$(date +%s)

log() { printf '[build_linux %3ds] %s\n' "$(( $(date +%s) - T0 ))" "$*" >&2; }

"$PYTHON" - <<'EOF' || { echo "need Python >= 3.10 (set PYTHON=...)" >&2; exit 2; }
import sys
sys.exit(sys.version_info < (3, 10))
EOF
RESOURCES="${MGC_DESKTOP_RESOURCES_SRC:-$ROOT/resources}"
if [[ ! -f "$RESOURCES/models/genre_cnn_lstm.onnx" ]]; then
    echo "missing $RESOURCES/models/genre_cnn_lstm.onnx: the app cannot ship without its model" >&2
    exit 2
fi

if [[ "${MGC_BUILD_REUSE_VENV:-0}" != 1 || ! -x "$VENV/bin/python" ]]; then
    log "fresh virtual environment in build/venv"
    rm -rf "$VENV"
    "$PYTHON" -m venv "$VENV"
fi
VPY="$VENV/bin/python"
export PIP_DISABLE_PIP_VERSION_CHECK=1
"$VPY" -m pip install --quiet --upgrade pip wheel setuptools

# The runtime dependencies (training and benchmark tools such as librosa, with numba, llvmlite
# and scipy, are extras). The project itself is installed without dependencies, so what lands in
# the bundle is exactly this list.
log "installing the runtime dependencies and PyInstaller from PyPI"
mapfile -t DEPS < <("$VPY" - <<'EOF'
try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import pip._vendor.tomli as tomllib
with open("pyproject.toml", "rb") as f:
    project = tomllib.load(f)["project"]
for dep in project["dependencies"]:
    print(dep)
for dep in project.get("optional-dependencies", {}).get("package", ["pyinstaller>=6.5"]):
    print(dep)
EOF
)
"$VPY" -m pip install --quiet "${DEPS[@]}"
rm -rf "$ROOT/build/lib" "$ROOT"/build/bdist.*  # setuptools' in-tree leftovers go stale
"$VPY" -m pip install --quiet --no-deps --no-build-isolation .
VERSION="$("$VPY" -c 'import mgc_desktop; print(mgc_desktop.__version__)')"

# The window's translations: compiled here (generated, never committed) so that the bundle
# carries them whoever builds it.
if [[ "$RESOURCES" == "$ROOT/resources" ]] && compgen -G "$ROOT/resources/i18n/*.ts" >/dev/null; then
    log "compiling the window's translations (resources/i18n/*.qm)"
    "$VPY" "$ROOT/packaging/i18n.py" compile >/dev/null
fi

log "PyInstaller (mgc-desktop $VERSION)"
BUILD_START=$(date +%s)
rm -rf "$APP_DIR"
"$VPY" -m PyInstaller --noconfirm --log-level WARN \
    --distpath "$DIST" --workpath "$ROOT/build/pyinstaller" "$ROOT/packaging/mgc-desktop.spec"
BUILD_S=$(( $(date +%s) - BUILD_START ))
# Training and benchmark libraries must not ride along (the spec excludes them; a dependency
# that starts importing one would drag it back in).
STRAYS="$(find "$APP_DIR" -maxdepth 2 \( -name librosa -o -name numba -o -name llvmlite \
    -o -name scipy -o -name sklearn -o -name torch -o -name tensorflow \) -print)"
if [[ -n "$STRAYS" ]]; then
    echo "the app bundles training libraries it must not carry:" >&2
    echo "$STRAYS" >&2
    exit 1
fi
# Debug symbols are no part of an installed app: libpython alone carries 17 MB of them, the
# extension modules more. Only shared libraries are stripped (the executable carries
# PyInstaller's archive after its ELF image), and not those in the wheels' *.libs folders:
# auditwheel rewrote them with patchelf, and strip leaves such a file unloadable ("ELF load
# command address/offset not page-aligned").
if command -v strip >/dev/null; then
    log "stripping debug symbols from the shared libraries"
    find "$APP_DIR/_internal" -type f -name '*.so*' -not -path '*.libs/*' \
        -exec strip --strip-unneeded {} +
else
    log "strip (binutils) not found: the app keeps its libraries' debug symbols (~55 MB)"
fi
"$VPY" "$ROOT/packaging/bundle_report.py" "$APP_DIR"
for qm in "$RESOURCES"/i18n/*.qm; do
    if [[ -f "$qm" && ! -f "$APP_DIR/_internal/resources/i18n/$(basename "$qm")" ]]; then
        echo "the app lacks its translation $(basename "$qm")" >&2
        exit 1
    fi
done
cp "$ROOT/packaging/install.sh" "$ROOT/packaging/uninstall.sh" "$APP_DIR/"
chmod +x "$APP_DIR/install.sh" "$APP_DIR/uninstall.sh" "$APP_DIR/mgc-desktop"

TARBALL="$DIST/mgc-desktop-$VERSION-linux-$(uname -m).tar.gz"
log "packing $(basename "$TARBALL")"
tar -C "$DIST" -czf "$TARBALL" mgc-desktop
TAR_MB=$("$VPY" -c "import os,sys; print(round(os.path.getsize(sys.argv[1]) / 1e6, 1))" "$TARBALL")

if [[ "${MGC_BUILD_SKIP_CHECKS:-0}" == 1 ]]; then
    log "checks skipped"
    exit 0
fi

# Headless: no display, Qt offscreen; a clean HOME so that nothing of the builder's leaks in.
CHECK_HOME="$(mktemp -d)"
trap 'rm -rf "$CHECK_HOME"' EXIT
log "self-test of the built app (headless)"
env -u DISPLAY -u WAYLAND_DISPLAY HOME="$CHECK_HOME" QT_QPA_PLATFORM=offscreen \
    "$APP_DIR/mgc-desktop" --self-test

log "measuring size and launch-to-window time"
TOTAL_S=$(( $(date +%s) - T0 ))
env -u DISPLAY -u WAYLAND_DISPLAY HOME="$CHECK_HOME" QT_QPA_PLATFORM=offscreen \
    "$VPY" "$ROOT/packaging/measure_app.py" "$APP_DIR" --runs 3 \
    --extra "{\"tar_mb\": $TAR_MB, \"pyinstaller_s\": $BUILD_S, \"build_s\": $TOTAL_S}"
