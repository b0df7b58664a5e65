// The opt-out dialog: the MRZ checked as it is typed (ICAO specimen), an
// OCR slip corrected by its suggestion, the checklist and outcome required,
// and the alternate procedure logged in the records without any photo.
#include "core/security/AuditLog.h"
#include "core/storage/Database.h"
#include "core/storage/DatabaseUrl.h"
#include "core/storage/SystemClock.h"
#include "core/workflow/AlternateProcedureStore.h"
#include "tests/support/TestAuditKey.h"
#include "ui/desk/OptOutDialog.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace fg;

namespace {

// ICAO Doc 9303 Part 4 specimen passport (expired in 2012: "today" is before that).
const QString kSpecimen = QStringLiteral("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n"
                                         "L898902C36UTO7408122F1204159ZE184226B<<<<<10");
const QDate kToday(2010, 1, 1);

AlternateProcedure gate()
{
    AlternateProcedure base;
    base.officer = QStringLiteral("olga");
    base.workstation = QStringLiteral("gate-b12");
    base.camera = QStringLiteral("lane 3");
    base.kind = Encounter::Kind::Exit;
    base.flight = QStringLiteral("UA 901");
    return base;
}

template <typename T>
T* child(QWidget* parent, const char* name)
{
    return parent->findChild<T*>(QLatin1String(name));
}

void setCombo(QWidget* dialog, const char* name, int data)
{
    auto* box = child<QComboBox>(dialog, name);
    box->setCurrentIndex(box->findData(data));
}

} // namespace

