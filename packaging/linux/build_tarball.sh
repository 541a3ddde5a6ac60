#!/usr/bin/env bash
# Pack the PyInstaller bundle for Linux: dist/cm-desktop-<version>-linux-<arch>.tar.xz
#
#   packaging/linux/build_tarball.sh [build/dist/cm-desktop]
#
# OUT_DIR (default dist) is where the archive goes; the packaging test measures it in a temporary folder.
# The archive holds one folder, cm-desktop-<version>-linux-<arch>/, with the app (./cm-desktop and
# _internal/), a menu entry (cm-desktop.desktop), its icon (cm-desktop.png) and install-menu-entry.sh,
# which puts that entry into the person's own menu: a .desktop file needs an absolute path, which only
# exists once the person has chosen where to extract the folder.
set -euo pipefail

cd "$(dirname "$0")/../.."
BUNDLE=${1:-build/dist/cm-desktop}
ICON=build/icons/app.png

die() { echo "build_tarball.sh: $*" >&2; exit 1; }

[ -x "$BUNDLE/cm-desktop" ] || die "no app at '$BUNDLE': build it first with PyInstaller (see packaging/README.md)"
[ -f "$ICON" ] || die "no $ICON: the PyInstaller spec renders it (packaging/make_icons.py)"

VERSION=${VERSION:-$(sed -n 's/^__version__ = "\(.*\)"$/\1/p' cm_desktop/__init__.py)}
[ -n "$VERSION" ] || die "could not read __version__ from cm_desktop/__init__.py"
ARCH=${ARCH:-$(uname -m)}
NAME="cm-desktop-$VERSION-linux-$ARCH"
OUT_DIR=${OUT_DIR:-dist}
OUT="$OUT_DIR/$NAME.tar.xz"

staging=$(mktemp -d)
trap 'rm -rf "$staging"' EXIT
cp -a "$BUNDLE" "$staging/$NAME"
install -m 644 packaging/linux/cm-desktop.desktop "$staging/$NAME/cm-desktop.desktop"
install -m 644 "$ICON" "$staging/$NAME/cm-desktop.png"
install -m 755 packaging/linux/install-menu-entry.sh "$staging/$NAME/install-menu-entry.sh"

# Same inputs, same archive: fixed owner, order and dates (the last commit's, when there is one).
mtime=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || date +%s)}
mkdir -p "$OUT_DIR"
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$mtime" -C "$staging" -cf - "$NAME" \
  | xz -9 --threads=0 --memlimit-compress=50% >"$OUT.tmp"
mv "$OUT.tmp" "$OUT"
echo "$OUT"
