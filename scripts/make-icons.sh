#!/usr/bin/env bash
# Regenerates every platform icon in icons/ from the one source image, icons/source.svg.
# Uses the Tauri CLI from npm (it ships prebuilt binaries; no other download).
# The desktop app ships for Linux, Windows and macOS only, so the mobile folders the CLI
# also writes (android/, ios/) are removed.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

npx --yes @tauri-apps/cli@2 icon icons/source.svg -o icons 2>&1 \
  | { grep -v -E "^ *(iOS|Android) |npm warn" || true; }
rm -rf icons/android icons/ios
echo "icons regenerated from icons/source.svg:"
ls icons
