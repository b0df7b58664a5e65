#!/usr/bin/env bash
# A throw-away PostgreSQL server on loopback, for the storage tests.
#
#   bash installer/postgres-throwaway.sh start DIR [PORT]
#       Creates a fresh cluster in DIR (an earlier throw-away server there is
#       stopped and wiped first), listening on 127.0.0.1:PORT only (default
#       55432, or $FACEGATE_TEST_POSTGRESQL_PORT; the next free port when
#       taken) and on a Unix socket in DIR, fsync on. TLS (ssl = on) with a
#       test CA made afresh by openssl in DIR/tls (ca.pem; the CA's key is
#       deleted once it has signed): server.pem names IP:127.0.0.1 and
#       DNS:localhost; client.pem/client.key are a client certificate for the
#       role facegate_cert. Authentication: trust on the Unix socket; over TCP
#       (127.0.0.1, ::1) TLS only (hostssl; a plain connection is refused),
#       trust for facegate, a client certificate (cert) for facegate_cert.
#       Creates the roles facegate (LOGIN, CREATEDB, CREATEROLE: the roles
#       test makes a plain role of its own) and facegate_cert (LOGIN) and the
#       database facegate_test. Prints only the URL on stdout:
#           postgresql://facegate@127.0.0.1:PORT/facegate_test?sslmode=verify-full&sslrootcert=DIR/tls/ca.pem
#   bash installer/postgres-throwaway.sh stop DIR
#       Stops the server (pg_ctl stop -m fast) and removes DIR. Idempotent.
#
# DIR must be missing, empty, or made by an earlier start (marker file
# DIR/.facegate-throwaway-postgres): anything else is refused, never wiped.
# PostgreSQL refuses to run as root: as root, DIR is given to the user
# postgres (from Debian's postgresql package), which runs initdb and pg_ctl;
# otherwise the current user runs them. Binaries: /usr/lib/postgresql/15/bin,
# else the newest /usr/lib/postgresql/*/bin, else initdb on PATH.
# Debian's own clusters (pg_lsclusters, /etc/postgresql) are not touched.
# Progress and errors go to stderr; on failure the server log tail is shown.
set -euo pipefail

say() { printf '==> %s\n' "$*" >&2; }
die() { printf 'postgres-throwaway.sh: error: %s\n' "$*" >&2; exit 1; }

usage() { sed -n '2,29p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }

marker_name=.facegate-throwaway-postgres
role=facegate
cert_role=facegate_cert
database=facegate_test
# Read before the PG* variables are cleared below (it is not one of them).
default_port="${FACEGATE_TEST_POSTGRESQL_PORT:-55432}"

# Settings from the caller's environment (PGPORT, PGHOST, PGDATA, ...) must not
# redirect pg_ctl or psql to another server.
while read -r var; do unset "$var"; done < <(compgen -e | grep '^PG' || true)

# Absolute path of $1 (which need not exist yet).
absolute() {
    case "$1" in
        /*) printf '%s\n' "$1" ;;
        *) printf '%s/%s\n' "$(pwd)" "$1" ;;
    esac
}

# $1 percent-encoded for a URL's query (every byte but A-Z a-z 0-9 / . _ ~ -).
url_encode() {
    local LC_ALL=C text="$1" out="" c i
    for ((i = 0; i < ${#text}; i++)); do
        c="${text:i:1}"
        case "$c" in
            [A-Za-z0-9/._~-]) out+="$c" ;;
            *) out+="$(printf '%%%02X' "'$c")" ;;
        esac
    done
    printf '%s\n' "$out"
}

# A test CA, the server's certificate and a client certificate for
# $cert_role in $1 (EC P-256, SHA-256, 30 days), made by the openssl command.
# The CA's key is deleted once both are signed: nothing more can be issued
# under it.
make_tls() {
    local tls="$1"
    command -v openssl >/dev/null || die "openssl not found on PATH: install the Debian package openssl"
    mkdir -p -- "$tls"
    (
        set -e
        umask 077
        cd "$tls"
        newkey() { openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1"; }
        newkey ca.key
        openssl req -new -x509 -sha256 -days 30 -key ca.key -out ca.pem \
            -subj "/O=FaceGate tests/CN=FaceGate throw-away PostgreSQL CA" \
            -addext "basicConstraints=critical,CA:TRUE,pathlen:0" \
            -addext "keyUsage=critical,keyCertSign,cRLSign"
        sign() { # NAME SUBJECT EXTENSIONS
            newkey "$1.key"
            openssl req -new -sha256 -key "$1.key" -subj "$2" -out "$1.csr"
            printf '%s\n' "$3" >"$1.ext"
            openssl x509 -req -sha256 -days 30 -in "$1.csr" -CA ca.pem -CAkey ca.key \
                -set_serial "0x$(openssl rand -hex 8)" -extfile "$1.ext" -out "$1.pem"
            rm -f -- "$1.csr" "$1.ext"
        }
        sign server "/O=FaceGate tests/CN=127.0.0.1" 'basicConstraints=critical,CA:FALSE
keyUsage=critical,digitalSignature
extendedKeyUsage=serverAuth
subjectAltName=IP:127.0.0.1,DNS:localhost'
        sign client "/O=FaceGate tests/CN=$cert_role" 'basicConstraints=critical,CA:FALSE
keyUsage=critical,digitalSignature
extendedKeyUsage=clientAuth'
        rm -f ca.key
        chmod 644 ca.pem server.pem client.pem
        chmod 600 server.key client.key
    ) >"$dir/tls.log" 2>&1 || { cat "$dir/tls.log" >&2; die "cannot make the test certificates in $tls (openssl)"; }
}

find_bindir() {
    local d
    if [ -x /usr/lib/postgresql/15/bin/initdb ]; then
        printf '%s\n' /usr/lib/postgresql/15/bin
        return
    fi
    d="$(find /usr/lib/postgresql -mindepth 3 -maxdepth 3 -path '*/bin/initdb' 2>/dev/null |
         sort -V | tail -n 1)"
    if [ -n "$d" ]; then
        dirname "$d"
        return
    fi
    d="$(command -v initdb || true)"
    [ -n "$d" ] || die "no PostgreSQL server found (no /usr/lib/postgresql/*/bin/initdb, no initdb on PATH): install the Debian package postgresql"
    dirname "$d"
}

