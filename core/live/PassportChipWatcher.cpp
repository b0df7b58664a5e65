#include "core/live/PassportChipWatcher.h"

#include "core/documents/MrzParser.h"
#include "core/documents/emrtd/ChipAccessKey.h"
#include "core/documents/emrtd/CscaStore.h"
#include "core/documents/reader/PcscReader.h"

#include <opencv2/imgcodecs.hpp>

#include <vector>

namespace fg {
namespace {

// The photo as the desk shows and keeps it: JPEG as stored; JPEG 2000
// (which Qt's image readers here do not decode) converted to JPEG.
bool displayablePhoto(const FaceImage& image, QByteArray* photo, QString* format, QString* error)
{
    if (image.format == QLatin1String("JPEG")) {
        *photo = image.data;
        *format = QStringLiteral("jpeg");
        return true;
    }
    const cv::Mat encoded(1, int(image.data.size()), CV_8U, const_cast<char*>(image.data.constData()));
    cv::Mat decoded;
    try {
        decoded = cv::imdecode(encoded, cv::IMREAD_COLOR);
    } catch (const cv::Exception& exception) {
        *error = QStringLiteral("the chip's %1 photo cannot be decoded: %2").arg(image.format, QString::fromUtf8(exception.what()));
        return false;
    }
    std::vector<uchar> jpeg;
    if (decoded.empty() || !cv::imencode(".jpg", decoded, jpeg, {cv::IMWRITE_JPEG_QUALITY, 95})) {
        *error = QStringLiteral("the chip's %1 photo cannot be decoded").arg(image.format);
        return false;
    }
    *photo = QByteArray(reinterpret_cast<const char*>(jpeg.data()), qsizetype(jpeg.size()));
    *format = QStringLiteral("jpeg");
    return true;
}

} // namespace

PassportChipWatcher::PassportChipWatcher(Options options, QObject* parent)
    : QObject(parent)
    , m_options(std::move(options))
{
    qRegisterMetaType<fg::PassportChipWatcher::Reading>();
}

PassportChipWatcher::~PassportChipWatcher()
{
    stop();
}

void PassportChipWatcher::start()
{
    if (m_thread.joinable())
        return;
    m_stopping = false;
    m_thread = std::thread([this] { run(); });
}

void PassportChipWatcher::stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
        if (m_context)
            m_context->cancel();
    }
    m_wake.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

void PassportChipWatcher::readWith(const QStringList& mrzLines)
{
    std::lock_guard lock(m_mutex);
    m_pending = mrzLines;
    m_readThisCard = false;
    if (m_context)
        m_context->cancel(); // wakes the wait: the card there is read now
    m_wake.notify_all();
}

bool PassportChipWatcher::sleepFor(int ms)
{
    std::unique_lock lock(m_mutex);
    m_wake.wait_for(lock, std::chrono::milliseconds(ms), [this] { return m_stopping.load(); });
    return !m_stopping;
}

void PassportChipWatcher::say(const QString& what)
{
    if (what == m_lastProblem)
        return;
    m_lastProblem = what;
    if (!what.isEmpty())
        Q_EMIT problem(what);
}

