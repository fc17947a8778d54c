#!/usr/bin/env bash
# Install what Service Dojo needs on Debian/Ubuntu: the Rust toolchain check, and the
# runtime libraries eframe opens a window with (already present on any Linux desktop).
# Usage: scripts/deps.sh [app|test]
set -euo pipefail
want=${1:-app}

if ! command -v cargo >/dev/null 2>&1; then
  echo "error: cargo (Rust 1.95 or newer) is needed: install it with rustup (https://rustup.rs)" >&2
  exit 1
fi

pkgs=()
if [ "$want" = app ]; then
  # X11/Wayland and OpenGL (glow) runtime libraries.
  pkgs=(libx11-6 libx11-xcb1 libxcursor1 libxi6 libxrandr2 libxkbcommon0 libxkbcommon-x11-0 libwayland-client0 libwayland-egl1 libgl1 libegl1 libgl1-mesa-dri)
fi

missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  if command -v apt-get >/dev/null 2>&1; then
    sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    echo "installing: ${missing[*]}"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "warning: could not install ${missing[*]} (no apt-get); install them with your package manager" >&2
  fi
fi

if [ "$want" = test ]; then
  rustup component list --installed 2>/dev/null | grep -q rustfmt || rustup component add rustfmt clippy >/dev/null 2>&1 || true
fi
