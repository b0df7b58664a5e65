#pragma once

#include <openssl/bio.h>
#include <openssl/pem.h> // before cms.h: PEM_read_bio_CMS
#include <openssl/cms.h>
#include <openssl/evp.h>
#include <openssl/x509.h>
#include <openssl/x509_vfy.h>

#include <QByteArray>
#include <QByteArrayView>
#include <QDateTime>
#include <QString>

#include <memory>

namespace fg::openssl {

// Owning handles for the OpenSSL objects of passive authentication and the
// trust list: each frees its object with the matching *_free.
struct X509Free {
    void operator()(X509* p) const { X509_free(p); }
};
struct CrlFree {
    void operator()(X509_CRL* p) const { X509_CRL_free(p); }
};
struct StoreFree {
    void operator()(X509_STORE* p) const { X509_STORE_free(p); }
};
struct StoreContextFree {
    void operator()(X509_STORE_CTX* p) const { X509_STORE_CTX_free(p); }
};
struct CmsFree {
    void operator()(CMS_ContentInfo* p) const { CMS_ContentInfo_free(p); }
};
struct BioFree {
    void operator()(BIO* p) const { BIO_free(p); }
};
struct CertificatesFree {
    void operator()(STACK_OF(X509) * p) const { sk_X509_pop_free(p, X509_free); }
};
struct PkeyFree {
    void operator()(EVP_PKEY* p) const { EVP_PKEY_free(p); }
};

using Certificate = std::unique_ptr<X509, X509Free>;
using Crl = std::unique_ptr<X509_CRL, CrlFree>;
using Store = std::unique_ptr<X509_STORE, StoreFree>;
using StoreContext = std::unique_ptr<X509_STORE_CTX, StoreContextFree>;
using Cms = std::unique_ptr<CMS_ContentInfo, CmsFree>;
using Bio = std::unique_ptr<BIO, BioFree>;
using Certificates = std::unique_ptr<STACK_OF(X509), CertificatesFree>;
using Pkey = std::unique_ptr<EVP_PKEY, PkeyFree>;

// The error queue's last reason (and the queue emptied), or `fallback`.
QString lastError(const QString& fallback);
// "CN=Utopia CSCA,O=Utopia,C=UT" (RFC 2253, UTF-8).
QString nameText(const X509_NAME* name);
// The name's C= (ISO 3166 code), empty when it has none.
QString countryOf(const X509_NAME* name);
// An ASN1_TIME as UTC, invalid when it cannot be read.
QDateTime timeOf(const ASN1_TIME* time);
// DER bytes of a certificate / from bytes, nullptr on failure.
QByteArray certificateDer(X509* certificate);
Certificate certificateFromDer(QByteArrayView der);
Crl crlFromDer(QByteArrayView der);

} // namespace fg::openssl
