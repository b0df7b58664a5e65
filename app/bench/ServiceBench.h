#pragma once

#include "app/cli/CliContext.h"

#include <QStringList>

namespace fg::cli {

// facegate-cli bench service [--clients 50] [--seconds 10] [--gallery-size N] [--workers N]
//                            [--manifest CSV] [--photo IMAGE] [--pki DIR]
// facegate-matchd's throughput on loopback: a test PKI (installer/make-test-pki.sh,
// or --pki), an in-process MatchServer + MatchingApi on 127.0.0.1 with
// temporary records, a gallery loaded by PUT /v1/galleries from a manifest of
// faces-dev/single, then N keep-alive mutual-TLS clients POSTing /v1/identify
// with one photo for the duration. Prints requests, errors by status,
// requests per second, p50/p99/max latency, and the in-process figure for the
// same photo (decode + pipeline + search, no TLS, no records) to compare.
int runServiceBench(const QStringList& arguments, CliContext& context);

} // namespace fg::cli
