#!/usr/bin/env bash
# Add CM Desktop to this person's application menu (no administrator rights needed).
# Shipped inside the Linux tarball, next to cm-desktop; run it from the extracted folder:
#   ./install-menu-entry.sh            add or refresh the menu entry (run again after moving the folder)
#   ./install-menu-entry.sh --remove   take it out of the menu (the app folder and your data stay)
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
data_home=${XDG_DATA_HOME:-$HOME/.local/share}
entry="$data_home/applications/cm-desktop.desktop"
icon="$data_home/icons/hicolor/256x256/apps/cm-desktop.png"

refresh_menus() {
  # Menus notice new entries by themselves on most desktops; these only speed it up when present.
  if command -v update-desktop-database >/dev/null 2>&1; then
    update-desktop-database "$data_home/applications" >/dev/null 2>&1 || true
  fi
  if command -v gtk-update-icon-cache >/dev/null 2>&1; then
    gtk-update-icon-cache -q -t "$data_home/icons/hicolor" >/dev/null 2>&1 || true
  fi
}

if [ "${1:-}" = "--remove" ]; then
  rm -f "$entry" "$icon"
  refresh_menus
  echo "CM Desktop is no longer in the application menu."
  exit 0
fi

[ -x "$here/cm-desktop" ] || { echo "cm-desktop not found next to this script" >&2; exit 1; }

# A .desktop file needs an absolute Exec path. Inside its double quotes the spec wants " ` and $ escaped with
# a backslash, a backslash written as four of them and % doubled, so any folder name works.
exec_path="$here/cm-desktop"
exec_path=${exec_path//\\/\\\\\\\\}
exec_path=${exec_path//\"/\\\"}
exec_path=${exec_path//\`/\\\`}
exec_path=${exec_path//\$/\\\$}
exec_path=${exec_path//%/%%}
mkdir -p "$(dirname "$entry")" "$(dirname "$icon")"
cp "$here/cm-desktop.png" "$icon"
while IFS= read -r line || [ -n "$line" ]; do
  case $line in
    Exec=*) printf 'Exec="%s"\n' "$exec_path" ;;
    *) printf '%s\n' "$line" ;;
  esac
done <"$here/cm-desktop.desktop" >"$entry.tmp"
chmod 644 "$entry.tmp"
mv "$entry.tmp" "$entry"
refresh_menus
echo "CM Desktop is now in the application menu."
