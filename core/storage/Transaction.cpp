#include "core/storage/Transaction.h"

#include "core/storage/Database.h"

namespace fg {

Transaction::Transaction(const Database& database)
    : m_database(database)
{
}

Transaction::~Transaction()
{
    rollback();
}

bool Transaction::begin(QString* error)
{
    if (m_active) {
        *error = QStringLiteral("a transaction is already open on this connection");
        return false;
    }
    const QString sql = m_database.isSqlite() ? QStringLiteral("BEGIN IMMEDIATE") : QStringLiteral("BEGIN");
    m_active = m_database.exec(sql, QStringLiteral("start a write transaction"), error);
    return m_active;
}

bool Transaction::commit(QString* error)
{
    if (!m_active) {
        *error = QStringLiteral("commit without an open transaction");
        return false;
    }
    if (!m_database.exec(QStringLiteral("COMMIT"), QStringLiteral("commit"), error)) {
        rollback();
        return false;
    }
    m_active = false;
    return true;
}

void Transaction::rollback()
{
    if (!m_active)
        return;
    m_active = false;
    QString ignored;
    m_database.exec(QStringLiteral("ROLLBACK"), QStringLiteral("roll back"), &ignored);
}

} // namespace fg
