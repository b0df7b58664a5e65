#pragma once

#include <QMetaType>
#include <QString>
#include <QVariant>

namespace fg::sql {

// Values to bind, as the stores write them.

// Qt's SQL drivers bind a null QString as SQL NULL; text columns are NOT NULL DEFAULT ''.
inline QVariant text(const QString& value)
{
    return value.isNull() ? QVariant(QStringLiteral("")) : QVariant(value);
}

// A typed SQL NULL (PostgreSQL needs the type of an untyped parameter).
inline QVariant nullLong()
{
    return QVariant(QMetaType(QMetaType::LongLong));
}

} // namespace fg::sql
