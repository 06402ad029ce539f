#!/usr/bin/env bash
# Remove what install.sh put in place, exactly that: the app folder, the ~/.local/bin symlink
# (only if it points into the app folder), the menu entry, the icons and the metainfo.
# The user's library index and tag journal in $XDG_DATA_HOME/mgc-desktop stay; pass --purge to
# remove them too (and the cache in $XDG_CACHE_HOME/mgc-desktop).
set -euo pipefail

APP_ID="io.github.mgc_desktop.MgcDesktop"
DATA="${XDG_DATA_HOME:-$HOME/.local/share}"
CACHE="${XDG_CACHE_HOME:-$HOME/.cache}"
BIN="$HOME/.local/bin"
DEST="$DATA/mgc-desktop/app"
PURGE=0
[[ "${1:-}" == "--purge" ]] && PURGE=1

if [[ -L "$BIN/mgc-desktop" && "$(readlink "$BIN/mgc-desktop")" == "$DEST/"* ]]; then
    rm -f "$BIN/mgc-desktop"
fi
rm -f "$DATA/applications/$APP_ID.desktop" "$DATA/metainfo/$APP_ID.metainfo.xml"
rm -f "$DATA"/icons/hicolor/*/apps/"$APP_ID.png" "$DATA/icons/hicolor/scalable/apps/$APP_ID.svg"
rm -rf "$DEST" "$DEST.new"
if [[ $PURGE == 1 ]]; then
    rm -rf "$DATA/mgc-desktop" "$CACHE/mgc-desktop"
else
    rmdir "$DATA/mgc-desktop" 2>/dev/null || true  # only if no user data is left in it
fi

touch "$DATA/icons/hicolor" 2>/dev/null || true

echo "uninstalled mgc-desktop"
[[ $PURGE == 1 || ! -d "$DATA/mgc-desktop" ]] || echo "kept your library data in $DATA/mgc-desktop (--purge removes it)"