# Runs "$@" as the user that owns the cluster: postgres when we are root,
# otherwise ourselves. From / so that postgres need not read our folder.
as_owner() {
    if [ "$(id -u)" -eq 0 ]; then
        (cd / && runuser -u "$owner" -- "$@")
    else
        (cd / && "$@")
    fi
}

# True when something accepts TCP connections on 127.0.0.1:$1.
port_taken() {
    timeout 2 bash -c 'exec 3<>"/dev/tcp/127.0.0.1/$1"' _ "$1" 2>/dev/null
}

# The running server's state: 0 running, 3 not running, 4 no data folder.
server_status() {
    local rc=0
    as_owner "$bindir/pg_ctl" status -D "$1" >/dev/null 2>&1 || rc=$?
    return "$rc"
}

# The server log's tail (initdb's when the server never ran).
show_log() {
    local f="$dir/server.log"
    [ -s "$f" ] || f="$dir/initdb.log"
    [ -s "$f" ] || return 0
    printf -- '--- last lines of %s ---\n' "$f" >&2
    tail -n 30 "$f" >&2
}

# Stops the server in $1/data (if any) and removes $1. Refuses folders that an
# earlier start did not make.
stop_and_wipe() {
    local target="$1" data="$1/data" rc
    [ -e "$target" ] || return 0
    [ -d "$target" ] || die "$target is not a folder"
    if [ ! -e "$target/$marker_name" ] && [ -n "$(ls -A "$target")" ]; then
        die "$target is not empty and was not made by postgres-throwaway.sh (no $marker_name): not touching it"
    fi
    if [ -d "$data" ]; then
        owner="$(stat -c %U "$data")"
        rc=0
        server_status "$data" || rc=$?
        if [ "$rc" -eq 0 ]; then
            say "postgres: stopping the server in $data"
            if ! as_owner "$bindir/pg_ctl" stop -D "$data" -m fast -w -t 60 >&2; then
                say "postgres: fast stop failed, trying immediate"
                as_owner "$bindir/pg_ctl" stop -D "$data" -m immediate -w -t 60 >&2 ||
                    die "cannot stop the server in $data: not removing it"
            fi
        fi
    fi
    rm -rf -- "$target"
}

cmd="${1:-}"
case "$cmd" in
    start) [ $# -ge 2 ] && [ $# -le 3 ] || usage ;;
    stop) [ $# -eq 2 ] || usage ;;
    -h|--help) usage ;;
    *) usage ;;
esac
[ -n "$2" ] || die "DIR is empty"
dir="$(absolute "$2")"
bindir="$(find_bindir)"
owner="$(id -un)"

if [ "$cmd" = stop ]; then
    stop_and_wipe "$dir"
    say "postgres: stopped, $dir removed"
    exit 0
fi

# --- start -------------------------------------------------------------------
port="${3:-$default_port}"
case "$port" in
    ''|*[!0-9]*) die "PORT must be a number, not '$port'" ;;