void PassportChipWatcher::run()
{
    if (!m_options.cscaPath.isEmpty()) {
        QString error;
        std::optional<CscaStore> store = CscaStore::load(m_options.cscaPath, &error);
        if (store)
            m_store = std::make_unique<CscaStore>(std::move(*store));
        else
            Q_EMIT problem(QStringLiteral("the trusted CSCAs (documents/csca) cannot be read: %1; chips are read but "
                                          "cannot be verified")
                               .arg(error));
    }
    std::unique_ptr<PcscContext> context;
    QString lastReader;
    bool lastPresent = false;
    while (!m_stopping) {
        QString error;
        if (!context) {
            context = PcscContext::establish(&error);
            if (!context) {
                say(QStringLiteral("no smart card service: %1").arg(error));
                if (!sleepFor(2000))
                    break;
                continue;
            }
        }
        const std::optional<QStringList> readers = context->readers(&error);
        if (!readers) {
            say(error);
            context.reset();
            if (!sleepFor(2000))
                break;
            continue;
        }
        QString reader;
        if (m_options.reader == QLatin1String("any"))
            reader = readers->isEmpty() ? QString() : readers->front();
        else if (readers->contains(m_options.reader))
            reader = m_options.reader;
        if (reader.isEmpty()) {
            say(m_options.reader == QLatin1String("any")
                    ? QStringLiteral("no card reader is connected")
                    : QStringLiteral("the card reader \"%1\" is not connected (connected: %2)")
                          .arg(m_options.reader, readers->isEmpty() ? QStringLiteral("none") : readers->join(QStringLiteral(", "))));
            if (!sleepFor(m_options.pollMs))
                break;
            continue;
        }
        say(QString());

        std::optional<QStringList> zone;
        {
            std::lock_guard lock(m_mutex);
            if (m_stopping)
                break;
            if (m_pending && !m_readThisCard)
                zone = m_pending;
            m_context = context.get();
        }
        // Wait for what would change something: a card when there is none,
        // its leaving when it is there (and read, or no zone to read it with).
        const bool waitingForLeave = lastPresent && !zone;
        const std::optional<bool> changed = waitingForLeave ? context->waitForNoCard(reader, m_options.pollMs, &error)
                                                            : context->waitForCard(reader, m_options.pollMs, &error);
        {
            std::lock_guard lock(m_mutex);
            m_context = nullptr;
        }
        if (m_stopping)
            break;
        if (!changed) {
            // Cancelled by readWith (look again), or the reader went away.
            if (error.contains(QLatin1String("cancel"), Qt::CaseInsensitive))
                continue;
            // The reader or the service went away: said, and looked for
            // again after a pause (a service that fails at once would
            // otherwise be asked again and again).
            say(error);
            context.reset();
            if (!sleepFor(m_options.pollMs))
                break;
            continue;
        }
        const bool present = waitingForLeave ? !*changed : *changed;
        if (present != lastPresent || reader != lastReader) {
            lastPresent = present;
            lastReader = reader;
            if (!present) {
                std::lock_guard lock(m_mutex);
                m_readThisCard = false;
            }
            Q_EMIT cardChanged(reader, present);
        }
        if (present && zone)
            readCard(*context, reader, *zone);
    }
}

void PassportChipWatcher::readCard(PcscContext& context, const QString& reader, const QStringList& zone)
{
    {
        std::lock_guard lock(m_mutex);
        m_readThisCard = true;
    }
    const auto failed = [&](const QString& why, ChipSession::Failure failure) {
        if (failure == ChipSession::Failure::WrongKey) {
            std::lock_guard lock(m_mutex);
            m_pending.reset(); // the officer gives the zone again
        }
        Q_EMIT chipFailed(reader, why, int(failure));
    };
    const QDateTime now = m_options.now();
    const MrzResult parsed = MrzParser::parse(zone.join(QLatin1Char('\n')), now.toUTC().date());
    QString error;
    const std::optional<ChipAccessKey> key =
        parsed.document ? ChipAccessKey::fromMrz(*parsed.document, &error) : std::nullopt;
    if (!key) {
        failed(QStringLiteral("the MRZ given cannot open a chip: %1")
                   .arg(parsed.document ? error
                        : parsed.problems.empty() ? QStringLiteral("it cannot be read")
                                                  : parsed.problems.front().message),
               ChipSession::Failure::WrongKey);
        return;
    }
    const std::unique_ptr<PcscCard> card = context.connect(reader, &error);
    if (!card) {
        failed(error, ChipSession::Failure::Transport);
        return;
    }
    PassportChip::Options options;
    options.deadline = QDeadlineTimer(m_options.readTimeoutMs);
    options.cancel = &m_stopping;
    options.progress = [this](const QString& file, qsizetype bytes, qsizetype total) {
        Q_EMIT progress(file, bytes, total);
    };
    ChipSession::Failure failure = ChipSession::Failure::None;
    std::optional<ChipDocument> document =
        PassportChip::read(*card, *key, m_store.get(), now, zone, options, &error, &failure);
    if (!document) {
        failed(error, failure);
        return;
    }
    Reading reading{reader, std::move(*document), {}, {}};
    if (reading.document.photo) {
        QString why;
        if (!displayablePhoto(*reading.document.photo, &reading.photo, &reading.photoFormat, &why))
            reading.document.photoProblem = why;
    }
    {
        // Read: the next card needs the next traveler's zone.
        std::lock_guard lock(m_mutex);
        m_pending.reset();
    }
    Q_EMIT chipRead(reading);
}

} // namespace fg
