#!/usr/bin/env bash
# Installed as /usr/bin/facegate-start (the desktop entry's command): on first
# run, or whenever the model folder is absent or does not match the pinned
# hashes, fetches and verifies the models with fetch-models.sh, then starts
# /usr/bin/facegate with the same arguments. The model folder is
# $FACEGATE_MODELS, else ~/.local/share/facegate/models (as the program reads it).
set -uo pipefail

bindir="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
share="$bindir/../share/facegate"
fetch="$share/fetch-models.sh"
models="${FACEGATE_MODELS:-$HOME/.local/share/facegate/models}"

if ! (cd "$models" 2>/dev/null && sha256sum -c --quiet --status "$share/models.sha256" 2>/dev/null); then
    echo "facegate-start: face models absent or not verified in $models: fetching them" >&2
    if ! bash "$fetch" "$models"; then
        # FaceGate itself refuses to start a pipeline on unverified models and
        # says which file is wrong; start it anyway so the officer sees why.
        echo "facegate-start: could not fetch the models (see above); starting FaceGate anyway" >&2
    fi
fi
exec "$bindir/facegate" "$@"
