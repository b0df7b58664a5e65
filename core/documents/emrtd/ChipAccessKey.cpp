#include "core/documents/emrtd/ChipAccessKey.h"

#include "core/documents/Mrz.h"
#include "core/documents/MrzCheckDigit.h"
#include "core/documents/emrtd/SecretDigest.h"

#include <utility>

namespace fg {
namespace {

constexpr int kBacSeedBytes = 16;
constexpr int kDocumentNumberWidth = 9;

bool fail(QString* error, const QString& why)
{
    if (error)
        *error = why;
    return false;
}

bool isDate(const QString& text)
{
    if (text.size() != 6)
        return false;
    for (const QChar c : text) {
        if (!c.isDigit() && c != QLatin1Char('<'))
            return false;
    }
    return true;
}

} // namespace

ChipAccessKey::ChipAccessKey(Kind kind, SecureBuffer secret)
    : m_kind(kind)
    , m_secret(std::move(secret))
{
}

std::optional<ChipAccessKey> ChipAccessKey::fromMrzFields(const QString& documentNumber, const QString& birthDate,
                                                          const QString& expiryDate, QString* error)
{
    QString number = documentNumber.trimmed().toUpper();
    if (number.isEmpty() || number.count(QLatin1Char('<')) == number.size()) {
        fail(error, QStringLiteral("the document number is empty"));
        return std::nullopt;
    }
    for (const QChar c : number) {
        if (!MrzCheckDigit::isMrzCharacter(c)) {
            fail(error, QStringLiteral("the document number holds '%1', which an MRZ cannot").arg(c));
            return std::nullopt;
        }
    }
    if (number.size() < kDocumentNumberWidth)
        number = number.leftJustified(kDocumentNumberWidth, QLatin1Char('<'));
    if (!isDate(birthDate)) {
        fail(error, QStringLiteral("the date of birth '%1' is not YYMMDD").arg(birthDate));
        return std::nullopt;
    }
    if (!isDate(expiryDate)) {
        fail(error, QStringLiteral("the date of expiry '%1' is not YYMMDD").arg(expiryDate));
        return std::nullopt;
    }
    QString information;
    for (const QString& field : {number, birthDate, expiryDate}) {
        const auto digit = MrzCheckDigit::compute(field);
        if (!digit) { // not reached: every character was checked above
            fail(error, QStringLiteral("no check digit for '%1'").arg(field));
            return std::nullopt;
        }
        information += field + QString::number(*digit);
    }
    QByteArray latin1 = information.toLatin1();
    information.fill(QLatin1Char('0'));
    return ChipAccessKey(Kind::Mrz, SecureBuffer::fromBytes(std::move(latin1)));
}

std::optional<ChipAccessKey> ChipAccessKey::fromMrz(const MrzDocument& document, QString* error)
{
    return fromMrzFields(document.documentNumber, document.birthDateText, document.expiryDateText, error);
}

std::optional<ChipAccessKey> ChipAccessKey::fromCan(const QString& can, QString* error)
{
    const QString digits = can.trimmed();
    if (digits.isEmpty()) {
        fail(error, QStringLiteral("the card access number is empty"));
        return std::nullopt;
    }
    for (const QChar c : digits) {
        if (c < QLatin1Char('0') || c > QLatin1Char('9')) {
            fail(error, QStringLiteral("the card access number holds '%1': it is digits only").arg(c));
            return std::nullopt;
        }
    }
    return ChipAccessKey(Kind::Can, SecureBuffer::fromBytes(digits.toLatin1()));
}

std::optional<SecureBuffer> ChipAccessKey::bacKeySeed(QString* error) const
{
    if (m_kind != Kind::Mrz) {
        fail(error, QStringLiteral("BAC needs the MRZ: a card access number opens the chip by PACE only"));
        return std::nullopt;
    }
    const auto hash = SecretDigest::sha1(m_secret.view(), error);
    if (!hash)
        return std::nullopt;
    return SecureBuffer::copyOf(hash->view().first(kBacSeedBytes));
}

std::optional<SecureBuffer> ChipAccessKey::pacePassword(QString* error) const
{
    if (m_kind == Kind::Can)
        return SecureBuffer::copyOf(m_secret.view());
    return SecretDigest::sha1(m_secret.view(), error);
}

} // namespace fg
