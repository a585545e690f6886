#!/usr/bin/env bash
# Run every check: ruff, mypy, the import rules, then the whole pytest suite (the README's test
# command). Arguments go to pytest; `--env-only` only makes (or updates) the test environment.
#
# The tools run from their own environment, .venv-test (the app with its `test` and `heic` extras),
# made by packaging/install.sh with the same choice of Python as the app's; the user's .venv holds
# the app's runtime only. QWENVL_TEST_VENV=DIR puts it elsewhere.
#
# The keyring tests need a real Secret Service: when dbus-run-session and gnome-keyring-daemon
# exist, the suite runs inside a private D-Bus session with a fresh, unlocked keyring, and a
# throwaway HOME so nothing touches the user's real keyring or configuration.
# The tests that need an X server (clipboard between processes, screen capture) run under Xvfb
# when xvfb-run exists. On Debian as root, missing system packages are installed first.
set -euo pipefail
cd "$(dirname "$0")/.."

# fonts-wqy-microhei: the CJK rendering tests need a font with Chinese and Japanese glyphs (the
# app's installer adds it too; the tests skip, saying so, where none is installed).
TEST_PACKAGES=(dbus gnome-keyring xvfb xauth curl desktop-file-utils appstream x11-utils
  fonts-wqy-microhei)
if [[ -z "${QWENVL_NO_APT:-}" && $(id -u) == 0 ]] && command -v apt-get >/dev/null; then
  missing=()
  for pkg in "${TEST_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed" || missing+=("$pkg")
  done
  if ((${#missing[@]})); then
    echo "Installing test packages: ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
fi

venv=${QWENVL_TEST_VENV:-.venv-test}
# Made again when pyproject.toml changed since (new or changed dependencies).
stamp=$venv/.qwenvl-test-env
if [[ ! -x $venv/bin/python || ! $stamp -nt pyproject.toml ]]; then
  QWENVL_VENV=$venv QWENVL_EXTRAS=test,heic QWENVL_NO_DESKTOP_INTEGRATION=1 bash packaging/install.sh
  touch "$stamp"
fi
if [[ ${1:-} == --env-only ]]; then
  echo "The test environment: $venv (e.g. $venv/bin/python bench/bench_startup.py)"
  exit 0
fi

"$venv/bin/ruff" check qwenvl_desktop tests bench
"$venv/bin/mypy"
"$venv/bin/lint-imports"  # the layer rules in pyproject.toml ([tool.importlinter])

session_home=$(mktemp -d)
runtime_dir=$(mktemp -d)
chmod 700 "$runtime_dir"
trap 'rm -rf "$session_home" "$runtime_dir"' EXIT

pytest_cmd=("$venv/bin/python" -m pytest "$@")
if command -v xvfb-run >/dev/null; then
  pytest_cmd=(xvfb-run -a -s "-screen 0 1600x1000x24" "${pytest_cmd[@]}")
fi
export QWENVL_REPO="$PWD"
if command -v dbus-run-session >/dev/null && command -v gnome-keyring-daemon >/dev/null; then
  HOME="$session_home" XDG_RUNTIME_DIR="$runtime_dir" dbus-run-session -- sh -c \
    'echo -n test | gnome-keyring-daemon --unlock --components=secrets >/dev/null; exec "$@"' \
    sh "${pytest_cmd[@]}"
else
  echo "note: no dbus-run-session/gnome-keyring: the real Secret Service tests will be skipped"
  "${pytest_cmd[@]}"
fi
