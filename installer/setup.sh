#!/usr/bin/env bash
# Sets up a FaceGate build on Debian 12, idempotently (a second run only checks):
#   1. installs the Debian packages that are missing (as root; apt-get update
#      only when something must be installed),
#   2. fetches and verifies the face models (installer/fetch-models.sh),
#   3. configures and builds in ./build (CMake + Ninja, RelWithDebInfo;
#      warnings are errors when CI=true).
#
#   bash installer/setup.sh          set up and build
#   bash installer/setup.sh run      ... then start build/app/facegate (under
#                                    xvfb-run when there is no display)
#   bash installer/setup.sh test     ... then run the whole CTest suite
#                                    (offscreen); exits with ctest's status
#
# Environment: FACEGATE_MODELS (model folder), FACEGATE_JOBS (build jobs,
# default nproc), CI=true (warnings as errors).
set -euo pipefail

say() { printf '==> %s\n' "$*"; }
die() { printf 'setup.sh: error: %s\n' "$*" >&2; exit 1; }

mode="${1:-build}"
case "$mode" in
    build|run|test) shift $(($# > 0 ? 1 : 0)) ;;
    -h|--help) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown command '$mode' (expected: run, test or nothing)" ;;
esac

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
build="$root/build"

# --- 1. Debian packages ------------------------------------------------------
packages=(
    cmake ninja-build g++ pkg-config dpkg-dev file ca-certificates
    qt6-base-dev qt6-charts-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    qt6-qpa-plugins libqt6sql6-sqlite libqt6sql6-psql libgl-dev libvulkan-dev
    libopencv-dev libfaiss-dev libbenchmark-dev libssl-dev zlib1g-dev
    nodejs npm ffmpeg xvfb xauth imagemagick fonts-dejavu-core
)
# One dpkg-query for all: installed package names plus what they provide
# (NodeSource's nodejs provides npm, which then must not be installed).
declare -A have=()
while read -r name; do
    have["$name"]=1
done < <(dpkg-query -W -f='${db:Status-Abbrev}|${Package}|${Provides}\n' 2>/dev/null |
         awk -F'|' '$1 ~ /^ii/ { print $2; n = split($3, p, / *, */)
                                 for (i = 1; i <= n; i++) { sub(/ .*/, "", p[i]); if (p[i] != "") print p[i] } }')
missing=()
for p in "${packages[@]}"; do
    [ -n "${have[$p]:-}" ] || missing+=("$p")
done
if [ "${#missing[@]}" -eq 0 ]; then
    say "packages: all ${#packages[@]} present"
else
    say "packages: installing ${missing[*]}"
    sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null || die "run as root to install: ${missing[*]}"
        sudo=(sudo)
    fi
    export DEBIAN_FRONTEND=noninteractive
    "${sudo[@]}" apt-get update -qq
    "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# --- 2. Face models ----------------------------------------------------------
say "models: ${FACEGATE_MODELS:-$HOME/.local/share/facegate/models}"
bash "$root/installer/fetch-models.sh"

# --- 3. Configure and build --------------------------------------------------
configure=(cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo)
cached() { sed -n "s/^$1:[A-Z]*=//p" "$build/CMakeCache.txt" 2>/dev/null; }
need_configure=0
if [ ! -f "$build/CMakeCache.txt" ] || [ ! -f "$build/build.ninja" ]; then
    need_configure=1
elif [ "$(cached CMAKE_GENERATOR)" != "Ninja" ]; then
    die "$build was configured with '$(cached CMAKE_GENERATOR)', not Ninja: remove it and run again"
fi
if [ "${CI:-}" = "true" ]; then
    configure+=(-DFACEGATE_WARNINGS_AS_ERRORS=ON)
    [ "$(cached FACEGATE_WARNINGS_AS_ERRORS)" = "ON" ] || need_configure=1
fi
if [ "$need_configure" -eq 1 ]; then
    say "configure: ${configure[*]}"
    mkdir -p "$build"
    "${configure[@]}" >"$build/setup-configure.log" 2>&1 || {
        cat "$build/setup-configure.log" >&2
        die "configure failed (log: build/setup-configure.log)"
    }
else
    say "configure: $build already configured (cmake re-runs itself when CMakeLists change)"
fi
jobs="${FACEGATE_JOBS:-$(nproc)}"
say "build: cmake --build build -j$jobs"
cmake --build "$build" -j"$jobs"

# --- 4. run / test -----------------------------------------------------------
case "$mode" in
    run)
        app="$build/app/facegate"
        [ -x "$app" ] || die "$app was not built (is the facegate target defined in app/CMakeLists.txt?)"
        if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
            say "run: no DISPLAY: starting $app under xvfb-run -a (nothing will be visible)"
            exec xvfb-run -a "$app" "$@"
        fi
        say "run: $app"
        exec "$app" "$@"
        ;;
    test)
        count="$(ctest --test-dir "$build" -N | sed -n 's/^Total Tests: *//p')"
        if [ -z "$count" ] || [ "$count" -eq 0 ]; then
            printf '\nsetup.sh: FAILED: ctest found 0 tests in %s; nothing was tested\n\n' "$build" >&2
            exit 1
        fi
        say "test: $count tests: ctest --test-dir build --output-on-failure -j1 (QT_QPA_PLATFORM=offscreen)"
        export QT_QPA_PLATFORM=offscreen
        status=0
        ctest --test-dir "$build" --output-on-failure --no-tests=error -j1 "$@" || status=$?
        if [ "$status" -eq 0 ]; then say "test: all passed"; else say "test: FAILED (ctest exit status $status)"; fi
        exit "$status"
        ;;
esac
say "done: build in $build"
