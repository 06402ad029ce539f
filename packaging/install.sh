#!/usr/bin/env bash
# Install the mgc-desktop app folder for the current user, no root needed:
#   $XDG_DATA_HOME/mgc-desktop/app/         the app folder (XDG_DATA_HOME: ~/.local/share)
#   ~/.local/bin/mgc-desktop                a symlink to its executable (skipped if taken)
#   $XDG_DATA_HOME/applications/<id>.desktop   the menu entry (Exec= the absolute path)
#   $XDG_DATA_HOME/icons/hicolor/<n>x<n>/apps/<id>.png and scalable/apps/<id>.svg
#   $XDG_DATA_HOME/metainfo/<id>.metainfo.xml
# The app goes into a subfolder `app/` because $XDG_DATA_HOME/mgc-desktop itself holds the
# user's library index and tag journal, which uninstall.sh must leave alone.
#
# Usage: install.sh [APP_DIR]   (default: the folder this script is in, as shipped in the
#                                tarball, or dist/mgc-desktop of a checkout)
set -euo pipefail

APP_ID="io.github.mgc_desktop.MgcDesktop"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
if [[ $# -ge 1 ]]; then
    SRC="$(cd "$1" && pwd)"
elif [[ -x "$HERE/mgc-desktop" && ! -d "$HERE/mgc-desktop" ]]; then
    SRC="$HERE"
else
    SRC="$(cd "$HERE/.." && pwd)/dist/mgc-desktop"
fi
[[ -x "$SRC/mgc-desktop" && -f "$SRC/mgc-desktop" ]] || {
    echo "no app folder with an executable mgc-desktop at $SRC (build it: packaging/build_linux.sh)" >&2
    exit 2
}
RES=""
for candidate in "$SRC/_internal/resources" "$SRC/resources"; do
    [[ -d "$candidate/linux" ]] && { RES="$candidate"; break; }
done
[[ -n "$RES" ]] || { echo "no resources/linux inside $SRC" >&2; exit 2; }

DATA="${XDG_DATA_HOME:-$HOME/.local/share}"
BIN="$HOME/.local/bin"
DEST="$DATA/mgc-desktop/app"
EXE="$DEST/mgc-desktop"

# The app folder: copied aside, then swapped in, so that a failed copy leaves the old install.
mkdir -p "$DATA/mgc-desktop"
if [[ "$SRC" != "$DEST" ]]; then
    rm -rf "$DEST.new"
    cp -a "$SRC" "$DEST.new"
    rm -rf "$DEST"
    mv "$DEST.new" "$DEST"
fi

# The command: a symlink (the frozen app finds its files through /proc/self/exe). Never
# overwrite something else of that name, e.g. a `pip install --user` console script.
mkdir -p "$BIN"
if [[ -L "$BIN/mgc-desktop" || ! -e "$BIN/mgc-desktop" ]]; then
    ln -sfn "$EXE" "$BIN/mgc-desktop"
else
    echo "note: $BIN/mgc-desktop exists and is not ours; left as it is" >&2
fi

# The menu entry, launching the installed executable by its absolute path: ~/.local/bin is not
# on every desktop session's PATH.
# Quoting per the Desktop Entry spec: inside "..." the characters " ` $ \ take a backslash, and
# the string-level escaping doubles every backslash again; % becomes %%.
quoted="$EXE"
quoted="${quoted//\\/\\\\\\\\}"
for ch in '"' '`' '$'; do quoted="${quoted//"$ch"/\\\\$ch}"; done
quoted="${quoted//%/%%}"
mkdir -p "$DATA/applications"
while IFS= read -r line || [[ -n "$line" ]]; do
    case "$line" in
        Exec=*) printf 'Exec="%s" %%F\n' "$quoted" ;;  # %F: "Open with" passes the files
        TryExec=*) printf 'TryExec=%s\n' "${EXE//\\/\\\\}" ;;
        *) printf '%s\n' "$line" ;;
    esac
done < "$RES/linux/$APP_ID.desktop" > "$DATA/applications/$APP_ID.desktop"
chmod 644 "$DATA/applications/$APP_ID.desktop"

for png in "$RES"/icons/hicolor/*/apps/"$APP_ID.png"; do
    size="$(basename "$(dirname "$(dirname "$png")")")"
    install -Dm644 "$png" "$DATA/icons/hicolor/$size/apps/$APP_ID.png"
done
install -Dm644 "$RES/icons/$APP_ID.svg" "$DATA/icons/hicolor/scalable/apps/$APP_ID.svg"
install -Dm644 "$RES/linux/$APP_ID.metainfo.xml" "$DATA/metainfo/$APP_ID.metainfo.xml"

# A new mtime on the icon theme folder makes desktops rescan it. No update-desktop-database
# (GLib and KDE read the entry's MimeType themselves) and no icon cache in the user's folder: a
# cache file there would go stale the moment anything else installs without refreshing it.
touch "$DATA/icons/hicolor" 2>/dev/null || true

echo "installed mgc-desktop into $DEST"
case ":$PATH:" in
    *":$BIN:"*) ;;
    *) echo "note: $BIN is not on your PATH; the menu entry works regardless" >&2 ;;
esac
