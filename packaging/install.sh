#!/usr/bin/env bash
# Install Qwen-VL Desktop from this checkout for the current user (the README's first command).
#
#   bash packaging/install.sh                      install, or update after a `git pull`
#   bash packaging/install.sh --uninstall          remove what install added: the launcher, the menu
#                                                  entry, the icons and the environment
#   bash packaging/install.sh --uninstall --purge  ... and also the settings, the conversation
#                                                  history and the API keys stored in the keyring
#   bash packaging/install.sh --desktop-only       only the launcher, menu entry and icons, for an
#                                                  environment made another way (QWENVL_VENV=DIR)
#   bash packaging/install.sh --which-python       say which Python an install would use, and why
#
# What an install does:
# - On Debian/Ubuntu as root: the system libraries Qt needs, and python3.X-venv when the chosen
#   Python has no ensurepip (skipped when present; QWENVL_NO_APT=1 never runs apt-get).
# - Takes the newest Python >= 3.11 on PATH or in pyenv (~/.pyenv/versions, used even when not
#   on PATH). On 3.11 the dependency markers in pyproject.toml install PySide6 6.11 (6.12 crashes
#   on 3.11); 3.12+ gets PySide6 6.12.
# - Makes ./.venv with the app and its runtime dependencies only (plus the HEIC decoder, for
#   phone photos). The test tools go into tests/run.sh's own environment, .venv-test.
# - Links `qwenvl-desktop` into ~/.local/bin, and puts the menu entry and icons into
#   ~/.local/share/applications and ~/.local/share/icons (Linux).
#
# Environment:
#   PYTHON=/path/to/python3.x        use this interpreter (3.11 or newer)
#   QWENVL_VENV=DIR                  the environment (default: .venv in this checkout)
#   QWENVL_EXTRAS=heic               the optional extras installed (tests/run.sh: test,heic)
#   QWENVL_NO_APT=1                  never run apt-get
#   QWENVL_NO_DESKTOP_INTEGRATION=1  no launcher, menu entry or icons
#   XDG_BIN_HOME, XDG_DATA_HOME, XDG_CONFIG_HOME   where those go (~/.local/bin, ~/.local/share, ~/.config)
#
# The part that chooses Python uses shell builtins only, so tests can run it on a PATH that holds
# nothing but stand-in interpreters.
set -euo pipefail

