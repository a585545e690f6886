#!/usr/bin/env bash
# Install Qwen-VL Desktop from this checkout into ./.venv (the README's first command).
#
# - On Debian/Ubuntu as root, installs the system libraries Qt needs (skipped when present).
# - Picks a Python >= 3.12: PySide6 6.12 crashes on 3.11 (none_dealloc), see pyproject.toml.
# - Installs the project editable with its test tools, so `bash tests/run.sh` works right after.
#
# Environment: PYTHON=/path/to/python3.12 to choose the interpreter; QWENVL_NO_APT=1 to skip apt.
set -euo pipefail
cd "$(dirname "$0")/.."

QT_RUNTIME_PACKAGES=(libglib2.0-0 libegl1 libgl1 libx11-6 libxkbcommon0 libfontconfig1
  libfreetype6 libdbus-1-3 libbrotli1 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4
  libxcb-image0 libxcb-keysyms1 libxcb-render-util0 libxcb-render0 libxcb-shape0 libxcb-util1
  libxcb-xkb1)

if [[ -z "${QWENVL_NO_APT:-}" && $(id -u) == 0 ]] && command -v apt-get >/dev/null; then
  missing=()
  for pkg in "${QT_RUNTIME_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed" || missing+=("$pkg")
  done
  if ((${#missing[@]})); then
    echo "Installing Qt runtime libraries: ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
fi

find_python() {
  if [[ -n "${PYTHON:-}" ]]; then echo "$PYTHON"; return; fi
  local candidate
  for candidate in python3.13 python3.12 python3; do
    if command -v "$candidate" >/dev/null &&
       "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then
      command -v "$candidate"; return
    fi
  done
  # pyenv keeps other versions out of PATH unless selected.
  for candidate in "$HOME"/.pyenv/versions/3.1[23]*/bin/python3; do
    [[ -x "$candidate" ]] && { echo "$candidate"; return; }
  done
  echo "Python 3.12 or newer is needed (PySide6 6.12 crashes on 3.11)." >&2
  exit 1
}

PY=$(find_python)
echo "Using $("$PY" --version) at $PY"
[[ -x .venv/bin/python ]] || "$PY" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e ".[test,heic]"
echo "Installed. Start the window with: .venv/bin/qwenvl-desktop"
