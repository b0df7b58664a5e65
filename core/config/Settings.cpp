#include "core/config/Settings.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>
#include <QUrl>
#include <QUrlQuery>

#include <algorithm>

namespace fg {
namespace {

using Parser = std::function<bool(const QString&, QVariant*, QString*)>;

Parser anyText()
{
    return [](const QString& text, QVariant* value, QString*) {
        *value = text;
        return true;
    };
}

Parser integerIn(qint64 low, qint64 high, const QString& unit)
{
    return [=](const QString& text, QVariant* value, QString* why) {
        bool ok = false;
        const qint64 number = text.trimmed().toLongLong(&ok);
        if (!ok || number < low || number > high) {
            *why = QStringLiteral("expected a whole number of %1 from %2 to %3").arg(unit).arg(low).arg(high);
            return false;
        }
        *value = number;
        return true;
    };
}

// A number strictly between low and high ("0.01", "1e-2").
Parser numberBetween(double low, double high)
{
    return [=](const QString& text, QVariant* value, QString* why) {
        bool ok = false;
        const double number = text.trimmed().toDouble(&ok);
        if (!ok || !(number > low && number < high)) {
            *why = QStringLiteral("expected a number between %1 and %2 (exclusive)").arg(low).arg(high);
            return false;
        }
        *value = number;
        return true;
    };
}

Parser oneOf(const QStringList& allowed)
{
    return [=](const QString& text, QVariant* value, QString* why) {
        if (!allowed.contains(text)) {
            *why = QStringLiteral("expected one of: %1").arg(allowed.join(QStringLiteral(", ")));
            return false;
        }
        *value = text;
        return true;
    };
}

Parser databaseUrlText()
{
    return [](const QString& text, QVariant* value, QString* why) {
        if (!text.isEmpty() && !text.startsWith(QLatin1String("sqlite:")) && !text.startsWith(QLatin1String("postgresql://"))
            && !text.startsWith(QLatin1String("postgres://"))) {
            *why = QStringLiteral("expected sqlite:///PATH or postgresql://USER@HOST:PORT/DB");
            return false;
        }
        *value = text;
        return true;
    };
}

Parser httpsEndpoint()
{
    return [](const QString& text, QVariant* value, QString* why) {
        const QUrl url(text, QUrl::StrictMode);
        if (!text.isEmpty() && (!url.isValid() || url.scheme() != QLatin1String("https") || url.host().isEmpty())) {
            *why = QStringLiteral("expected an https:// address (mutual TLS), or nothing for the in-process core");
            return false;
        }
        *value = text;
        return true;
    };
}

// Groups whose keys are checked elsewhere (QualityLimits::fromSettings).
const QStringList kDelegatedGroups = {QStringLiteral("quality")};

} // namespace

const std::vector<SettingSpec>& Settings::table()
{
    static const std::vector<SettingSpec> specs = {
        {QStringLiteral("models/dir"), QString(),
         QStringLiteral("Folder of the pinned face models; empty: $FACEGATE_MODELS, else ~/.local/share/facegate/models"),
         anyText()},
        {QStringLiteral("matching/fmr"), QStringLiteral("1e-3"),
         QStringLiteral("False match rate the decision threshold is calibrated for"),
         oneOf({QStringLiteral("1e-2"), QStringLiteral("1e-3"), QStringLiteral("1e-4")})},
        {QStringLiteral("presentationAttack/bpcer"), QStringLiteral("0.01"),
         QStringLiteral("Bona fide presentations wrongly called attacks (BPCER) the presentation-attack threshold is "
                        "calibrated for; the threshold is read from the calibration table of the liveness model"),
         numberBetween(0.0, 1.0)},
        {QStringLiteral("matching/endpoint"), QString(),
         QStringLiteral("https address of a facegate-matchd service; empty: the in-process matching core"),
         httpsEndpoint()},
        {QStringLiteral("matching/clientCertificate"), QString(),
         QStringLiteral("The workstation's client certificate (PEM) for matching/endpoint"), anyText()},
        {QStringLiteral("matching/clientKey"), QString(),
         QStringLiteral("The private key (PEM, 0600) of matching/clientCertificate"), anyText()},
        {QStringLiteral("matching/caCertificate"), QString(),
         QStringLiteral("The port's CA (PEM) that signed the service's certificate"), anyText()},
        {QStringLiteral("service/listen"), QStringLiteral("127.0.0.1:8443"),
         QStringLiteral("facegate-matchd: address and port to listen on (loopback by default)"), anyText()},
        {QStringLiteral("service/certificate"), QString(),
         QStringLiteral("facegate-matchd: the server certificate (PEM)"), anyText()},
        {QStringLiteral("service/privateKey"), QString(),
         QStringLiteral("facegate-matchd: the server certificate's private key (PEM, 0600)"), anyText()},
        {QStringLiteral("service/clientCa"), QString(),
         QStringLiteral("facegate-matchd: the port's CA (PEM); only client certificates it signed are served"), anyText()},
        {QStringLiteral("service/revoked"), QString(),
         QStringLiteral("facegate-matchd: revoked client certificates, comma-separated (sha256:<hex> or serial:<hex>)"),
         anyText(), true},
        {QStringLiteral("service/roles"), QString(),
         QStringLiteral("facegate-matchd: role bindings, comma-separated (CN|O|OU=value:role); empty: OU=partner, "
                        "OU=workstation and OU=operator"),
         anyText(), true},
        {QStringLiteral("service/manifestFolder"), QString(),
         QStringLiteral("facegate-matchd: the folder of the flight manifests galleries are loaded from"), anyText()},
        {QStringLiteral("service/maxBodyMegabytes"), QStringLiteral("16"),
         QStringLiteral("facegate-matchd: the largest request body"), integerIn(1, 256, QStringLiteral("megabytes"))},
        {QStringLiteral("service/maxMegapixels"), QStringLiteral("40"),
         QStringLiteral("facegate-matchd: the largest image, checked from its header before decoding"),
         integerIn(1, 400, QStringLiteral("megapixels"))},
        {QStringLiteral("service/workers"), QStringLiteral("0"),
         QStringLiteral("facegate-matchd: requests matched at once, each on its thread with its own pipeline; 0: one "
                        "per core"),
         integerIn(0, 64, QStringLiteral("threads"))},
        {QStringLiteral("service/maxConcurrent"), QStringLiteral("8"),
         QStringLiteral("facegate-matchd: requests being matched at once (running or waiting for a worker); more are "
                        "answered 503"),
         integerIn(1, 1024, QStringLiteral("requests"))},
        {QStringLiteral("service/maxConcurrentPerClient"), QStringLiteral("4"),
         QStringLiteral("facegate-matchd: of service/maxConcurrent, the requests of one client certificate; more are "
                        "answered 503"),
         integerIn(1, 1024, QStringLiteral("requests"))},
        {QStringLiteral("service/requestTimeoutSeconds"), QStringLiteral("30"),
         QStringLiteral("facegate-matchd: a request not matched by then is answered 503 and its work stopped"),
         integerIn(1, 600, QStringLiteral("seconds"))},
        {QStringLiteral("service/connectionsPerClient"), QStringLiteral("32"),
         QStringLiteral("facegate-matchd: open connections of one client certificate; more are answered 503"),
         integerIn(1, 4096, QStringLiteral("connections"))},
        {QStringLiteral("service/handshakesPerAddress"), QStringLiteral("8"),
         QStringLiteral("facegate-matchd: connections from one IP address in their TLS handshake at once (cameras "
                        "behind one NAT share it); more are closed"),
         integerIn(1, 1024, QStringLiteral("connections"))},
        {QStringLiteral("service/ratePerSecond"), QStringLiteral("10"),
         QStringLiteral("facegate-matchd: requests per second per client certificate; more are answered 429"),
         integerIn(1, 10000, QStringLiteral("requests per second"))},
        {QStringLiteral("service/burst"), QStringLiteral("20"),
         QStringLiteral("facegate-matchd: requests a client may send at once above its rate"),
         integerIn(1, 10000, QStringLiteral("requests"))},
        {QStringLiteral("service/padBpcer"), QStringLiteral("0.01"),
         QStringLiteral("facegate-matchd: the BPCER (bona fide captures wrongly called presentation attacks) whose "
                        "calibrated threshold decides whether a probe is a printed photo or a screen; the calibration "
                        "table must cover it"),
         numberBetween(0.0, 1.0)},
        {QStringLiteral("service/padAction"), QStringLiteral("refuse"),
         QStringLiteral("facegate-matchd: what a partner's probe judged a presentation attack gets: refuse (not "
                        "matched, answered \"presentation-attack\", stored for a supervisor) or flag (matched, the "
                        "flag in the answer); workstations are never refused"),
         oneOf({QStringLiteral("refuse"), QStringLiteral("flag")})},
        {QStringLiteral("service/padPartners"), QString(),
         QStringLiteral("facegate-matchd: service/padAction and service/padBpcer for some partners, comma-separated "
                        "(CN|O|OU=value:refuse|flag[:BPCER], the first that matches wins)"),
         anyText(), true},
        {QStringLiteral("service/attestationHours"), QStringLiteral("24"),
         QStringLiteral("A partner submission without a purge attestation after this long is reported"),
         integerIn(1, 720, QStringLiteral("hours"))},
        {QStringLiteral("capture/sources"), QStringLiteral("v4l2:0"),
         QStringLiteral("Frame sources, comma-separated (camera, stream URL, image folder or video file)"), anyText(), true},
        {QStringLiteral("documents/readerFolder"), QString(),
         QStringLiteral("Folder a document reader writes the traveler's photo into (with <name>.mrz beside it) for "
                        "1:1; its files are destroyed once read; empty: none"),
         anyText()},
        {QStringLiteral("documents/chipReader"), QString(),
         QStringLiteral("PC/SC reader the passport's chip is read from (its name as pcscd lists it, or 'any'); its "
                        "photo becomes the 1:1 reference with the chip's verdict; empty: none"),
         anyText()},
        {QStringLiteral("documents/csca"), QString(),
         QStringLiteral("Trusted country signing CAs for the chip's passive authentication: a folder of certificates "
                        "(and CRLs) or an ICAO master list file; empty: chips are read but not verifiable"),
         anyText()},
        {QStringLiteral("station/kind"), QString(),
         QStringLiteral("What the workstation's encounters record: entry, exit or checkpoint; empty: checkpoint for "
                        "checkpoint officers, entry for everyone else"),
         oneOf({QString(), QStringLiteral("entry"), QStringLiteral("exit"), QStringLiteral("checkpoint")})},
        {QStringLiteral("ui/language"), QString(), QStringLiteral("Interface language; empty: the system locale"),
         oneOf({QString(), QStringLiteral("en"), QStringLiteral("es"), QStringLiteral("fr")})},
        {QStringLiteral("database/url"), QString(),
         QStringLiteral("Records database; empty: sqlite:// ~/.local/share/facegate/facegate.db"), databaseUrlText()},
        // The sslmode values are libpq's (DatabaseUrl::sslModes, which this
        // QtCore-only library does not link).
        {QStringLiteral("database/sslmode"), QString(),
         QStringLiteral("PostgreSQL TLS mode; empty: verify-full for a host that is not loopback or with "
                        "database/sslrootcert, libpq's default (prefer) on loopback; the URL's sslmode= wins"),
         oneOf({QString(), QStringLiteral("disable"), QStringLiteral("allow"), QStringLiteral("prefer"),
                QStringLiteral("require"), QStringLiteral("verify-ca"), QStringLiteral("verify-full")})},
        {QStringLiteral("database/sslrootcert"), QString(),
         QStringLiteral("PostgreSQL: the CA (PEM) that signed the server's certificate; the URL's sslrootcert= wins"),
         anyText()},
        {QStringLiteral("database/sslcert"), QString(),
         QStringLiteral("PostgreSQL: the workstation's client certificate (PEM); the URL's sslcert= wins"), anyText()},
        {QStringLiteral("database/sslkey"), QString(),
         QStringLiteral("PostgreSQL: the private key (PEM, 0600) of database/sslcert; the URL's sslkey= wins"),
         anyText()},
        {QStringLiteral("security/keyFile"), QString(),
         QStringLiteral("Key-encryption key file (0600), or the PKCS#11 URI of a key in a token "
                        "(pkcs11:token=...;object=...?module-path=...&pin-source=file:...); empty: "
                        "~/.local/share/facegate/keys/facegate.kek"),
         anyText()},
        {QStringLiteral("audit/keyFile"), QString(),
         QStringLiteral("Audit key file (0600) keying the audit chain and signing its checkpoints; empty: "
                        "~/.local/share/facegate/keys/audit.key, made on first use"),
         anyText()},
        {QStringLiteral("audit/checkpointFolder"), QString(),
         QStringLiteral("Folder of the signed checkpoints of the audit log's head, written at every purge; empty: "
                        "~/.local/share/facegate/checkpoints"),
         anyText()},
        {QStringLiteral("security/lockoutFailures"), QStringLiteral("5"),
         QStringLiteral("Failed sign-ins in a row that lock an account"), integerIn(1, 100, QStringLiteral("attempts"))},
        {QStringLiteral("security/lockoutMinutes"), QStringLiteral("15"),
         QStringLiteral("How long a locked account stays locked"), integerIn(1, 1440, QStringLiteral("minutes"))},
        {QStringLiteral("security/sessionLockMinutes"), QStringLiteral("5"),
         QStringLiteral("Minutes without keyboard or mouse input after which the officer's session locks"),
         integerIn(1, 240, QStringLiteral("minutes"))},
        {QStringLiteral("retention/usCitizenOrExemptHours"), QStringLiteral("12"),
         QStringLiteral("Photos of U.S. citizens and exempt travelers are purged this long after verification (at most 12)"),
         integerIn(1, 12, QStringLiteral("hours"))},
        {QStringLiteral("retention/inScopeDays"), QStringLiteral("14"),
         QStringLiteral("Photos of other travelers are purged this long after verification (at most 14)"),
         integerIn(1, 14, QStringLiteral("days"))},
        {QStringLiteral("retention/purgeIntervalMinutes"), QStringLiteral("10"),
         QStringLiteral("How often the workstation purges expired photos (also at start-up; at least hourly all the "
                        "same: each purge signs an audit checkpoint)"),
         integerIn(1, 720, QStringLiteral("minutes"))},
        {QStringLiteral("queue/overdueHours"), QStringLiteral("24"),
         QStringLiteral("A no-match queue item waiting longer than this stands out in the supervisor's queue"),
         integerIn(1, 720, QStringLiteral("hours"))},
        {QStringLiteral("queue/claimExpiryHours"), QStringLiteral("8"),
         QStringLiteral("A supervisor's claim on a queue item older than this can be taken over by another supervisor"),
         integerIn(1, 168, QStringLiteral("hours"))},
    };
    return specs;
}

QString Settings::defaultPath()
{
    const QString fromEnv = qEnvironmentVariable("FACEGATE_CONFIG");
    if (!fromEnv.isEmpty())
        return fromEnv;
    const QString user = QDir::homePath() + QStringLiteral("/.config/facegate/facegate.ini");
    if (QFileInfo::exists(user))
        return user;
    const QString system = QStringLiteral("/etc/facegate/facegate.ini");
    return QFileInfo::exists(system) ? system : QString();
}

QString Settings::defaultDatabasePath()
{
    return QDir::homePath() + QStringLiteral("/.local/share/facegate/facegate.db");
}

Settings Settings::defaults()
{
    Settings settings;
    settings.m_source = QStringLiteral("built-in defaults");
    for (const SettingSpec& spec : table()) {
        QVariant value;
        QString why;
        spec.parse(spec.defaultText, &value, &why);
        settings.m_values[spec.key] = value;
        settings.m_texts[spec.key] = spec.defaultText;
    }
    return settings;
}

std::optional<Settings> Settings::load(const QString& path, QString* error)
{
    if (!QFileInfo(path).isFile()) {
        *error = QStringLiteral("configuration file %1 does not exist").arg(path);
        return std::nullopt;
    }
    const QSettings file(path, QSettings::IniFormat);
    if (file.status() != QSettings::NoError) {
        *error = QStringLiteral("configuration file %1 cannot be read (format error)").arg(path);
        return std::nullopt;
    }
    std::optional<Settings> settings = fromQSettings(file, error);
    if (settings)
        settings->m_source = path;
    else
        *error = QStringLiteral("%1: %2").arg(path, *error);
    return settings;
}

std::optional<Settings> Settings::fromQSettings(const QSettings& file, QString* error)
{
    Settings settings = defaults();
    settings.m_source = file.fileName();
    for (const QString& key : file.allKeys()) {
        if (kDelegatedGroups.contains(key.section(QLatin1Char('/'), 0, 0)))
            continue;
        const std::optional<QString> text = textOf(key, file.value(key), error);
        if (!text || !settings.set(key, *text, error))
            return std::nullopt;
    }
    return settings;
}

bool Settings::set(const QString& key, const QString& text, QString* error)
{
    for (const SettingSpec& spec : table()) {
        if (spec.key != key)
            continue;
        QVariant value;
        QString why;
        if (!spec.parse(text, &value, &why)) {
            *error = QStringLiteral("setting %1 = \"%2\" is invalid: %3").arg(key, text, why);
            return false;
        }
        m_values[key] = value;
        m_texts[key] = text;
        return true;
    }
    *error = QStringLiteral("unknown setting %1 = \"%2\"").arg(key, text);
    return false;
}

std::optional<QString> Settings::textOf(const QString& key, const QVariant& read, QString* error)
{
    if (read.typeId() == QMetaType::QString)
        return read.toString();
    const auto spec = std::find_if(table().cbegin(), table().cend(), [&](const SettingSpec& s) { return s.key == key; });
    if (read.typeId() == QMetaType::QStringList) {
        if (spec != table().cend() && spec->list)
            return read.toStringList().join(QStringLiteral(", "));
        *error = QStringLiteral("setting %1 = \"%2\" is invalid: it is not a list; a value with commas must be "
                                "written in double quotes")
                     .arg(key, read.toStringList().join(QLatin1Char(',')));
        return std::nullopt;
    }
    *error = QStringLiteral("setting %1 is invalid: it was read as %2, not as text")
                 .arg(key, QString::fromLatin1(read.typeName() ? read.typeName() : "nothing"));
    return std::nullopt;
}

QStringList Settings::list(const QString& key) const
{
    QStringList items;
    for (const QString& item : text(key).split(QLatin1Char(','))) {
        if (!item.trimmed().isEmpty())
            items.append(item.trimmed());
    }
    return items;
}

QVariant Settings::value(const QString& key) const
{
    const auto found = m_values.find(key);
    return found == m_values.end() ? QVariant() : found->second;
}

QString Settings::text(const QString& key) const
{
    const auto found = m_texts.find(key);
    return found == m_texts.end() ? QString() : found->second;
}

QString Settings::databaseUrl() const
{
    const QString url = text(QStringLiteral("database/url"));
    if (url.isEmpty())
        return QStringLiteral("sqlite://") + defaultDatabasePath();
    if (!url.startsWith(QLatin1String("postgresql://")) && !url.startsWith(QLatin1String("postgres://")))
        return url;
    // database/sslmode and the files become the URL's parameters, unless the
    // URL gives its own; the URL's text is otherwise kept as it is.
    const QUrlQuery given(QUrl(url, QUrl::TolerantMode));
    QStringList added;
    for (const char* name : {"sslmode", "sslrootcert", "sslcert", "sslkey"}) {
        const QString parameter = QString::fromLatin1(name);
        const QString value = text(QStringLiteral("database/") + parameter);
        if (!value.isEmpty() && !given.hasQueryItem(parameter))
            added.append(parameter + QLatin1Char('=') + QString::fromLatin1(QUrl::toPercentEncoding(value, "/")));
    }
    if (added.isEmpty())
        return url;
    return url + (url.contains(QLatin1Char('?')) ? QLatin1Char('&') : QLatin1Char('?')) + added.join(QLatin1Char('&'));
}

QString Settings::keyFile() const
{
    return text(QStringLiteral("security/keyFile"));
}

QString Settings::auditKeyFile() const
{
    return text(QStringLiteral("audit/keyFile"));
}

QString Settings::checkpointFolder() const
{
    const QString folder = text(QStringLiteral("audit/checkpointFolder"));
    return folder.isEmpty() ? defaultCheckpointFolder() : folder;
}

QString Settings::defaultCheckpointFolder()
{
    return QDir::homePath() + QStringLiteral("/.local/share/facegate/checkpoints");
}

qint64 Settings::usCitizenOrExemptRetentionSeconds() const
{
    return value(QStringLiteral("retention/usCitizenOrExemptHours")).toLongLong() * 3600;
}

qint64 Settings::inScopeRetentionSeconds() const
{
    return value(QStringLiteral("retention/inScopeDays")).toLongLong() * 24 * 3600;
}

int Settings::purgeIntervalMinutes() const
{
    return value(QStringLiteral("retention/purgeIntervalMinutes")).toInt();
}

int Settings::queueOverdueHours() const
{
    return value(QStringLiteral("queue/overdueHours")).toInt();
}

int Settings::queueClaimExpiryHours() const
{
    return value(QStringLiteral("queue/claimExpiryHours")).toInt();
}

int Settings::attestationHours() const
{
    return value(QStringLiteral("service/attestationHours")).toInt();
}

double Settings::fmrTarget() const
{
    return value(QStringLiteral("matching/fmr")).toString().toDouble();
}

double Settings::presentationAttackBpcer() const
{
    return value(QStringLiteral("presentationAttack/bpcer")).toDouble();
}

int Settings::lockoutFailures() const
{
    return value(QStringLiteral("security/lockoutFailures")).toInt();
}

int Settings::lockoutMinutes() const
{
    return value(QStringLiteral("security/lockoutMinutes")).toInt();
}

int Settings::sessionLockMinutes() const
{
    return value(QStringLiteral("security/sessionLockMinutes")).toInt();
}

QStringList Settings::captureSources() const
{
    return list(QStringLiteral("capture/sources"));
}

QString Settings::stationKind() const
{
    return text(QStringLiteral("station/kind"));
}

} // namespace fg
