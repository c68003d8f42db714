#!/usr/bin/env bash
# Opens Wallet Desk on a demo workspace: installs what is missing, builds the UI, then builds
# and starts the app.
#
#   bash scripts/run-demo.sh                   workspace in the OS's app-data directory
#   bash scripts/run-demo.sh --data-dir DIR    workspace in DIR
#   WALLET_DESK_DEMO_TICKETS=N bash scripts/run-demo.sh   N demo tickets in a new workspace
#
# An empty workspace is filled with demo tickets at first start (5,000 by default).
# The app is a debug build with optimised dependencies (see Cargo.toml's profile.dev): it is
# quicker to a first window from cold than a release build, and it shares its build with
# `bash scripts/test.sh`.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

# A desktop app needs a display. Say so before minutes of building, not after.
if [[ $(uname -s) == Linux && -z ${DISPLAY:-} && -z ${WAYLAND_DISPLAY:-} ]]; then
  cat >&2 <<'EOF'
run-demo: no display ($DISPLAY and $WAYLAND_DISPLAY are unset), so the app window cannot open.
  - On a desktop, run this from a terminal inside your graphical session.
  - Over SSH, use `ssh -X` (or -Y) so $DISPLAY is forwarded.
  - On a headless machine, give it a virtual display:
        xvfb-run -a bash scripts/run-demo.sh
    (xvfb-run comes with the xvfb package; `bash scripts/setup.sh` installs it.)
EOF
  exit 2
fi

bash scripts/setup.sh

echo "==> building the UI (ui/dist)"
(cd ui && npm run build --silent)

echo "==> building and starting Wallet Desk (the first build takes a few minutes)"
exec cargo run --bin wallet-desk -- "$@"
