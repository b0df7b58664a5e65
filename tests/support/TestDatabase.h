#pragma once

#include "core/storage/Database.h"
#include "core/storage/DatabaseUrl.h"

#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace fg::test {

// A fresh, empty database for one test, on the back-end the test run was
// registered for (FACEGATE_TEST_BACKEND = sqlite | postgresql, set by
// facegate_add_storage_test). PostgreSQL: a new database on the server named
// by FACEGATE_TEST_POSTGRESQL_URL (installer/setup.sh test starts a
// throw-away one), dropped again by the destructor.
class TestDatabase {
public:
    TestDatabase();
    ~TestDatabase();
    TestDatabase(const TestDatabase&) = delete;
    TestDatabase& operator=(const TestDatabase&) = delete;

    // False with the reason when the back-end is not reachable (the test fails).
    bool isReady(QString* why) const;
    bool isSqlite() const { return m_url.isSqlite(); }
    const DatabaseUrl& url() const { return m_url; }
    QString urlText() const { return m_urlText; }
    // The SQLite file (empty for PostgreSQL).
    QString sqlitePath() const { return m_url.isSqlite() ? m_url.sqlitePath() : QString(); }
    // A scratch folder for the test's other files (key files, photos).
    QString scratchDir() const { return m_scratch.path(); }

    std::unique_ptr<Database> open(QString* error, const DatabaseOptions& options = {}) const;
    // PostgreSQL: the same database as the server's superuser
    // (FACEGATE_TEST_POSTGRESQL_SUPERUSER, default postgres, as the throw-away
    // server has it), read-only, for what only a superuser may do in a test
    // (CHECKPOINT, where the files are). nullptr with *error otherwise.
    std::unique_ptr<Database> openAsSuperuser(QString* error) const;

    static QString backendName(); // "sqlite" or "postgresql"

private:
    QTemporaryDir m_scratch;
    DatabaseUrl m_url;
    QString m_urlText;
    QString m_adminUrlText;
    QString m_databaseName;
    QString m_error;
};

} // namespace fg::test

// Fails the current test function when the test database cannot be made.
#define FG_REQUIRE_DATABASE(testDatabase)                                       \
    do {                                                                        \
        QString fgWhy_;                                                         \
        if (!(testDatabase).isReady(&fgWhy_))                                   \
            QFAIL(qPrintable(fgWhy_));                                          \
    } while (false)
