#pragma once

#include <QByteArray>
#include <QString>

#include <optional>
#include <span>
#include <vector>

namespace fg {

// A face template: the L2-normalised output of one feature model, tagged with
// that model's id so that templates of different models are never compared.
// Its binary form is versioned and checksummed (see serialize()).
class Template {
public:
    static constexpr int kDimension = 512;

    Template() = default;
    // Normalises `values` to unit length. `values.size()` must be kDimension.
    Template(QString modelId, std::vector<float> values);

    bool isNull() const { return m_values.empty(); }
    const QString& modelId() const { return m_modelId; }
    std::span<const float> values() const { return m_values; }

    // Binary form: magic "FGTP", format version, model id, dimension, the
    // floats (little-endian) and a SHA-256-based checksum over all of it.
    QByteArray serialize() const;
    // Refuses a damaged template, an unknown format version, or (when
    // expectedModelId is not empty) a template made by another model.
    static std::optional<Template> deserialize(const QByteArray& bytes,
                                               const QString& expectedModelId,
                                               QString* error);

private:
    QString m_modelId;
    std::vector<float> m_values;
};

} // namespace fg
