#include "core/service/Metrics.h"

#include "core/service/HttpResponse.h"

namespace fg {

namespace {

QByteArray escaped(const QString& value)
{
    QByteArray out;
    for (const char c : value.toUtf8()) {
        if (c == '\\')
            out += "\\\\";
        else if (c == '"')
            out += "\\\"";
        else if (c == '\n')
            out += "\\n";
        else
            out += c;
    }
    return out;
}

QByteArray number(double value)
{
    return QByteArray::number(value, 'g', 12);
}

qint64 valueOr0(const std::map<QString, qint64>& map, const QString& key)
{
    const auto it = map.find(key);
    return it == map.end() ? 0 : it->second;
}

} // namespace

void Metrics::recordRequest(const QString& route, int status, double seconds)
{
    const QMutexLocker lock(&m_mutex);
    ++m_requests[{route, status}];
    Histogram& histogram = m_latency[route];
    for (std::size_t i = 0; i < kBucketsSeconds.size(); ++i) {
        if (seconds <= kBucketsSeconds[i])
            ++histogram.buckets[i];
    }
    ++histogram.count;
    histogram.sum += seconds;
    if (status >= 400)
        ++m_errors[QString::fromLatin1(HttpResponse::errorKind(status))];
}

void Metrics::recordTlsRefusal(const QString& reason)
{
    const QMutexLocker lock(&m_mutex);
    ++m_tlsRefusals[reason];
}

void Metrics::increment(const QByteArray& name, const QByteArray& help, const QString& labelName,
                        const QString& labelValue)
{
    const QMutexLocker lock(&m_mutex);
    Counter& counter = m_counters[name];
    counter.help = help;
    counter.labelName = labelName;
    ++counter.values[labelValue];
}

void Metrics::setGauge(const QByteArray& name, const QByteArray& help, double value)
{
    const QMutexLocker lock(&m_mutex);
    m_gauges[name] = Gauge{help, value};
}

std::optional<double> Metrics::gauge(const QByteArray& name) const
{
    const QMutexLocker lock(&m_mutex);
    const auto it = m_gauges.find(name);
    return it == m_gauges.end() ? std::nullopt : std::optional<double>(it->second.value);
}

qint64 Metrics::requests(const QString& route, int status) const
{
    const QMutexLocker lock(&m_mutex);
    const auto it = m_requests.find({route, status});
    return it == m_requests.end() ? 0 : it->second;
}

qint64 Metrics::errors(const QString& kind) const
{
    const QMutexLocker lock(&m_mutex);
    return valueOr0(m_errors, kind);
}

qint64 Metrics::tlsRefusals(const QString& reason) const
{
    const QMutexLocker lock(&m_mutex);
    return valueOr0(m_tlsRefusals, reason);
}

qint64 Metrics::tlsRefusalsTotal() const
{
    const QMutexLocker lock(&m_mutex);
    qint64 total = 0;
    for (const auto& entry : m_tlsRefusals)
        total += entry.second;
    return total;
}

QByteArray Metrics::prometheusText() const
{
    const QMutexLocker lock(&m_mutex);
    QByteArray out;
    out += "# HELP facegate_requests_total HTTP requests answered, by route and status.\n"
           "# TYPE facegate_requests_total counter\n";
    for (const auto& [key, count] : m_requests) {
        out += "facegate_requests_total{route=\"" + escaped(key.first) + "\",status=\""
            + QByteArray::number(key.second) + "\"} " + QByteArray::number(count) + '\n';
    }

    out += "# HELP facegate_request_duration_seconds Time from a complete request to its answer.\n"
           "# TYPE facegate_request_duration_seconds histogram\n";
    for (const auto& [route, histogram] : m_latency) {
        const QByteArray label = "route=\"" + escaped(route) + '"';
        for (std::size_t i = 0; i < kBucketsSeconds.size(); ++i) {
            out += "facegate_request_duration_seconds_bucket{" + label + ",le=\"" + number(kBucketsSeconds[i])
                + "\"} " + QByteArray::number(histogram.buckets[i]) + '\n';
        }
        out += "facegate_request_duration_seconds_bucket{" + label + ",le=\"+Inf\"} "
            + QByteArray::number(histogram.count) + '\n';
        out += "facegate_request_duration_seconds_sum{" + label + "} " + number(histogram.sum) + '\n';
        out += "facegate_request_duration_seconds_count{" + label + "} " + QByteArray::number(histogram.count)
            + '\n';
    }

    out += "# HELP facegate_errors_total Requests answered with an error, by kind.\n"
           "# TYPE facegate_errors_total counter\n";
    for (const auto& [kind, count] : m_errors)
        out += "facegate_errors_total{kind=\"" + escaped(kind) + "\"} " + QByteArray::number(count) + '\n';

    out += "# HELP facegate_tls_refused_total Connections refused in or after the TLS handshake, by reason.\n"
           "# TYPE facegate_tls_refused_total counter\n";
    for (const auto& [reason, count] : m_tlsRefusals)
        out += "facegate_tls_refused_total{reason=\"" + escaped(reason) + "\"} " + QByteArray::number(count) + '\n';

    for (const auto& [name, counter] : m_counters) {
        out += "# HELP " + name + ' ' + counter.help + "\n# TYPE " + name + " counter\n";
        for (const auto& [value, count] : counter.values) {
            out += name + '{' + counter.labelName.toLatin1() + "=\"" + escaped(value) + "\"} "
                + QByteArray::number(count) + '\n';
        }
    }

    for (const auto& [name, gauge] : m_gauges) {
        out += "# HELP " + name + ' ' + gauge.help + "\n# TYPE " + name + " gauge\n";
        out += name + ' ' + number(gauge.value) + '\n';
    }
    return out;
}

} // namespace fg
