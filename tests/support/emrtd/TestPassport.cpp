#include "tests/support/emrtd/TestPassport.h"

#include "core/documents/MrzParser.h"
#include "core/documents/MrzWriter.h"
#include "tests/support/TestData.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QImageReader>

namespace fg::test::emrtd {

std::optional<TestPassport> TestPassport::make(const Options& options, QString* error)
{
    TestPassport passport;
    MrzDocument holder;
    holder.format = MrzFormat::TD3;
    holder.documentCode = QStringLiteral("P");
    holder.issuingState = QStringLiteral("UTO");
    holder.primaryIdentifier = options.surname;
    holder.secondaryIdentifier = options.givenNames;
    holder.documentNumber = options.documentNumber;
    holder.nationality = QStringLiteral("UTO");
    holder.birthDateText = options.birthDate;
    holder.sex = QLatin1Char('M');
    holder.expiryDateText = options.expiryDate;
    const std::optional<QStringList> zone = MrzWriter::write(holder, error);
    if (!zone)
        return std::nullopt;
    passport.mrz = zone->join(QLatin1Char('\n'));

    // The photo, scaled to a passport portrait's size and compressed to the
    // chip's budget.
    QImageReader reader(datasetPath(options.photo));
    QImage image = reader.read();
    if (image.isNull()) {
        *error = QStringLiteral("%1: %2").arg(options.photo, reader.errorString());
        return std::nullopt;
    }
    image = image.scaledToWidth(std::min(image.width(), 480), Qt::SmoothTransformation);
    for (int quality = 90; quality >= 20; quality -= 5) {
        QByteArray jpeg;
        QBuffer buffer(&jpeg);
        buffer.open(QIODevice::WriteOnly);
        image.save(&buffer, "JPEG", quality);
        passport.jpeg = jpeg;
        if (jpeg.size() <= options.photoBytes)
            break;
    }
    passport.width = image.width();
    passport.height = image.height();

    std::optional<TestCertificate> csca = TestPki::makeCsca({}, error);
    if (!csca)
        return std::nullopt;
    TestPki::Options signer;
    if (options.signerNotAfter.isValid())
        signer.notAfter = options.signerNotAfter;
    std::optional<TestCertificate> ds = TestPki::makeDocumentSigner(*csca, signer, error);
    if (!ds)
        return std::nullopt;
    passport.csca = *csca;
    passport.documentSigner = *ds;
    passport.proof = options.proof;

    std::vector<int> groups = {1, 2};
    if (options.proof)
        groups.push_back(options.proof->dataGroup);
    passport.files.com = LdsBuilder::com(groups);
    passport.files.dataGroups[1] = LdsBuilder::dg1(zone->join(QString()));
    passport.files.dataGroups[2] = LdsBuilder::dg2(passport.jpeg, passport.width, passport.height);
    if (options.proof)
        passport.files.dataGroups[options.proof->dataGroup] = options.proof->bytes;
    if (!passport.resign(error))
        return std::nullopt;
    return passport;
}

bool TestPassport::resign(QString* error)
{
    const std::optional<QByteArray> sod = LdsBuilder::sod(files.dataGroups, documentSigner, {}, error);
    if (!sod)
        return false;
    files.sod = *sod;
    return true;
}

std::optional<ChipAccessKey> TestPassport::key(QString* error) const
{
    const MrzResult parsed = MrzParser::parse(mrz, QDate(2026, 1, 1));
    if (!parsed.document) {
        *error = QStringLiteral("the test passport's zone does not parse");
        return std::nullopt;
    }
    return ChipAccessKey::fromMrz(*parsed.document, error);
}

bool TestPassport::writeTrust(const QString& folder, QString* error) const
{
    QFile file(QDir(folder).filePath(QStringLiteral("utopia-csca.pem")));
    if (!file.open(QIODevice::WriteOnly) || file.write(csca.pem()) != csca.pem().size()) {
        *error = QStringLiteral("%1: %2").arg(file.fileName(), file.errorString());
        return false;
    }
    return true;
}

} // namespace fg::test::emrtd
