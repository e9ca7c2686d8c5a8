# shellcheck shell=bash
# Shared setup for scripts/run.sh and scripts/test.sh. Source it from the repository root,
# then call `bootstrap REQUIREMENTS_FILE`. It:
#   - finds python3 (3.10 or newer);
#   - as root, installs the system libraries Qt needs (xcb platform, GL, Xvfb) when any is missing;
#   - creates .venv when it does not exist;
#   - installs REQUIREMENTS_FILE into .venv when it changed since the last install.

VENV_DIR=.venv

# Qt's xcb platform and GL, a font with Chinese glyphs (the zh_CN interface), then what a
# real window needs headless (and the desktop-entry validator), then venv support.
SYSTEM_PACKAGES=(
    libxcb-cursor0 libxkbcommon-x11-0 libxkbcommon0 libxcb-icccm4 libxcb-keysyms1
    libxcb-image0 libxcb-render-util0 libxcb-randr0 libxcb-shape0 libxcb-xkb1 libxcb-xfixes0
    libxcb-sync1 libxcb-shm0 libxcb-glx0 libx11-xcb1 libgl1 libegl1 libglx0 libglvnd0
    libfontconfig1 libfreetype6 libdbus-1-3 libglib2.0-0 fonts-wqy-microhei
    xvfb xauth libgl1-mesa-dri libglx-mesa0 desktop-file-utils
    python3-venv
)

find_python() {
    if ! command -v python3 >/dev/null 2>&1; then
        echo "error: python3 not found; install Python 3.10 or newer" >&2
        exit 1
    fi
    if ! python3 -c 'import sys; sys.exit(sys.version_info < (3, 10))'; then
        echo "error: Python 3.10 or newer is needed; python3 is $(python3 -V 2>&1)" >&2
        exit 1
    fi
    PYTHON=$(command -v python3)
}

is_root() {
    [[ $(id -u) -eq 0 ]]
}

# Ubuntu 24.04 renamed some libraries with a t64 suffix (libglib2.0-0t64).
package_installed() {
    dpkg -s "$1" >/dev/null 2>&1 || dpkg -s "${1}t64" >/dev/null 2>&1
}

apt_install() {
    echo "Installing system packages: $*"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

install_system_packages() {
    command -v dpkg >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1 || return 0
    local missing=() package
    for package in "${SYSTEM_PACKAGES[@]}"; do
        package_installed "$package" || missing+=("$package")
    done
    ((${#missing[@]})) || return 0
    if is_root; then
        apt_install "${missing[@]}"
    else
        echo "note: system packages Qt may need are missing: sudo apt-get install ${missing[*]}" >&2
    fi
}

# Debian and Ubuntu ship venv support (ensurepip) separately: python3-venv and python3.X-venv.
create_venv() {
    [[ -x $VENV_DIR/bin/python ]] && "$VENV_DIR/bin/python" -c '' 2>/dev/null && return 0
    rm -rf "$VENV_DIR"
    echo "Creating $VENV_DIR with $PYTHON ($("$PYTHON" -V 2>&1))"
    "$PYTHON" -m venv "$VENV_DIR" && return 0
    rm -rf "$VENV_DIR"
    local versioned
    versioned=$("$PYTHON" -c 'import sys; print(f"python3.{sys.version_info.minor}-venv")')
    if ! is_root || ! command -v apt-get >/dev/null 2>&1; then
        echo "error: '$PYTHON -m venv' failed; install venv support: sudo apt-get install python3-venv $versioned" >&2
        exit 1
    fi
    apt_install python3-venv "$versioned"
    "$PYTHON" -m venv "$VENV_DIR"
}

# The hash covers every requirements file, so a change to one that is included with -r counts.
requirements_hash() {
    cat "$1" requirements/*.txt | sha256sum | cut -d' ' -f1
}

install_requirements() {
    local requirements=$1
    local stamp
    stamp="$VENV_DIR/.installed-$(basename "$requirements").sha256"
    local wanted
    wanted=$(requirements_hash "$requirements")
    [[ -f $stamp && $(<"$stamp") == "$wanted" ]] && return 0
    echo "Installing Python packages from $requirements (the first time can take a few minutes)"
    "$VENV_DIR/bin/python" -m pip install -q -r "$requirements"
    echo "$wanted" >"$stamp"
}

bootstrap() {
    find_python
    install_system_packages
    create_venv
    install_requirements "$1"
}
