#pragma once

#include <QObject>
#include <QSocketNotifier>

#include <memory>

namespace fg {

// SIGTERM and SIGINT as a Qt signal: the handler only writes the signal's
// number into a socket pair (async-signal-safe), and a QSocketNotifier reads
// it in the event loop, where shutting down is safe. One per process.
class SignalWatcher : public QObject {
    Q_OBJECT

public:
    explicit SignalWatcher(QObject* parent = nullptr);
    ~SignalWatcher() override;

    // Installs the handlers; false with *error when the socket pair or a handler cannot be made.
    bool watch(QString* error);

Q_SIGNALS:
    void signalled(int number);

private:
    void onReadable();

    std::unique_ptr<QSocketNotifier> m_notifier;
};

} // namespace fg