esac
[ "$port" -ge 1024 ] && [ "$port" -le 65535 ] || die "PORT must be within 1024..65535, not $port"
# A Unix socket path holds at most 107 bytes.
[ "${#dir}" -le 80 ] || die "DIR is too long for a Unix socket path (${#dir} > 80 characters): $dir"
case "$dir" in
    *[\',\\]*|*$'\n'*) die "DIR must not contain a quote, comma, backslash or newline (it goes into postgresql.conf): $dir" ;;
esac

stop_and_wipe "$dir"
mkdir -p -- "$dir"
touch "$dir/$marker_name"
if [ "$(id -u)" -eq 0 ]; then
    owner=postgres
    id -u "$owner" >/dev/null 2>&1 ||
        die "running as root but there is no user '$owner' to run the server (install the Debian package postgresql)"
    chown "$owner": "$dir"
    runuser -u "$owner" -- test -w "$dir" ||
        die "user $owner cannot reach $dir (a parent folder is closed to it): use a folder under /tmp"
fi
chmod 700 "$dir"
data="$dir/data"

fail() {
    printf 'postgres-throwaway.sh: error: %s\n' "$*" >&2
    show_log
    if [ -d "$data" ] && server_status "$data"; then
        as_owner "$bindir/pg_ctl" stop -D "$data" -m immediate -w -t 60 >/dev/null 2>&1 || true
    fi
    exit 1
}

tls="$dir/tls"
say "postgres: test CA and certificates in $tls"
make_tls "$tls"
if [ "$(id -u)" -eq 0 ]; then
    # The server reads its key as $owner, which must own it (mode 0600).
    chown -R "$owner": "$tls" "$dir/tls.log"
fi

say "postgres: initdb $data ($("$bindir/postgres" --version 2>/dev/null || echo "$bindir"), as $owner)"
as_owner "$bindir/initdb" -D "$data" -U postgres --auth=trust --encoding=UTF8 --locale=C \
    --data-checksums >"$dir/initdb.log" 2>&1 || fail "initdb failed"

cat >"$data/pg_hba.conf" <<EOF
# postgres-throwaway.sh: trust on the Unix socket; over loopback TCP only TLS
# (no plain "host" line: a connection without TLS is refused), a client
# certificate (its CN the role's name) for $cert_role, trust for the others.
# TYPE   DATABASE  USER           ADDRESS        METHOD
local    all       all                           trust
hostssl  all       $cert_role  127.0.0.1/32   cert
hostssl  all       $cert_role  ::1/128        cert
hostssl  all       all            127.0.0.1/32   trust
hostssl  all       all            ::1/128        trust
EOF
cat >>"$data/postgresql.conf" <<EOF

# --- postgres-throwaway.sh ---
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$dir'
ssl = on
ssl_cert_file = '$tls/server.pem'
ssl_key_file = '$tls/server.key'
ssl_ca_file = '$tls/ca.pem'
ssl_min_protocol_version = 'TLSv1.2'
fsync = on
synchronous_commit = on
full_page_writes = on
logging_collector = off
EOF
if [ "$(id -u)" -eq 0 ]; then
    chown "$owner": "$data/pg_hba.conf" "$data/postgresql.conf"
fi

# Start on the first free port from $port; if another server takes the port
# between the probe and the start, move on to the next one.
started=0
for ((attempt = 0; attempt < 20; attempt++)); do
    for ((tries = 0; tries < 200; tries++)); do
        port_taken "$port" || break
        say "postgres: port $port is taken, trying $((port + 1))"
        port=$((port + 1))
        [ "$port" -le 65535 ] || fail "no free port found"
    done
    sed -i "s/^port = .*/port = $port/" "$data/postgresql.conf"
    say "postgres: starting on 127.0.0.1:$port (socket in $dir)"
    : >"$dir/server.log"
    [ "$(id -u)" -ne 0 ] || chown "$owner": "$dir/server.log"
    if as_owner "$bindir/pg_ctl" start -D "$data" -l "$dir/server.log" -w -t 60 >&2; then
        started=1
        break
    fi
    grep -q 'Address already in use' "$dir/server.log" || fail "pg_ctl start failed (or timed out after 60 s)"
    say "postgres: port $port was taken meanwhile"
    port=$((port + 1))
done
[ "$started" -eq 1 ] || fail "the server did not start (no usable port)"

as_owner "$bindir/psql" -X -q -v ON_ERROR_STOP=1 -h "$dir" -p "$port" -U postgres -d postgres \
    -c "CREATE ROLE $role LOGIN CREATEDB CREATEROLE" \
    -c "CREATE ROLE $cert_role LOGIN" \
    -c "CREATE DATABASE $database OWNER $role" >&2 ||
    fail "cannot create the roles $role and $cert_role and the database $database"
url="postgresql://$role@127.0.0.1:$port/$database?sslmode=verify-full&sslrootcert=$(url_encode "$tls/ca.pem")"
# The URL must work over TCP, encrypted and verified, as the tests connect.
encrypted="$(as_owner "$bindir/psql" -X -q -At -v ON_ERROR_STOP=1 "$url" \
    -c "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()" 2>&1)" || encrypted="$encrypted (psql failed)"
[ "$encrypted" = t ] ||
    fail "the server does not accept $role over TLS (verify-full against $tls/ca.pem) on 127.0.0.1:$port: $encrypted"

say "postgres: ready, TLS on ($dir; CA $tls/ca.pem; stop with: bash installer/postgres-throwaway.sh stop $dir)"
printf '%s\n' "$url"
