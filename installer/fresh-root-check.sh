#!/usr/bin/env bash
# Runs the README's two commands where nothing is installed but Debian 12:
#   1. makes a fresh Debian 12 root with mmdebstrap (variant minbase: the
#      essential packages and apt, nothing else) from the archive that this
#      machine's apt sources name, giving it only this machine's
#      package-client configuration (apt options and sources, the local CA
#      certificates, npm's configuration, the resolver) so that apt and npm
#      reach the registries as a fresh machine here does;
#   2. copies into it a clean clone of this repository's HEAD (/work/main) and
#      ../shared (/work/shared);
#   3. runs there, as root, `bash installer/setup.sh test` (packages, models,
#      build, the whole CTest suite) and then the window check,
#      `bash installer/setup.sh run --self-test-window` (the workstation under
#      xvfb-run, quitting with 0 once its first window has shown);
#   4. removes the root, on success, failure, Ctrl-C or TERM alike.
# Exit status: 0 when both passed; 1 when either failed or the root could not
# be made (said in one line: this never falls back to the host).
#
#   bash installer/fresh-root-check.sh [--keep]
#
# --keep leaves the root in place for a look (its path is printed).
# Environment: FACEGATE_FRESH_ROOT_PARENT (folder for the root, default
# /var/tmp), FACEGATE_JOBS and CI (passed to setup.sh), FACEGATE_FRESH_ROOT_LOG
# (the whole run's log, default ./fresh-root-check.log). Needs root: mmdebstrap
# in root mode, chroot and mounts in a private mount namespace. Only what is
# committed is checked: uncommitted changes are not in the clone.
set -euo pipefail

say() { printf '==> fresh-root: %s\n' "$*"; }
refuse() { printf 'fresh-root-check: cannot make a fresh Debian 12 root: %s\n' "$*" >&2; exit 1; }

keep=0
case "${1:-}" in
    --keep) keep=1 ;;
    "") ;;
    -h|--help) sed -n '2,27p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) printf 'fresh-root-check: unknown argument %s (expected --keep)\n' "$1" >&2; exit 2 ;;
esac

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
shared="$(cd "$repo/.." && pwd)/shared"
log="${FACEGATE_FRESH_ROOT_LOG:-$PWD/fresh-root-check.log}"
[ "$(id -u)" -eq 0 ] || refuse "run as root (mmdebstrap's root mode, chroot and mounts need it)"
git -C "$repo" rev-parse --verify -q HEAD >/dev/null || refuse "$repo is not a git checkout with a commit"
[ -d "$shared/datasets" ] || refuse "$shared/datasets not found (the tests need ../shared beside the clone)"
command -v unshare >/dev/null && command -v chroot >/dev/null || refuse "unshare and chroot (util-linux, coreutils) are missing"
if ! command -v mmdebstrap >/dev/null; then
    say "installing mmdebstrap on this machine (it makes the root)"
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends mmdebstrap; } \
        >/dev/null 2>&1 || refuse "mmdebstrap is not installed and apt-get could not install it"
fi

# --- The host's package-client configuration ---------------------------------
# Sources: every enabled list of this machine's apt, as written.
sources=()
for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources; do
    [ -f "$f" ] && grep -qEv '^[[:space:]]*(#|$)' "$f" && sources+=("$f")
