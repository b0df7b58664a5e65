#!/usr/bin/env bash
# A throw-away PKI for facegate-matchd's tests and for trying the service.
#
#   bash installer/make-test-pki.sh OUTDIR [--force]
#
# Makes, with the openssl CLI (EC P-256 keys, SHA-256 signatures), in OUTDIR:
#   ca.pem ca.key                   the port's CA (CN=FaceGate Test Port CA)
#   server.pem server.key           the service: CN=localhost, SAN DNS:localhost, IP:127.0.0.1
#   partner.pem partner.key         a partner camera: CN=ua-camera-7, O=United Airlines, OU=partner
#   workstation.pem workstation.key a workstation: CN=gate-b12, O=FaceGate Test Port, OU=workstation
#   partner-dl.pem partner-dl.key   another partner's camera: CN=dl-camera-2, O=Delta Air Lines, OU=partner
#   operator.pem operator.key       an operator's monitor: CN=ops-1, O=FaceGate Test Port, OU=operator
#   norole.pem norole.key           a client of the port with no role: CN=kiosk-1, OU=visitor
#   expired.pem expired.key         a partner camera whose validity lies entirely in the past
#   revoked.pem revoked.key         a partner camera to revoke by configuration;
#   revoked.sha256                  its SHA-256 fingerprint (64 lower-case hex digits)
#   other-ca.pem other-ca.key       another CA, which the port does not trust
#   other-client.pem other-client.key   a client certificate signed by that other CA
# Client certificates carry extendedKeyUsage=clientAuth, the server's serverAuth.
# Keys are mode 0600. Idempotent: when OUTDIR already holds a complete set
# (marker OUTDIR/.facegate-test-pki-v2, written last) nothing is remade unless
# --force is given; otherwise the whole set is made afresh (only the files
# named above are written). For tests only: the keys are not protected.
set -euo pipefail

say() { printf '==> %s\n' "$*" >&2; }
die() { printf 'make-test-pki.sh: error: %s\n' "$*" >&2; exit 1; }
usage() { sed -n '2,22p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }

[[ $# -ge 1 && $# -le 2 ]] || usage
out=$1
force=0
if [[ $# -eq 2 ]]; then
    [[ $2 == --force ]] || usage
    force=1
fi
command -v openssl >/dev/null || die "openssl not found on PATH"

marker=.facegate-test-pki-v2 # v2: partner-dl, operator, norole
files=(ca.pem ca.key server.pem server.key partner.pem partner.key workstation.pem workstation.key
       expired.pem expired.key revoked.pem revoked.key revoked.sha256
       other-ca.pem other-ca.key other-client.pem other-client.key
       partner-dl.pem partner-dl.key operator.pem operator.key norole.pem norole.key)

mkdir -p "$out"
out=$(cd "$out" && pwd)

complete=1
[[ -f $out/$marker ]] || complete=0
for f in "${files[@]}"; do [[ -s $out/$f ]] || complete=0; done
if [[ $complete -eq 1 && $force -eq 0 ]]; then
    say "test PKI already complete in $out (use --force to remake it)"
    for f in "${files[@]}"; do printf '%s\n' "$out/$f"; done
    exit 0
fi

rm -f "$out/$marker"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
umask 077

newkey() { # FILE
    openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1" 2>/dev/null
    chmod 600 "$1"
}

# A self-signed CA: NAME SUBJECT
make_ca() {
    newkey "$out/$1.key"
    openssl req -new -x509 -sha256 -days 3650 -key "$out/$1.key" -out "$out/$1.pem" -subj "$2" \
        -addext "basicConstraints=critical,CA:TRUE,pathlen:0" \
        -addext "keyUsage=critical,keyCertSign,cRLSign" \
        -addext "subjectKeyIdentifier=hash"
}

# A leaf signed by a CA: NAME SUBJECT CA SERIAL EXTENSIONS
make_leaf() {
    local name=$1 subject=$2 ca=$3 serial=$4 ext=$5
    newkey "$out/$name.key"
    openssl req -new -sha256 -key "$out/$name.key" -subj "$subject" -out "$work/$name.csr"
    printf '%s\n' "$ext" >"$work/$name.ext"
    openssl x509 -req -sha256 -days 825 -in "$work/$name.csr" -CA "$out/$ca.pem" -CAkey "$out/$ca.key" \
        -set_serial "$serial" -extfile "$work/$name.ext" -out "$out/$name.pem" 2>/dev/null
}

client_ext='basicConstraints=critical,CA:FALSE
keyUsage=critical,digitalSignature
extendedKeyUsage=clientAuth'
server_ext='basicConstraints=critical,CA:FALSE
keyUsage=critical,digitalSignature
extendedKeyUsage=serverAuth
subjectAltName=DNS:localhost,IP:127.0.0.1'

make_ca ca "/O=FaceGate Test Port/CN=FaceGate Test Port CA"
make_ca other-ca "/O=Somebody Else/CN=Another CA"

make_leaf server "/O=FaceGate Test Port/CN=localhost" ca 0x1001 "$server_ext"
make_leaf partner "/O=United Airlines/OU=partner/CN=ua-camera-7" ca 0x1002 "$client_ext"
make_leaf workstation "/O=FaceGate Test Port/OU=workstation/CN=gate-b12" ca 0x1003 "$client_ext"
make_leaf revoked "/O=United Airlines/OU=partner/CN=ua-camera-9" ca 0x1004 "$client_ext"
make_leaf partner-dl "/O=Delta Air Lines/OU=partner/CN=dl-camera-2" ca 0x1101 "$client_ext"
make_leaf operator "/O=FaceGate Test Port/OU=operator/CN=ops-1" ca 0x1102 "$client_ext"
make_leaf norole "/O=FaceGate Test Port/OU=visitor/CN=kiosk-1" ca 0x1103 "$client_ext"
make_leaf other-client "/O=United Airlines/OU=partner/CN=ua-camera-7" other-ca 0x2001 "$client_ext"

# OpenSSL 3.0's `x509 -req` has no -not_before/-not_after (3.4 has); `openssl ca`
# takes -startdate/-enddate, so the expired certificate goes through a minimal CA database.
mkdir -p "$work/db"
: >"$work/db/index.txt"
echo 1005 >"$work/db/serial"
cat >"$work/ca.cnf" <<EOF
[ ca ]
default_ca = test_ca
[ test_ca ]
database = $work/db/index.txt
serial = $work/db/serial
new_certs_dir = $work/db
certificate = $out/ca.pem
private_key = $out/ca.key
default_md = sha256
policy = policy_any
unique_subject = no
copy_extensions = none
x509_extensions = client_ext
[ policy_any ]
organizationName = optional
organizationalUnitName = optional
commonName = supplied
[ client_ext ]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature
extendedKeyUsage = clientAuth
EOF
newkey "$out/expired.key"
openssl req -new -sha256 -key "$out/expired.key" -subj "/O=United Airlines/OU=partner/CN=ua-camera-3" \
    -out "$work/expired.csr"
openssl ca -batch -notext -config "$work/ca.cnf" -in "$work/expired.csr" -out "$out/expired.pem" \
    -startdate 20200101000000Z -enddate 20210101000000Z 2>/dev/null

openssl x509 -in "$out/revoked.pem" -noout -fingerprint -sha256 | sed 's/^.*=//; s/://g' \
    | tr 'A-F' 'a-f' >"$out/revoked.sha256"

chmod 644 "$out"/*.pem "$out/revoked.sha256"
chmod 600 "$out"/*.key
: >"$out/$marker"

say "test PKI made in $out"
for f in "${files[@]}"; do printf '%s\n' "$out/$f"; done
