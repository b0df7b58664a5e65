#include "core/documents/emrtd/OpenSslHandles.h"

#include <openssl/asn1.h>
#include <openssl/err.h>

#include <QDateTime>

#include <ctime>

namespace fg::openssl {

QString lastError(const QString& fallback)
{
    const unsigned long code = ERR_get_error();
    ERR_clear_error();
    if (code == 0)
        return fallback;
    char text[256] = {};
    ERR_error_string_n(code, text, sizeof text);
    return QStringLiteral("%1 (%2)").arg(fallback, QString::fromLatin1(text));
}

QString nameText(const X509_NAME* name)
{
    if (!name)
        return {};
    const Bio bio(BIO_new(BIO_s_mem()));
    if (!bio || X509_NAME_print_ex(bio.get(), name, 0, XN_FLAG_RFC2253 & ~ASN1_STRFLGS_ESC_MSB) < 0)
        return {};
    char* data = nullptr;
    const long size = BIO_get_mem_data(bio.get(), &data);
    return QString::fromUtf8(data, size);
}

QString countryOf(const X509_NAME* name)
{
    if (!name)
        return {};
    const int index = X509_NAME_get_index_by_NID(name, NID_countryName, -1);
    if (index < 0)
        return {};
    const ASN1_STRING* value = X509_NAME_ENTRY_get_data(X509_NAME_get_entry(name, index));
    if (!value)
        return {};
    return QString::fromLatin1(reinterpret_cast<const char*>(ASN1_STRING_get0_data(value)), ASN1_STRING_length(value));
}

QDateTime timeOf(const ASN1_TIME* time)
{
    struct tm parts = {};
    if (!time || ASN1_TIME_to_tm(time, &parts) != 1)
        return {};
    return QDateTime(QDate(parts.tm_year + 1900, parts.tm_mon + 1, parts.tm_mday),
                     QTime(parts.tm_hour, parts.tm_min, parts.tm_sec), Qt::UTC);
}

QByteArray certificateDer(X509* certificate)
{
    unsigned char* der = nullptr;
    const int size = i2d_X509(certificate, &der);
    if (size <= 0)
        return {};
    QByteArray bytes(reinterpret_cast<const char*>(der), size);
    OPENSSL_free(der);
    return bytes;
}

Certificate certificateFromDer(QByteArrayView der)
{
    const auto* start = reinterpret_cast<const unsigned char*>(der.data());
    const unsigned char* p = start;
    Certificate certificate(d2i_X509(nullptr, &p, long(der.size())));
    if (certificate && p != start + der.size())
        certificate.reset();
    return certificate;
}

Crl crlFromDer(QByteArrayView der)
{
    const auto* start = reinterpret_cast<const unsigned char*>(der.data());
    const unsigned char* p = start;
    Crl crl(d2i_X509_CRL(nullptr, &p, long(der.size())));
    if (crl && p != start + der.size())
        crl.reset();
    return crl;
}

} // namespace fg::openssl