class TestOptOut : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void specimenIsReadAndLoggedWithoutAPhoto()
    {
        QTemporaryDir dir;
        QString error;
        const auto url = DatabaseUrl::parse(QStringLiteral("sqlite://") + dir.filePath(QStringLiteral("r.db")), &error);
        QVERIFY2(url, qPrintable(error));
        const SystemClock clock;
        const std::unique_ptr<Database> database = Database::open(*url, &error);
        QVERIFY2(database, qPrintable(error));
        const AuditLog audit(*database, clock, fg::test::auditKey());
        const AlternateProcedureStore store(*database, audit, clock);

        OptOutDialog dialog(gate(), kToday, [&](const AlternateProcedure& procedure, QString* why) -> std::optional<qint64> {
            const auto stored = store.record(procedure, QStringLiteral("officer:olga"), why);
            return stored ? std::optional<qint64>(stored->id) : std::nullopt;
        });
        child<QPlainTextEdit>(&dialog, "mrzText")->setPlainText(kSpecimen);
        QVERIFY(dialog.mrz().isValid());
        QVERIFY2(child<QLabel>(&dialog, "mrzProblems")->text().contains(QStringLiteral("correct")),
                 qPrintable(child<QLabel>(&dialog, "mrzProblems")->text()));
        QVERIFY(child<QLabel>(&dialog, "mrzFields")->text().contains(QStringLiteral("ERIKSSON")));
        QCOMPARE(child<QLineEdit>(&dialog, "citizenship")->text(), QStringLiteral("UTO"));

        // "Verified" with no check done is refused, in words.
        dialog.submit();
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        QVERIFY(!child<QLabel>(&dialog, "optOutMessage")->isHidden());

        setCombo(&dialog, "check-photo-matches-holder", int(AlternateProcedure::CheckResult::Passed));
        setCombo(&dialog, "check-security-features", int(AlternateProcedure::CheckResult::Passed));
        dialog.submit();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QVERIFY(dialog.recordedId() > 0);

        const auto logged = store.find(dialog.recordedId(), &error);
        QVERIFY2(logged, qPrintable(error));
        QCOMPARE(logged->document.number, QStringLiteral("L898902C3"));
        QCOMPARE(logged->document.issuingState, QStringLiteral("UTO"));
        QCOMPARE(logged->document.kind, QStringLiteral("passport"));
        QCOMPARE(logged->document.expiry, QDate(2012, 4, 15));
        QCOMPARE(logged->surname, QStringLiteral("ERIKSSON"));
        QCOMPARE(logged->outcome, AlternateProcedure::Outcome::Verified);
        QCOMPARE(int(logged->checks.size()), 2);
        QCOMPARE(logged->camera, QStringLiteral("lane 3"));
        QCOMPARE(database->scalar(QStringLiteral("SELECT COUNT(*) FROM photos"), {}, QStringLiteral("count"), &error)->toInt(), 0);
        QCOMPARE(database->scalar(QStringLiteral("SELECT mode FROM encounters WHERE id = ?"), {logged->encounterId},
                                  QStringLiteral("mode"), &error)->toString(),
                 QStringLiteral("alternate"));
    }

    void anOcrSlipIsNamedAndCorrected()
    {
        OptOutDialog dialog(gate(), kToday, [](const AlternateProcedure&, QString*) -> std::optional<qint64> { return 1; });
        QString slipped = kSpecimen;
        slipped.replace(QStringLiteral("L898902C36"), QStringLiteral("L8989O2C36")); // O for 0
        child<QPlainTextEdit>(&dialog, "mrzText")->setPlainText(slipped);
        QVERIFY(dialog.mrz().hasErrors());
        const QString problems = child<QLabel>(&dialog, "mrzProblems")->text();
        QVERIFY2(problems.contains(QStringLiteral("document number")), qPrintable(problems));
        auto* apply = child<QPushButton>(&dialog, "applySuggestion");
        QVERIFY(!apply->isHidden());
        // Verified over an MRZ with errors is refused.
        setCombo(&dialog, "check-photo-matches-holder", int(AlternateProcedure::CheckResult::Passed));
        dialog.submit();
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        apply->click();
        QCOMPARE(child<QPlainTextEdit>(&dialog, "mrzText")->toPlainText(), kSpecimen);
        QVERIFY(dialog.mrz().isValid());
    }

    // Issue 19: the passport's chip answers two checks. Genuine: passed and
    // fixed; the typed zone compared with the chip's DG1, as it is typed.
    void theChipFillsItsChecks()
    {
        std::optional<AlternateProcedure> seen;
        OptOutDialog dialog(gate(), kToday, [&](const AlternateProcedure& p, QString*) -> std::optional<qint64> {
            seen = p;
            return 3;
        });
        dialog.useChip(kSpecimen.split(QLatin1Char('\n')), QStringLiteral("genuine"));
        auto* genuine = child<QComboBox>(&dialog, "check-document-genuine-chip");
        auto* agrees = child<QComboBox>(&dialog, "check-data-page-matches-chip");
        QCOMPARE(genuine->currentData().toInt(), int(AlternateProcedure::CheckResult::Passed));
        QVERIFY(!genuine->isEnabled() && !agrees->isEnabled());
        QCOMPARE(agrees->currentData().toInt(), -1); // nothing typed yet

        QString other = kSpecimen;
        other.replace(QStringLiteral("ERIKSSON<<ANNA"), QStringLiteral("ERIKSON<<ANNA<")); // a data page that differs
        child<QPlainTextEdit>(&dialog, "mrzText")->setPlainText(other);
        QCOMPARE(agrees->currentData().toInt(), int(AlternateProcedure::CheckResult::Failed));
        child<QPlainTextEdit>(&dialog, "mrzText")->setPlainText(kSpecimen);
        QCOMPARE(agrees->currentData().toInt(), int(AlternateProcedure::CheckResult::Passed));
        dialog.submit();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QVERIFY(seen);
        const auto result = [&](const QString& id) {
            for (const AlternateProcedure::Check& check : seen->checks)
                if (check.id == id)
                    return int(check.result);
            return -1;
        };
        QCOMPARE(result(QStringLiteral("document-genuine-chip")), int(AlternateProcedure::CheckResult::Passed));
        QCOMPARE(result(QStringLiteral("data-page-matches-chip")), int(AlternateProcedure::CheckResult::Passed));
    }

    // A chip that is not genuine: failed, and "verified" is refused in words.
    void aForgedChipCannotBeLoggedAsVerified()
    {
        OptOutDialog dialog(gate(), kToday, [](const AlternateProcedure&, QString*) -> std::optional<qint64> { return 4; });
        dialog.useChip(kSpecimen.split(QLatin1Char('\n')), QStringLiteral("not-genuine"));
        QCOMPARE(child<QComboBox>(&dialog, "check-document-genuine-chip")->currentData().toInt(),
                 int(AlternateProcedure::CheckResult::Failed));
        child<QPlainTextEdit>(&dialog, "mrzText")->setPlainText(kSpecimen);
        setCombo(&dialog, "check-photo-matches-holder", int(AlternateProcedure::CheckResult::Passed));
        dialog.submit();
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        const QString message = child<QLabel>(&dialog, "optOutMessage")->text();
        QVERIFY2(message.contains(QStringLiteral("chip is not genuine")), qPrintable(message));
        setCombo(&dialog, "outcome", int(AlternateProcedure::Outcome::ReferredToSecondary));
        child<QLineEdit>(&dialog, "reason")->setText(QStringLiteral("chip signature fails"));
        dialog.submit();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
    }

    // Not verifiable (no trusted CSCA): the officer decides that check.
    void aChipNotVerifiableLeavesTheCheckToTheOfficer()
    {
        OptOutDialog dialog(gate(), kToday, [](const AlternateProcedure&, QString*) -> std::optional<qint64> { return 5; });
        dialog.useChip(kSpecimen.split(QLatin1Char('\n')), QStringLiteral("not-verifiable"));
        auto* genuine = child<QComboBox>(&dialog, "check-document-genuine-chip");
        QCOMPARE(genuine->currentData().toInt(), -1);
        QVERIFY(genuine->isEnabled());
    }

    void notVerifiedNeedsAReason()
    {
        std::optional<AlternateProcedure> seen;
        OptOutDialog dialog(gate(), QDate(2026, 11, 27), [&](const AlternateProcedure& p, QString*) -> std::optional<qint64> {
            seen = p;
            return 2;
        });
        child<QPlainTextEdit>(&dialog, "mrzText")->setPlainText(kSpecimen);
        // Today the specimen has expired: said, with the field named.
        QVERIFY2(child<QLabel>(&dialog, "mrzProblems")->text().contains(QStringLiteral("expir")),
                 qPrintable(child<QLabel>(&dialog, "mrzProblems")->text()));
        setCombo(&dialog, "check-not-expired", int(AlternateProcedure::CheckResult::Failed));
        setCombo(&dialog, "outcome", int(AlternateProcedure::Outcome::NotVerified));
        dialog.submit();
        QVERIFY(!seen);
        child<QLineEdit>(&dialog, "reason")->setText(QStringLiteral("passport expired in 2012"));
        dialog.submit();
        QVERIFY(seen);
        QCOMPARE(seen->reason, QStringLiteral("passport expired in 2012"));
        QCOMPARE(seen->outcome, AlternateProcedure::Outcome::NotVerified);
    }

    void unreadableMrzIsNotLogged()
    {
        bool called = false;
        OptOutDialog dialog(gate(), kToday, [&](const AlternateProcedure&, QString*) -> std::optional<qint64> {
            called = true;
            return 3;
        });
        child<QPlainTextEdit>(&dialog, "mrzText")->setPlainText(QStringLiteral("NOT AN MRZ"));
        QVERIFY(!dialog.mrz().document);
        dialog.submit();
        QVERIFY(!called);
        QVERIFY(child<QLabel>(&dialog, "optOutMessage")->text().contains(QStringLiteral("MRZ")));
    }
};

QTEST_MAIN(TestOptOut)
#include "tst_optout.moc"
