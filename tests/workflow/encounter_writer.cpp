// Helper of tst_crashsafety: writes encounters (a photo and a synthetic
// template each) into a records database until it is killed, and prints the
// id of each encounter once its transaction has committed.
//
//   encounter_writer URL KEY_FILE PHOTO [MAX_ENCOUNTERS]
#include "core/security/AuditLog.h"
#include "core/security/KeyStore.h"
#include "core/storage/Database.h"
#include "core/storage/SystemClock.h"
#include "core/workflow/EncounterStore.h"
#include "tests/support/TestAuditKey.h"

#include <QCoreApplication>
#include <QFile>
#include <QRandomGenerator>

#include <cstdio>

using namespace fg;

namespace {

int fail(const QString& message)
{
    std::fprintf(stderr, "encounter_writer: %s\n", qPrintable(message));
    return 1;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication application(argc, argv);
    const QStringList arguments = application.arguments();
    if (arguments.size() < 4)
        return fail(QStringLiteral("usage: encounter_writer URL KEY_FILE PHOTO [MAX_ENCOUNTERS]"));
    const qint64 maximum = arguments.size() > 4 ? arguments[4].toLongLong() : 1'000'000;
    QFile photoFile(arguments[3]);
    if (!photoFile.open(QIODevice::ReadOnly))
        return fail(QStringLiteral("%1: %2").arg(arguments[3], photoFile.errorString()));
    BiometricSample sample;
    sample.photo = photoFile.readAll();
    sample.format = QStringLiteral("jpeg");

    QString error;
    const std::optional<DatabaseUrl> url = DatabaseUrl::parse(arguments[1], &error);
    if (!url)
        return fail(error);
    const SystemClock clock;
    const std::unique_ptr<Database> database = Database::open(*url, &error);
    if (!database)
        return fail(error);
    const AuditLog audit(*database, clock, fg::test::auditKey());
    const QString actor = QStringLiteral("test:writer");
    const std::unique_ptr<KeyStore> keys = KeyStore::openWithKeyFile(*database, audit, arguments[2], actor, &error);
    if (!keys)
        return fail(error);
    const RetentionPolicy policy;
    const EncounterStore store(*database, *keys, audit, clock, policy);

    QRandomGenerator random(quint32(QCoreApplication::applicationPid()));
    for (qint64 i = 0; i < maximum; ++i) {
        std::vector<float> values(Template::kDimension);
        for (float& value : values)
            value = float(random.generateDouble() * 2.0 - 1.0);
        sample.faceTemplate = Template(QStringLiteral("test-model"), std::move(values));
        Encounter encounter;
        encounter.citizenship = i % 3 == 0 ? QStringLiteral("USA") : QStringLiteral("NLD");
        encounter.decision = i % 2 == 0 ? Encounter::Decision::Match : Encounter::Decision::NoMatch;
        const std::optional<qint64> id = store.add(encounter, &sample, actor, &error);
        if (!id)
            return fail(error);
        std::printf("%lld\n", static_cast<long long>(*id));
        std::fflush(stdout);
    }
    return 0;
}
