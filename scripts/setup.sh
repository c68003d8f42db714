#!/usr/bin/env bash
# Installs what a fresh Debian/Ubuntu machine lacks to build, run and test Wallet Desk:
#   - system packages (apt): WebKitGTK and friends for Tauri, WebKitWebDriver, Xvfb, a session
#     bus, a notification daemon and a keychain (gnome-keyring) for the tests, a CJK font;
#   - the UI's npm packages (npm ci in ui/), when missing or when package-lock.json changed;
#   - cargo tools: tauri-driver (pinned) and cargo-nextest.
# Idempotent: a second run installs nothing and takes about a second. Needs no network host
# besides the package registries (apt, npm, crates.io).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$(pwd)

TAURI_DRIVER_VERSION=2.1.0
APT_PACKAGES=(
  # Tauri 2 on Linux
  libwebkit2gtk-4.1-dev librsvg2-dev libayatana-appindicator3-dev libssl-dev pkg-config
  build-essential file
  # End-to-end tests in the real webview: WebKitWebDriver, a headless display, a session bus,
  # a notification daemon (owns org.freedesktop.Notifications)
  webkit2gtk-driver xvfb dbus-x11 dunst
  # The OS keychain on Linux (Secret Service) for the sign-in tests, and secret-tool to look
  # into it
  gnome-keyring libsecret-tools
  # Chinese text renders as glyphs, not boxes, in the app and its screenshots (1.6 MB)
  fonts-wqy-microhei
)

step() { printf '==> %s\n' "$*"; }
die() { printf 'setup: %s\n' "$*" >&2; exit 1; }

export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

# --- system packages -------------------------------------------------------------------------
missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$pkg")
  fi
done
if ((${#missing[@]})); then
  command -v apt-get >/dev/null || die "apt-get not found; install these by hand: ${missing[*]}"
  SUDO=()
  if [[ $(id -u) -ne 0 ]]; then
    command -v sudo >/dev/null || die "not root and no sudo; as root run: apt-get install ${missing[*]}"
    SUDO=(sudo)
  fi
  step "apt: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  "${SUDO[@]}" apt-get update -qq
  "${SUDO[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
else
  step "apt: all ${#APT_PACKAGES[@]} packages present"
fi

# --- toolchains the project cannot install for you -------------------------------------------
command -v cargo >/dev/null || die "cargo not found: install Rust (rustup) first"
command -v node >/dev/null || die "node not found: install Node.js 20.19 or newer first"
command -v npm >/dev/null || die "npm not found: install Node.js 20.19 or newer first"
node_version=$(node -p 'process.versions.node')
node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=19)?0:1)' \
  || die "Node.js $node_version is too old: the UI needs 20.19 or newer"

# --- UI packages -----------------------------------------------------------------------------
# The stamp remembers which package-lock.json node_modules was installed from.
lock_hash=$(sha256sum ui/package-lock.json | cut -d' ' -f1)
stamp=ui/node_modules/.wallet-desk-lock-sha256
if [[ -d ui/node_modules && -f $stamp && $(cat "$stamp") == "$lock_hash" ]]; then
  step "npm: ui/node_modules matches package-lock.json"
else
  step "npm: npm ci in ui/"
  (cd ui && npm ci --no-audit --no-fund --loglevel=error)
  printf '%s\n' "$lock_hash" >"$stamp"
fi

# --- cargo tools -----------------------------------------------------------------------------
if command -v tauri-driver >/dev/null; then
  step "tauri-driver: present ($(command -v tauri-driver))"
else
  step "cargo: installing tauri-driver $TAURI_DRIVER_VERSION (about 1.5 min)"
  cargo install tauri-driver --locked --version "$TAURI_DRIVER_VERSION" --quiet
fi

if cargo nextest --version >/dev/null 2>&1; then
  step "cargo-nextest: present"
else
  step "cargo: installing cargo-nextest (a few minutes)"
  cargo install cargo-nextest --locked --quiet
fi

step "setup done ($ROOT)"