CALLER_DIR=$PWD
SCRIPT_DIR=${BASH_SOURCE[0]%/*}
[[ $SCRIPT_DIR == "${BASH_SOURCE[0]}" ]] && SCRIPT_DIR=.
cd "$SCRIPT_DIR/.."
ROOT=$PWD

APP_ID=io.github.qwenvl_desktop.QwenVLDesktop
APP_NAME=qwenvl-desktop
MIN_MINOR=11  # Python 3.11: requires-python in pyproject.toml
REGIONS=(intl us cn hk)
QT_RUNTIME_PACKAGES=(libglib2.0-0 libegl1 libgl1 libx11-6 libxkbcommon0 libfontconfig1
  libfreetype6 libdbus-1-3 libbrotli1 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4
  libxcb-image0 libxcb-keysyms1 libxcb-render-util0 libxcb-render0 libxcb-shape0 libxcb-util1
  libxcb-xkb1)
# A font with Chinese and Japanese glyphs: the window is in 日本語 and 简体中文 and shows CJK
# questions and answers; without one Qt draws empty boxes. WenQuanYi Micro Hei (1.6 MB) covers
# kana and the common ideographs of both; fonts-noto-cjk (56 MB) would be 35 times larger.
FONT_PACKAGES=(fonts-wqy-microhei)

usage() {  # printf, not cat: a builtin (see above)
  printf '%s\n' "\
usage: bash packaging/install.sh [--uninstall [--purge] | --desktop-only | --which-python]

  (no option)     install or update the app for this user
  --uninstall     remove the launcher, menu entry, icons and the environment; settings, history
                  and stored API keys stay
  --purge         with --uninstall: also delete the settings, the history and the stored API keys
  --desktop-only  only the launcher, menu entry and icons, for the environment in QWENVL_VENV
  --which-python  print the interpreter an install would use (the reason goes to stderr)"
}

die() {
  echo "install.sh: $*" >&2
  exit 1
}

absolute() {  # a path given by the caller, relative to where they ran the script
  if [[ $1 == /* ]]; then echo "$1"; else echo "$CALLER_DIR/$1"; fi
}

# -- choosing Python -------------------------------------------------------------------------------

# Prints "major minor micro releaselevel executable"; sys.executable resolves pyenv shims to the
# interpreter itself. -I: no PYTHONPATH or user site can break the probe.
PROBE='import sys; v = sys.version_info; print(v.major, v.minor, v.micro, v.releaselevel, sys.executable)'

# Candidates: python3.N, python3 and python in each PATH folder, then pyenv's versions, which
# are not on PATH unless selected (a pyenv shim outside its version's folder fails: skipped).
python_candidates() {
  local dir name path
  local -a dirs
  IFS=: read -ra dirs <<<"${PATH:-}"
  for dir in "${dirs[@]}"; do
    [[ -n $dir && -d $dir ]] || continue
    for path in "$dir"/python3.* "$dir"/python3 "$dir"/python; do
      name=${path##*/}
      [[ $name =~ ^python(3(\.[0-9]+)?)?$ && -x $path && ! -d $path ]] && echo "$path"
    done
  done
  for path in "${PYENV_ROOT:-$HOME/.pyenv}"/versions/3.*/bin/python3; do
    [[ -x $path ]] && echo "$path"
  done
  return 0
}

# Sets PY, PY_VERSION and PY_REASON (the one line printed to the user), or exits.
choose_python() {
  local candidate major minor micro level exe key best_key=-1 version others=""
  local -a found=()
  PY="" PY_VERSION=""
  if [[ -n ${PYTHON:-} ]]; then
    read -r major minor micro level exe < <("$PYTHON" -I -c "$PROBE" 2>/dev/null) ||
      die "PYTHON=$PYTHON does not run, or is not Python 3."
    ((major == 3 && minor >= MIN_MINOR)) ||
      die "PYTHON=$PYTHON is Python $major.$minor.$micro; 3.$MIN_MINOR or newer is needed."
    PY=$exe PY_VERSION=$major.$minor.$micro
    PY_REASON="set by PYTHON=$PYTHON"
  else
    while read -r candidate; do
      read -r major minor micro level exe < <("$candidate" -I -c "$PROBE" 2>/dev/null) || continue
      # pre-releases (3.14.0rc1, a pyenv 3.15-dev) are never taken unasked
      [[ $major == 3 && $minor =~ ^[0-9]+$ && $micro =~ ^[0-9]+$ && $level == final ]] || continue
      ((minor >= MIN_MINOR)) || continue
      found+=("3.$minor.$micro")
      key=$((minor * 1000 + micro))
      if ((key > best_key)); then
        best_key=$key PY=$exe PY_VERSION=3.$minor.$micro
      fi
    done < <(python_candidates)
    if [[ -z $PY ]]; then
      die "no Python 3.$MIN_MINOR or newer found on PATH or in ${PYENV_ROOT:-~/.pyenv}/versions." \
        "On Debian/Ubuntu: apt install python3 python3-venv; or set PYTHON=/path/to/python3.$MIN_MINOR+."
    fi
    for version in "${found[@]}"; do
      [[ $version != "$PY_VERSION" && ", $others, " != *", $version, "* ]] && others+="${others:+, }$version"
    done
    PY_REASON="the newest found"
    [[ -n $others ]] && PY_REASON+=" (also found: $others)"
  fi
  if [[ $PY_VERSION == 3.11.* ]]; then
    PY_REASON+="; on 3.11 the dependency markers choose PySide6 6.11 (6.12 is for 3.12+)"
  else
    PY_REASON+="; PySide6 6.12"
  fi
}

