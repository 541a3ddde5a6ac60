#!/usr/bin/env bash
# Turn the PyInstaller bundle into the disk image people download: dist/CM-Desktop-<version>-macos-<arch>.dmg
#
#   packaging/macos/build_dmg.sh ["build/dist/CM Desktop.app"]
#
# Optional environment (each step runs only when its variables are set, so a fork without secrets still
# gets an installable, ad-hoc signed image):
#   MACOS_SIGN_IDENTITY   "Developer ID Application: Name (TEAMID)", already in a keychain: sign app and dmg
#   APPLE_ID, APPLE_TEAM_ID, APPLE_APP_PASSWORD   notarize the dmg with Apple and staple the ticket
#   SKIP_SELF_TEST=1      do not run the signed app's --self-test (only for building on a machine that
#                         cannot run this architecture)
set -euo pipefail

cd "$(dirname "$0")/../.."
HERE=packaging/macos
APP=${1:-build/dist/CM Desktop.app}
EXE="$APP/Contents/MacOS/cm-desktop"

die() { echo "build_dmg.sh: $*" >&2; exit 1; }

[ "$(uname -s)" = Darwin ] || die "runs on macOS only (codesign, hdiutil and notarytool are Apple tools)"
[ -x "$EXE" ] || die "no app at '$APP': build it first with PyInstaller (see packaging/README.md)"

VERSION=${VERSION:-$(plutil -extract CFBundleShortVersionString raw -o - "$APP/Contents/Info.plist")}
# Name the image after the architecture the app was built for, not the machine building it.
ARCH=$(lipo -archs "$EXE" 2>/dev/null || uname -m)
ARCH=${ARCH// /-}
mkdir -p dist
DMG="dist/CM-Desktop-$VERSION-macos-$ARCH.dmg"
IDENTITY=${MACOS_SIGN_IDENTITY:-}

# 1. Localised names: Finder shows the bundle's CFBundleDisplayName in the system language. Copied before
#    signing because any change inside a signed bundle breaks its seal.
for lang in en fr; do
  src="$HERE/$lang.lproj/InfoPlist.strings"
  plutil -lint "$src" >/dev/null
  mkdir -p "$APP/Contents/Resources/$lang.lproj"
  cp "$src" "$APP/Contents/Resources/$lang.lproj/InfoPlist.strings"
done

# 2. Sign. With an identity: hardened runtime and a secure timestamp, both required for notarization.
#    entitlements.plist grants no exception: the app does not JIT (QtQml/QtQuick are excluded from the
#    bundle), makes no ctypes callbacks, and every library is re-signed here with the same Team ID, so
#    library validation passes. The self-test below runs the signed app under the hardened runtime and
#    fails the build if that ever stops being true (then add the one entitlement the crash log names).
#    Without an identity: re-sign ad hoc, because step 1 invalidated PyInstaller's ad-hoc signature and
#    Apple silicon refuses to start code whose signature does not match; a broken seal also makes
#    Gatekeeper call the app "damaged" instead of offering "Open Anyway".
if [ -n "$IDENTITY" ]; then
  echo "Signing with '$IDENTITY' (hardened runtime)"
  codesign --deep --force --options runtime --timestamp \
    --entitlements "$HERE/entitlements.plist" --sign "$IDENTITY" "$APP"
else
  echo "MACOS_SIGN_IDENTITY not set: ad-hoc signature; people will have to allow the app in System Settings"
  codesign --deep --force --sign - "$APP"
fi
codesign --verify --deep --strict --verbose=2 "$APP"

# 3. Prove the signed bundle still starts before shipping it.
if [ "${SKIP_SELF_TEST:-}" != 1 ]; then
  "$EXE" --self-test
fi

# 4. The image: the app next to a link to /Applications, so installing is one drag.
staging=$(mktemp -d)
trap 'rm -rf "$staging"' EXIT
ditto "$APP" "$staging/CM Desktop.app"
ln -s /Applications "$staging/Applications"
rm -f "$DMG"
# hdiutil on CI runners sometimes fails with "Resource busy" while Spotlight or XProtect scans the
# staging folder; a retry after a pause is the known remedy.
for attempt in 1 2 3 4 5; do
  if hdiutil create -volname "CM Desktop" -srcfolder "$staging" -ov -format UDZO "$DMG"; then
    break
  fi
  [ "$attempt" -lt 5 ] || die "hdiutil create failed 5 times"
  echo "hdiutil create failed (attempt $attempt), retrying in $((attempt * 5)) s"
  sleep $((attempt * 5))
done

if [ -n "$IDENTITY" ]; then
  codesign --force --timestamp --sign "$IDENTITY" "$DMG"
fi

# 5. Notarize and staple, so Gatekeeper opens the app without a warning, even offline (the ticket travels
#    inside the dmg). Apple only notarizes Developer ID signed, hardened-runtime code.
if [ -n "${APPLE_ID:-}" ] && [ -n "${APPLE_TEAM_ID:-}" ] && [ -n "${APPLE_APP_PASSWORD:-}" ]; then
  [ -n "$IDENTITY" ] || die "notarization needs MACOS_SIGN_IDENTITY too"
  result="$staging/notary.json"
  # notarytool's exit status alone does not tell "Invalid" apart from other outcomes: read the status.
  xcrun notarytool submit "$DMG" --apple-id "$APPLE_ID" --team-id "$APPLE_TEAM_ID" \
    --password "$APPLE_APP_PASSWORD" --wait --timeout 2h --output-format json >"$result" || true
  status=$(plutil -extract status raw -o - "$result" 2>/dev/null || echo unknown)
  if [ "$status" != Accepted ]; then
    cat "$result" >&2 || true
    submission=$(plutil -extract id raw -o - "$result" 2>/dev/null || true)
    if [ -n "$submission" ]; then
      xcrun notarytool log "$submission" --apple-id "$APPLE_ID" --team-id "$APPLE_TEAM_ID" \
        --password "$APPLE_APP_PASSWORD" >&2 || true
    fi
    die "notarization status: $status"
  fi
  xcrun stapler staple "$DMG"
  xcrun stapler validate "$DMG"
else
  echo "APPLE_ID / APPLE_TEAM_ID / APPLE_APP_PASSWORD not all set: not notarized"
fi

echo "$DMG"
