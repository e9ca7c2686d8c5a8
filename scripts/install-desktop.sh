#!/usr/bin/env bash
# Add Backprop Studio to the desktop's application menu, for this user only.
#
#   bash scripts/install-desktop.sh              # install the menu entry and the icon
#   bash scripts/install-desktop.sh --uninstall  # remove them again
#
# The entry starts the installed `backprop-studio` command when there is one on PATH
# (pip install . / pipx install .), else this checkout's scripts/run.sh.
# Files go to ${XDG_DATA_HOME:-~/.local/share}/applications and .../icons/hicolor.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DATA="${XDG_DATA_HOME:-$HOME/.local/share}"
ENTRY="$DATA/applications/backprop-studio.desktop"
ICON="$DATA/icons/hicolor/scalable/apps/backprop-studio.svg"

refresh_caches() {
    # Optional helpers: menus pick the entry up without them, only later.
    if command -v update-desktop-database >/dev/null; then
        update-desktop-database -q "$DATA/applications" 2>/dev/null || true
    fi
    if command -v gtk-update-icon-cache >/dev/null; then
        gtk-update-icon-cache -q -t "$DATA/icons/hicolor" 2>/dev/null || true
    fi
}

if [[ ${1:-} == --uninstall ]]; then
    rm -f "$ENTRY" "$ICON"
    refresh_caches
    echo "removed $ENTRY and $ICON"
    exit 0
elif [[ $# -gt 0 ]]; then
    echo "error: unknown option $1 (use --uninstall or nothing)" >&2
    exit 2
fi

if command -v backprop-studio >/dev/null; then
    command="$(command -v backprop-studio)"
else
    command="$ROOT/scripts/run.sh"
fi
# The desktop entry spec quotes an Exec argument in double quotes; these four characters would
# need escaping inside them, and no sensible install path holds them.
if [[ $command == *[\"\`\$\\]* ]]; then
    echo "error: cannot write a menu entry for a path containing \" \` \$ or \\: $command" >&2
    exit 2
fi

escaped="$(printf '%s' "$command" | sed 's/[&|]/\\&/g')"  # literal in sed's replacement

mkdir -p "$(dirname "$ENTRY")" "$(dirname "$ICON")"
cp "$ROOT/assets/icon.svg" "$ICON"
sed -e "s|^Exec=.*|Exec=\"$escaped\"|" -e "s|^TryExec=.*|TryExec=$escaped|" \
    "$ROOT/assets/backprop-studio.desktop" >"$ENTRY.tmp"
mv "$ENTRY.tmp" "$ENTRY"
refresh_caches
echo "installed $ENTRY (runs $command) and $ICON"
