#pragma once

#include <QDateTime>
#include <QObject>
#include <QString>
#include <QTimer>

#include <chrono>
#include <optional>

namespace fg {

class Clock;
class Database;
class Metrics;

// What AttestationWatch found: partner submissions overdue for a purge
// attestation, and the oldest of them (by verification time).
struct OverdueAttestations {
    qint64 count = 0;
    qint64 oldestEncounterId = 0; // 0 when count is 0
    QString oldestSubmissionId;   // empty when the encounter has no submission row
    QString oldestPartner;        // the partner's certificate subject
    QDateTime oldestVerifiedAt;   // UTC
};

// facegate-matchd's side of "submissions without a purge attestation after a
// configured time are reported" (service/attestationHours): the partner
// submissions (encounters with a partner) verified more than `due` before now
// by the clock and with no row in purge_attestations, the same rule as the
// supervisor's report (ReportQuery::Kind::PartnerSubmissions). Each check sets
// the gauge facegate_submissions_unattested_overdue and, when any is overdue,
// logs a warning (fg.service) naming how many and the oldest. Checks at
// start() and then every interval (10 minutes by default). Runs in the
// thread that owns the Database, inside its event loop.
class AttestationWatch : public QObject {
    Q_OBJECT

public:
    static constexpr std::chrono::milliseconds kDefaultInterval = std::chrono::minutes(10);
    static constexpr const char* kGauge = "facegate_submissions_unattested_overdue";

    AttestationWatch(const Database& database, const Clock& clock, Metrics& metrics, std::chrono::hours due,
                     QObject* parent = nullptr);

    void setInterval(std::chrono::milliseconds interval);
    std::chrono::milliseconds interval() const { return m_interval; }
    std::chrono::hours due() const { return m_due; }

    // Checks now, then every interval.
    void start();
    void stop();
    bool isActive() const { return m_timer.isActive(); }

    // Counts, sets the gauge, logs, and signals checked() or failed(); a
    // failed check leaves the gauge as it was. nullopt with *error when the
    // records could not be read.
    std::optional<OverdueAttestations> checkNow(QString* error = nullptr);

    // Counts only (no gauge, no log).
    std::optional<OverdueAttestations> overdue(QString* error) const;

Q_SIGNALS:
    void checked(const fg::OverdueAttestations& found);
    void failed(const QString& reason);

private:
    const Database& m_database;
    const Clock& m_clock;
    Metrics& m_metrics;
    std::chrono::hours m_due;
    std::chrono::milliseconds m_interval = kDefaultInterval;
    QTimer m_timer;
};

} // namespace fg