done
[ "${#sources[@]}" -gt 0 ] || refuse "this machine's apt names no source (/etc/apt/sources.list*)"
# apt options and credentials that no package installed: the local ones.
unowned() { local f; for f in "$@"; do [ -f "$f" ] && ! dpkg -S "$f" >/dev/null 2>&1 && printf '%s\n' "$f"; done; return 0; }
mmdebstrap_options=(--variant=minbase --skip=cleanup/apt/lists)
while read -r f; do mmdebstrap_options+=("--aptopt=$f"); done < <(unowned /etc/apt/apt.conf.d/*)
# An https archive needs the CA certificates before apt can reach it.
grep -qs 'https://' "${sources[@]}" && mmdebstrap_options+=(--include=ca-certificates)

parent="${FACEGATE_FRESH_ROOT_PARENT:-/var/tmp}"
mkdir -p "$parent"
work="$(mktemp -d "$parent/facegate-fresh-root.XXXXXX")" || refuse "cannot make a folder in $parent"
root="$work/root"
runner_pid=""
mmdebstrap_pid=""
tee_pid=""

# shellcheck disable=SC2317 # called by the traps
cleanup() {
    local status=$?
    trap - EXIT INT TERM HUP
    if [ -n "$mmdebstrap_pid" ] && kill -0 "$mmdebstrap_pid" 2>/dev/null; then
        kill -TERM "$mmdebstrap_pid" 2>/dev/null || true
        wait "$mmdebstrap_pid" 2>/dev/null || true
    fi
    if [ -n "$runner_pid" ] && kill -0 "$runner_pid" 2>/dev/null; then
        # unshare --kill-child: its child, the namespace's first process,
        # takes every process of the run with it.
        kill -TERM "$runner_pid" 2>/dev/null || true
        wait "$runner_pid" 2>/dev/null || true
    fi
    if [ "$keep" -eq 1 ]; then
        say "kept the root in $root (remove it with: rm -rf --one-file-system $work)"
    elif [ -d "$work" ]; then
        # The mounts lived in the run's own mount namespace, gone with it;
        # should one remain, it is unmounted before anything is removed.
        if findmnt -rn -o TARGET | grep -q "^$work/"; then
            findmnt -rn -o TARGET | grep "^$work/" | sort -r | xargs -r -n1 umount -l 2>/dev/null || true
        fi
        if rm -rf --one-file-system "$work"; then
            say "removed the root ($work)"
        else
            printf 'fresh-root-check: warning: could not remove %s\n' "$work" >&2
        fi
    fi
    # The log's tee has the last lines still: let it write them before the
    # exit status is given.
    if [ -n "$tee_pid" ]; then
        exec >&- 2>&-
        wait "$tee_pid" 2>/dev/null || true
    fi
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

started=$SECONDS
exec > >(tee "$log") 2>&1
tee_pid=$!
say "making a Debian 12 (bookworm) minbase root in $root from ${sources[*]}"
mmdebstrap "${mmdebstrap_options[@]}" bookworm "$root" "${sources[@]}" >"$work/mmdebstrap.log" 2>&1 &
mmdebstrap_pid=$!
if ! wait "$mmdebstrap_pid"; then
    mmdebstrap_pid=""
    tail -n 5 "$work/mmdebstrap.log" >&2
    refuse "mmdebstrap failed (is Debian's archive reachable from here? its last lines are above)"
fi
mmdebstrap_pid=""
root_seconds=$((SECONDS - started))
say "root made in ${root_seconds} s ($(du -sh --one-file-system "$root" | cut -f1))"

# Trust anchors, npm's configuration and the resolver, as this machine has them.
if [ -d /usr/local/share/ca-certificates ]; then
    cp -a /usr/local/share/ca-certificates/. "$root/usr/local/share/ca-certificates/"
fi
for f in /etc/npmrc /usr/etc/npmrc "$HOME/.npmrc"; do
    if [ -f "$f" ]; then
        target="$root${f/#$HOME//root}"
        mkdir -p "$(dirname "$target")"
        cp -a "$f" "$target"
    fi
done
while read -r f; do cp -a "$f" "$root$f"; done < <(unowned /etc/apt/auth.conf.d/* /etc/apt/preferences.d/*)
cp -L /etc/resolv.conf "$root/etc/resolv.conf"

# The project: a clean clone of HEAD, and shared/ beside it.
mkdir -p "$root/work"
git clone -q --no-local "$repo" "$root/work/main"
cp -a "$shared" "$root/work/shared"
say "copied $(git -C "$repo" rev-parse --short HEAD) ($(git -C "$repo" log -1 --format=%s HEAD)) and shared/ into $root/work"

# What runs inside: the README's test command, then the window check.
cat >"$root/work/fresh-root-run.sh" <<'INNER'
set -u
cd /work/main
t0=$SECONDS
bash installer/setup.sh test
test_status=$?
t1=$SECONDS
printf '\n==> fresh-root: window check: bash installer/setup.sh run --self-test-window\n'
timeout 300 bash installer/setup.sh run --self-test-window
window_status=$?
t2=$SECONDS
printf '==> fresh-root: setup.sh test: exit %d in %d s; window check: exit %d in %d s\n' \
    "$test_status" $((t1 - t0)) "$window_status" $((t2 - t1))
[ "$test_status" -eq 0 ] && [ "$window_status" -eq 0 ]
INNER

# A private mount and PID namespace: /proc, /sys and /dev exist for the run
# only, and every process of it ends with the namespace.
say "running the README's test command and the window check inside the root"
unshare --mount --pid --fork --kill-child --mount-proc="$root/proc" bash -c '
    set -e
    root="$1"
    mount --make-rprivate /
    mount -t sysfs -o ro sysfs "$root/sys"
    mount -t tmpfs -o mode=755,size=64m tmpfs "$root/dev"
    for d in null zero full random urandom tty; do
        touch "$root/dev/$d"; mount --bind "/dev/$d" "$root/dev/$d"
    done
    mkdir -p "$root/dev/pts" "$root/dev/shm"
    mount -t devpts -o newinstance,ptmxmode=0666 devpts "$root/dev/pts"
    ln -s pts/ptmx "$root/dev/ptmx"
    ln -s /proc/self/fd "$root/dev/fd"
    mount -t tmpfs -o mode=1777 tmpfs "$root/dev/shm"
    mount -t tmpfs -o mode=1777 tmpfs "$root/tmp"
    exec chroot "$root" /usr/bin/env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
        HOME=/root LANG=C.UTF-8 TERM=dumb CI="${CI:-}" ${FACEGATE_JOBS:+FACEGATE_JOBS=$FACEGATE_JOBS} \
        ${http_proxy:+http_proxy=$http_proxy} ${https_proxy:+https_proxy=$https_proxy} ${no_proxy:+no_proxy=$no_proxy} \
        /bin/bash /work/fresh-root-run.sh
' fresh-root "$root" &
runner_pid=$!
status=0
wait "$runner_pid" || status=$?
runner_pid=""

# What each phase did and took, again, where it is easy to find.
printf '\n==> fresh-root: summary (%s)\n' "$log"
grep -E '^(==> (packages|models|configure|build|test|time)|fetch-models: (tarball|models)|-- Could NOT find |.*could not be found because|The following tests FAILED|.*\(Failed\)|.*\(Timeout\)|setup\.sh: (error|FAILED)|facegate: |==> fresh-root: (setup\.sh test|window check):)' "$log" |
    tail -n 60 || true
say "root ${root_seconds} s; whole run $((SECONDS - started)) s; exit status $status"
# ctest's closing lines last (none when the build failed).
grep -E '^([0-9]+% tests passed|Total Test time)' "$log" | tail -n 2 || true
exit "$status"
