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
#                                    (offscreen) against a throw-away
#                                    PostgreSQL server on 127.0.0.1
#                                    (installer/postgres-throwaway.sh, removed
#                                    on exit); exits with ctest's status
#
# Environment: FACEGATE_MODELS (model folder), FACEGATE_JOBS (build jobs,
# default nproc), CI=true (warnings as errors), FACEGATE_CCACHE=off (do not
# use ccache even where it is installed; it is used at the first configure),
# FACEGATE_TEST_POSTGRESQL_URL (test: use this server instead of starting one,
# postgresql://USER@HOST:PORT/DB with a role that may CREATE DATABASE; its
# ?sslmode=...&sslrootcert=... parameters are kept; the throw-away server's URL
# carries sslmode=verify-full and its test CA), FACEGATE_TEST_POSTGRESQL_PORT
# (test: the throw-away server's first port, default 55432).
set -euo pipefail

say() { printf '==> %s\n' "$*"; }
# Each phase says how long it took: "==> time: build 812 s".
phase_started=$SECONDS
phase_done() { say "time: $1 $((SECONDS - phase_started)) s"; phase_started=$SECONDS; }
die() { printf 'setup.sh: error: %s\n' "$*" >&2; exit 1; }

mode="${1:-build}"
case "$mode" in
    build|run|test) shift $(($# > 0 ? 1 : 0)) ;;
    -h|--help) sed -n '2,25p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown command '$mode' (expected: run, test or nothing)" ;;
esac

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
build="$root/build"

# --- 1. Debian packages ------------------------------------------------------
packages=(
    cmake ninja-build g++ pkg-config dpkg-dev file ca-certificates openssl
    qt6-base-dev qt6-charts-dev libqt6opengl6-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    qt6-qpa-plugins qt6-translations-l10n libqt6sql6-sqlite libqt6sql6-psql libgl-dev libvulkan-dev
    libopencv-dev libfaiss-dev libbenchmark-dev libssl-dev zlib1g-dev libqrencode-dev libp11-kit-dev libpcsclite-dev
    nodejs npm ffmpeg xvfb xauth imagemagick fonts-dejavu-core
    postgresql
)
# The tests: a crashing test prints every thread's stack (Qt Test runs gdb on
# a fatal signal when it finds it), so a rare crash in CI can be read, not guessed.
# SoftHSM2: the PKCS#11 token the key-in-hardware tests keep their KEK in;
# pcscd and vsmartcard-vpcd: the card reader the chip tests start their own of.
if [ "$mode" = test ]; then
    packages+=(gdb softhsm2 pcscd vsmartcard-vpcd)
fi
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
    # Without systemd (containers, chroots) invoke-rc.d would start services
    # through /etc/init.d, e.g. the postgresql postinst starting Debian's main
    # cluster on 5432, and a failed start fails the install. The tests use
    # their own throw-away server, so while apt runs, a policy-rc.d denies
    # starts (exit 101) unless one exists already (Docker images ship one).
    policy=/usr/sbin/policy-rc.d
    own_policy=0
    if [ ! -d /run/systemd/system ] && [ ! -e "$policy" ]; then
        trap '"${sudo[@]}" rm -f "$policy"' EXIT
        printf '#!/bin/sh\n# installer/setup.sh: no service starts while it installs packages\nexit 101\n' |
            "${sudo[@]}" tee "$policy" >/dev/null
        "${sudo[@]}" chmod 755 "$policy"
        own_policy=1
    fi
    "${sudo[@]}" apt-get update -qq
    "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
    if [ "$own_policy" -eq 1 ]; then
        "${sudo[@]}" rm -f "$policy"
        trap - EXIT
    fi
fi
phase_done packages

# --- 2. Face models ----------------------------------------------------------
say "models: ${FACEGATE_MODELS:-$HOME/.local/share/facegate/models}"
bash "$root/installer/fetch-models.sh"
phase_done models

# --- 3. Configure and build --------------------------------------------------
configure=(cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo)
# ccache, where a developer installed it (apt-get install ccache), makes a
# rebuild after `rm -rf build` or a branch switch quick. It is not installed
# here: CI starts cold and gains nothing from it. The sloppiness lets it
# cache files compiled with the precompiled headers.
if command -v ccache >/dev/null && [ "${FACEGATE_CCACHE:-on}" != "off" ]; then
    configure+=("-DCMAKE_CXX_COMPILER_LAUNCHER=env;CCACHE_SLOPPINESS=pch_defines,time_macros,include_file_mtime,include_file_ctime;ccache")
fi
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
phase_done configure
jobs="${FACEGATE_JOBS:-$(nproc)}"
say "build: cmake --build build -j$jobs"
cmake --build "$build" -j"$jobs"
phase_done build

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
        if [ -n "${FACEGATE_TEST_POSTGRESQL_URL:-}" ]; then
            say "test: PostgreSQL: FACEGATE_TEST_POSTGRESQL_URL=$FACEGATE_TEST_POSTGRESQL_URL (not starting a server)"
        else
            # A throw-away server (own folder, 127.0.0.1, port 55432 or the next
            # free one, TLS only over TCP with a test CA made at its start),
            # stopped and removed on any exit, Ctrl-C included.
            pg_dir="$(mktemp -d /tmp/facegate-pg.XXXXXX)" || die "cannot create a folder for the test PostgreSQL server"
            # shellcheck disable=SC2317 # called by the EXIT trap
            pg_stop() {
                bash "$root/installer/postgres-throwaway.sh" stop "$pg_dir" ||
                    printf 'setup.sh: warning: could not stop the test PostgreSQL server in %s\n' "$pg_dir" >&2
            }
            trap pg_stop EXIT
            trap 'exit 130' INT
            trap 'exit 143' TERM
            trap 'exit 129' HUP
            say "test: PostgreSQL: starting a throw-away server in $pg_dir"
            url="$(bash "$root/installer/postgres-throwaway.sh" start "$pg_dir")" || {
                printf '\nsetup.sh: FAILED: the throw-away PostgreSQL server did not start (log above); the PostgreSQL storage tests cannot run. Fix it, or set FACEGATE_TEST_POSTGRESQL_URL to a server of yours.\n\n' >&2
                exit 1
            }
            export FACEGATE_TEST_POSTGRESQL_URL="$url"
            say "test: PostgreSQL: FACEGATE_TEST_POSTGRESQL_URL=$url"
        fi
        say "test: $count tests: ctest --test-dir build --output-on-failure -j1 (QT_QPA_PLATFORM=offscreen)"
        export QT_QPA_PLATFORM=offscreen
        status=0
        ctest --test-dir "$build" --output-on-failure --no-tests=error -j1 "$@" || status=$?
        phase_done test
        if [ "$status" -eq 0 ]; then say "test: all passed"; else say "test: FAILED (ctest exit status $status)"; fi
        exit "$status"
        ;;
esac
say "done: build in $build"
