#pragma once

#include <QString>
#include <QStringList>
#include <QVariant>

#include <functional>
#include <map>
#include <optional>
#include <vector>

class QSettings;

namespace fg {

// One configuration setting: its key in facegate.ini, its default, what it
// means, and how its text is checked (STYLE.md 11: one table, in one place).
struct SettingSpec {
    QString key;          // "retention/inScopeDays"
    QString defaultText;  // as written in the file; empty: the built-in default described
    QString description;
    // Converts the text read from the file; false with *why naming the rule broken.
    std::function<bool(const QString& text, QVariant* value, QString* why)> parse;
    // A comma-separated list ("a, b"). QSettings reads an unquoted value with
    // commas as a list of strings: for a list key that is joined back, for any
    // other key it is an error (the value must be quoted).
    bool list = false;
};

// The workstation's configuration: facegate.ini (QSettings, INI) read through
// the table below, every value checked. A wrong value or an unknown key is an
// error naming the key and the value read. Command-line options override
// values with set().
class Settings {
public:
    static const std::vector<SettingSpec>& table();

    // $FACEGATE_CONFIG, else ~/.config/facegate/facegate.ini if it exists,
    // else /etc/facegate/facegate.ini if it exists, else empty (all defaults).
    static QString defaultPath();

    // All defaults (no file).
    static Settings defaults();
    // Reads a file; a missing file is an error (use defaults() for none).
    static std::optional<Settings> load(const QString& path, QString* error);
    static std::optional<Settings> fromQSettings(const QSettings& file, QString* error);

    // Overrides one key (a command-line option), checked like the file.
    bool set(const QString& key, const QString& text, QString* error);

    QVariant value(const QString& key) const;
    QString text(const QString& key) const;
    // A list key's items: split at commas, trimmed, empty items dropped.
    QStringList list(const QString& key) const;
    QString source() const { return m_source; }

    // Typed access to the records' settings.
    // database/url resolved: the default SQLite file when empty; a PostgreSQL
    // URL with database/sslmode, sslrootcert, sslcert and sslkey added as its
    // parameters where it does not give them itself.
    QString databaseUrl() const;
    QString keyFile() const;         // empty: the default key file of the records
    QString auditKeyFile() const;    // empty: the default audit key file (AuditKey::defaultKeyFile())
    QString checkpointFolder() const; // resolved: defaultCheckpointFolder() when empty
    qint64 usCitizenOrExemptRetentionSeconds() const;
    qint64 inScopeRetentionSeconds() const;
    int purgeIntervalMinutes() const;
    int queueOverdueHours() const;     // queue/overdueHours
    int queueClaimExpiryHours() const; // queue/claimExpiryHours
    int attestationHours() const;      // service/attestationHours
    double fmrTarget() const; // matching/fmr
    double presentationAttackBpcer() const; // presentationAttack/bpcer
    int lockoutFailures() const;
    int lockoutMinutes() const;
    int sessionLockMinutes() const;
    QStringList captureSources() const; // capture/sources, split at commas, trimmed, empty items dropped
    QString stationKind() const; // station/kind: "entry", "exit", "checkpoint" or empty (from the role)

    static QString defaultDatabasePath(); // ~/.local/share/facegate/facegate.db
    static QString defaultCheckpointFolder(); // ~/.local/share/facegate/checkpoints

    // The text of a value as QSettings read it from an INI file: a string as
    // is, a list of strings (an unquoted value with commas) joined with ", "
    // when the key is a list; anything else is an error naming the key.
    static std::optional<QString> textOf(const QString& key, const QVariant& read, QString* error);

private:
    std::map<QString, QVariant> m_values;
    std::map<QString, QString> m_texts;
    QString m_source;
};

} // namespace fg
