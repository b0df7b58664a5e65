#pragma once

#include <QString>

namespace fg {

class Database;

// A write transaction, rolled back unless committed. On SQLite it starts with
// BEGIN IMMEDIATE, so writers queue at the start (busy timeout) rather than
// failing at commit. Finish or destroy every QSqlQuery that read rows before
// commit(): SQLite cannot commit with a statement still stepping.
class Transaction {
public:
    explicit Transaction(const Database& database);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    bool begin(QString* error);
    bool commit(QString* error);
    void rollback();
    bool isActive() const { return m_active; }

private:
    const Database& m_database;
    bool m_active = false;
};

} // namespace fg
