#pragma once

#include <QByteArray>
#include <QMutex>
#include <QString>

#include <array>
#include <map>
#include <optional>
#include <utility>

namespace fg {

// The service's counters in Prometheus text format (version 0.0.4):
//   facegate_requests_total{route,status}          answered requests
//   facegate_request_duration_seconds{route}       latency histogram
//   facegate_errors_total{kind}                    4xx/5xx answers by kind
//   facegate_tls_refused_total{reason}             connections refused in or after the handshake
// plus any counter a handler adds with increment() (decisions, for example)
// and any gauge set with setGauge() (facegate_submissions_unattested_overdue,
// AttestationWatch). The route label is the registered "METHOD /path", or
// "unmatched", so a scanner trying paths cannot grow the label set. Safe to
// use from several threads (handlers may run on workers).
class Metrics {
public:
    static constexpr std::array<double, 11> kBucketsSeconds{0.005, 0.01, 0.025, 0.05, 0.1, 0.25,
                                                            0.5, 1.0, 2.5, 5.0, 10.0};

    void recordRequest(const QString& route, int status, double seconds);
    void recordTlsRefusal(const QString& reason);
    // A counter of the handlers': name must be [a-z_]+, label values are escaped.
    void increment(const QByteArray& name, const QByteArray& help, const QString& labelName,
                   const QString& labelValue);
    // A gauge without labels: name must be [a-z_]+; the value replaces the one before.
    void setGauge(const QByteArray& name, const QByteArray& help, double value);

    qint64 requests(const QString& route, int status) const;
    qint64 errors(const QString& kind) const;
    qint64 tlsRefusals(const QString& reason) const;
    qint64 tlsRefusalsTotal() const;
    // nullopt for a gauge never set.
    std::optional<double> gauge(const QByteArray& name) const;

    QByteArray prometheusText() const;

private:
    struct Histogram {
        std::array<qint64, kBucketsSeconds.size()> buckets{};
        qint64 count = 0;
        double sum = 0;
    };
    struct Counter {
        QByteArray help;
        QString labelName;
        std::map<QString, qint64> values;
    };
    struct Gauge {
        QByteArray help;
        double value = 0;
    };

    mutable QMutex m_mutex;

    std::map<std::pair<QString, int>, qint64> m_requests;
    std::map<QString, Histogram> m_latency;
    std::map<QString, qint64> m_errors;
    std::map<QString, qint64> m_tlsRefusals;
    std::map<QByteArray, Counter> m_counters;
    std::map<QByteArray, Gauge> m_gauges;
};

} // namespace fg
