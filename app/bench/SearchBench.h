#pragma once

#include <QJsonObject>
#include <QString>

namespace fg::cli {

// `facegate-cli bench search --gallery-size N`: builds a synthetic gallery of
// N random unit vectors (gaussian, normalised, 512-d), runs mated queries (a
// gallery vector plus noise, cosine 0.5-0.7 with its mate) and unmated ones
// (fresh random vectors), and reports, for each search mode, ms/query, QPS,
// speed relative to FAISS IndexFlatIP (when built with FAISS) and recall@1
// against exact fp32, mated and unmated separately. Returns an empty object
// and sets `error` when N is out of range [1, 2e7] or would not fit in memory
// (about 2.6 KB per row for the gallery plus 2 KB per row for FAISS).
QJsonObject runSearchBenchmark(qint64 gallerySize, QString* error);

// Same with a chosen number of queries of each kind (0 = automatic:
// clamp(5e7 / N, 50, 500)).
QJsonObject runSearchBenchmark(qint64 gallerySize, int queriesPerKind, QString* error);

} // namespace fg::cli