# -- system packages -------------------------------------------------------------------------------

can_apt() {
  [[ -z ${QWENVL_NO_APT:-} && $EUID == 0 ]] && command -v apt-get >/dev/null
}

apt_install_missing() {  # what: a description; then the packages
  local what=$1 pkg
  shift
  local -a missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed" || missing+=("$pkg")
  done
  ((${#missing[@]})) || return 0
  echo "Installing $what: ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

# Debian and Ubuntu ship venv's ensurepip in python3.X-venv, not with the interpreter.
ensure_venv_support() {
  "$PY" -I -c 'import ensurepip, venv' 2>/dev/null && return 0
  local minor=${PY_VERSION%.*}
  if can_apt && [[ $PY == /usr/bin/* ]]; then
    apt_install_missing "venv support for Python $minor" "python$minor-venv"
    "$PY" -I -c 'import ensurepip, venv' 2>/dev/null && return 0
  fi
  die "Python $PY_VERSION ($PY) cannot make virtual environments (no ensurepip)." \
    "On Debian/Ubuntu: sudo apt install python$minor-venv — or set PYTHON= to another interpreter."
}

# -- the environment -------------------------------------------------------------------------------

venv_works() {
  [[ -x $VENV/bin/python ]] && "$VENV/bin/python" -I -c 'import sys' 2>/dev/null
}

make_environment() {
  local version
  if venv_works; then
    version=$("$VENV/bin/python" -I -c 'import platform; print(platform.python_version())')
    echo "Using Python $version ($VENV/bin/python): the existing environment (delete $VENV to choose again)"
  else
    choose_python
    echo "Using Python $PY_VERSION ($PY): $PY_REASON"
    ensure_venv_support
    # --clear: a folder left by an interpreter that is gone (a removed pyenv version) is rebuilt.
    "$PY" -m venv --clear "$VENV"
  fi
  local spec=$ROOT
  [[ -n $EXTRAS ]] && spec+="[$EXTRAS]"
  "$VENV/bin/python" -m pip install -q --upgrade pip
  "$VENV/bin/python" -m pip install -q -e "$spec"
}

# -- the launcher, the menu entry and the icons (Linux, per user) ----------------------------------

icon_files() {  # paths below resources/icons/hicolor, e.g. 48x48/apps/qwenvl-desktop.png
  local path
  for path in "$ROOT"/resources/icons/hicolor/*/apps/"$APP_NAME".*; do
    [[ -f $path ]] && echo "${path#"$ROOT"/resources/icons/hicolor/}"
  done
  return 0
}

# The Exec value (desktop entry spec: arguments with reserved characters are double-quoted).
exec_value() {
  local path=$1 unusable='["`$\\%]' reserved="[[:space:]'><~|&;*?#()]"
  [[ $path =~ $unusable || $path == *$'\n'* ]] && return 1
  if [[ $path =~ $reserved ]]; then echo "\"$path\""; else echo "$path"; fi
}

# Caches are refreshed only where they already exist: creating one would leave a file behind
# that --uninstall cannot tell from the user's. Without a cache, GTK and the menus read the
# folders themselves.
refresh_caches() {
  if [[ -f $DATA_HOME/applications/mimeinfo.cache ]] && command -v update-desktop-database >/dev/null; then
    update-desktop-database -q "$DATA_HOME/applications" || true
  fi
  if [[ -d $DATA_HOME/icons/hicolor ]]; then
    touch "$DATA_HOME/icons/hicolor"  # the folder's mtime tells GTK its cache is stale
    if [[ -f $DATA_HOME/icons/hicolor/icon-theme.cache ]] && command -v gtk-update-icon-cache >/dev/null; then
      gtk-update-icon-cache -q -t -f "$DATA_HOME/icons/hicolor" || true
    fi
  fi
}

install_desktop_integration() {
  local gui=$VENV/bin/$APP_NAME-gui launcher=$BIN_HOME/$APP_NAME exec line rel
  local desktop=$DATA_HOME/applications/$APP_ID.desktop
  mkdir -p "$BIN_HOME" "$DATA_HOME/applications"
  if [[ -e $launcher && ! -L $launcher ]]; then
    echo "note: $launcher exists and is not a link made by this script; left as it is"
  else
    ln -sfn "$VENV/bin/$APP_NAME" "$launcher"
  fi
  if ! exec=$(exec_value "$gui"); then
    echo "note: no menu entry: the path $gui has characters a desktop entry cannot hold"
    return 0
  fi
  {
    while IFS= read -r line; do
      case $line in
        Exec=*) echo "Exec=$exec" ;;
        TryExec=*) echo "TryExec=$gui" ;;
        *) echo "$line" ;;
      esac
    done <"$ROOT/resources/linux/$APP_ID.desktop"
  } >"$desktop.tmp"
  mv -f "$desktop.tmp" "$desktop"
  while read -r rel; do
    mkdir -p "$DATA_HOME/icons/hicolor/${rel%/*}"
    cp -f "$ROOT/resources/icons/hicolor/$rel" "$DATA_HOME/icons/hicolor/$rel"
  done < <(icon_files)
  refresh_caches
}

remove_desktop_integration() {
  local launcher=$BIN_HOME/$APP_NAME desktop=$DATA_HOME/applications/$APP_ID.desktop rel dir
  if [[ -L $launcher && $(readlink "$launcher") == "$VENV/bin/$APP_NAME" ]]; then
    rm -f "$launcher" && echo "removed $launcher"
  elif [[ -e $launcher || -L $launcher ]]; then
    echo "kept $launcher: it does not point into $VENV"
  fi
  if [[ -f $desktop ]] && grep -qxF "TryExec=$VENV/bin/$APP_NAME-gui" "$desktop"; then
    rm -f "$desktop" && echo "removed $desktop"
  elif [[ -f $desktop ]]; then
    echo "kept $desktop: it starts another installation"
  fi
  local removed=0
  while read -r rel; do
    [[ -f $DATA_HOME/icons/hicolor/$rel ]] || continue
    rm -f "$DATA_HOME/icons/hicolor/$rel" && removed=$((removed + 1))
    # the size folders this script made, when nothing else is in them
    dir=$DATA_HOME/icons/hicolor/${rel%/*}
    rmdir "$dir" 2>/dev/null && rmdir "${dir%/*}" 2>/dev/null || true
  done < <(icon_files)
  ((removed)) && echo "removed $removed icons from $DATA_HOME/icons/hicolor"
  refresh_caches
}

# -- uninstall -------------------------------------------------------------------------------------

purge_user_data() {
  local region out config=$CONFIG_HOME/$APP_NAME data=$DATA_HOME/$APP_NAME
  if [[ -x $VENV/bin/$APP_NAME ]]; then
    for region in "${REGIONS[@]}"; do
      if out=$("$VENV/bin/$APP_NAME" key delete --region "$region" 2>&1); then
        echo "key for region $region: ${out:-deleted}"
      else
        echo "key for region $region: not deleted: $out"
      fi
    done
    echo "note: keys stored for custom endpoints stay in the keyring (service '$APP_NAME')"
  else
    echo "note: $VENV is gone, so the stored API keys stay in the keyring (service '$APP_NAME')"
  fi
  [[ -d $config ]] && rm -rf "$config" && echo "removed the settings $config"
  [[ -d $data ]] && rm -rf "$data" && echo "removed the history $data"
  return 0
}

uninstall() {
  if [[ $OSTYPE == linux* ]]; then
    remove_desktop_integration
  fi
  if ((PURGE)); then
    purge_user_data
  fi
  if [[ -f $VENV/pyvenv.cfg ]]; then
    rm -rf "$VENV" && echo "removed the environment $VENV"
  elif [[ -e $VENV ]]; then
    echo "kept $VENV: it is not a virtual environment"
  fi
  if ((!PURGE)); then
    local kept=""
    [[ -d $CONFIG_HOME/$APP_NAME ]] && kept+="the settings in $CONFIG_HOME/$APP_NAME, "
    [[ -d $DATA_HOME/$APP_NAME ]] && kept+="the history in $DATA_HOME/$APP_NAME, "
    echo "Uninstalled. Kept: ${kept}any API keys in the keyring (--uninstall --purge deletes them)."
  else
    echo "Uninstalled, with the settings, history and stored keys."
  fi
}

# -- main ------------------------------------------------------------------------------------------

final_line() {
  local version
  version=$("$VENV/bin/$APP_NAME" --version)
  if [[ -n ${QWENVL_NO_DESKTOP_INTEGRATION:-} || $OSTYPE != linux* ]]; then
    echo "Installed $version. Start it with: $VENV/bin/$APP_NAME"
  elif [[ ":$PATH:" == *":$BIN_HOME:"* ]]; then
    echo "Installed $version. Start it from the application menu, or with: $APP_NAME"
  else
    echo "Installed $version. Start it from the application menu, or with: $BIN_HOME/$APP_NAME" \
      "($BIN_HOME is not on PATH in this shell; Debian and Ubuntu add it at the next login" \
      "once it exists, elsewhere add it to PATH in ~/.profile)"
  fi
}

main() {
  local action=install
  PURGE=0
  while (($#)); do
    case $1 in
      --uninstall) action=uninstall ;;
      --purge) PURGE=1 ;;
      --desktop-only) action=desktop ;;
      --which-python) action=which ;;
      -h | --help) usage; exit 0 ;;
      *) usage >&2; exit 2 ;;
    esac
    shift
  done
  if ((PURGE)) && [[ $action != uninstall ]]; then
    echo "install.sh: --purge goes with --uninstall" >&2
    exit 2
  fi
  if [[ $action == which ]]; then
    choose_python
    echo "Using Python $PY_VERSION ($PY): $PY_REASON" >&2
    echo "$PY"
    return 0
  fi

  VENV=$(absolute "${QWENVL_VENV:-$ROOT/.venv}")
  VENV=${VENV%/}
  [[ $VENV != "$ROOT" && $VENV != "${HOME%/}" && -n $VENV ]] || die "QWENVL_VENV=$VENV is not a place for an environment."
  EXTRAS=${QWENVL_EXTRAS-heic}
  BIN_HOME=${XDG_BIN_HOME:-$HOME/.local/bin}
  DATA_HOME=${XDG_DATA_HOME:-$HOME/.local/share}
  CONFIG_HOME=${XDG_CONFIG_HOME:-$HOME/.config}

  case $action in
    uninstall) uninstall; return 0 ;;
    desktop)
      [[ -x $VENV/bin/$APP_NAME ]] || die "no $APP_NAME in $VENV (set QWENVL_VENV to the environment)."
      [[ $OSTYPE == linux* ]] || die "--desktop-only is for Linux desktops."
      install_desktop_integration
      echo "Added the launcher $BIN_HOME/$APP_NAME and the menu entry for $VENV."
      return 0
      ;;
  esac

  if can_apt; then
    apt_install_missing "Qt runtime libraries" "${QT_RUNTIME_PACKAGES[@]}" "${FONT_PACKAGES[@]}"
  fi
  make_environment
  if [[ -z ${QWENVL_NO_DESKTOP_INTEGRATION:-} && $OSTYPE == linux* ]]; then
    install_desktop_integration
  fi
  final_line
}

main "$@"
