#pragma once

#include "core/storage/DatabaseUrl.h"

#include <QString>

namespace fg {

// How a PostgreSQL connection is encrypted in transit (issue 18): the libpq
// options QPSQL is given for a URL, the files checked before connecting, and
// a refused connection explained (which host, which file, which parameter)
// in front of libpq's own words.
class PostgresTls {
public:
    // QPSQL's connect options: libpq keywords separated by ';', values quoted
    // for libpq: connect_timeout, application_name, then hostaddr, sslmode
    // (DatabaseUrl::effectiveSslMode; none when it is empty), sslrootcert,
    // sslcert and sslkey as the URL gives them.
    static QString connectOptions(const DatabaseUrl& url);

    // Each certificate or key file the URL names exists and can be read
    // (libpq would silently send no client certificate when sslcert is
    // missing); false with *error naming the file and its parameter.
    static bool checkFiles(const DatabaseUrl& url, QString* error);

    // libpq's message about a connection that failed, with what it means in
    // front: "<why, naming host and file>: <libpq's text>", or libpq's text
    // alone when it is not about TLS.
    static QString explainFailure(const DatabaseUrl& url, const QString& libpqText);
};

} // namespace fg
