#pragma once

#include "core/biometrics/QualityReport.h"

#include <QtGlobal>

#include <optional>

namespace fg {

// When to capture the traveler, and which frame to keep (ARCHITECTURE.md,
// data flow step 3): the best frame of a short window. A window opens by
// itself once the traveler's face has passed the quality checks on a few
// frames in a row (automatic capture), or at once when the officer asks
// (capture key), and closes after a time or a number of frames. One capture
// per traveler: after a window closes nothing opens again until reset()
// (next traveler). Pure logic, fed with each analysed frame's subject; the
// caller keeps the frame that offer() says is the best so far.
class CaptureSelector {
public:
    struct Options {
        bool automatic = true;   // open a window when quality passes
        int passesToOpen = 3;    // consecutive passing frames that open it
        qint64 windowMs = 700;   // how long a window collects
        int windowFrames = 12;   // or how many frames, whichever comes first
    };
    enum class State {
        Watching,   // waiting for quality (automatic) or the officer
        Collecting, // a window is open
        Done,       // captured; nothing more until reset()
    };
    enum class Verdict {
        Ignored,   // not collecting, or not better than the best so far
        NewBest,   // keep this frame: it is the best of the window so far
    };

    CaptureSelector() = default;
    explicit CaptureSelector(Options options);

    // How good a face is to keep: passing faces always rank above failing
    // ones; among them larger (eye distance), sharper and more frontal
    // faces rank higher. Comparable within one window only.
    static double score(const QualityReport& quality);

    // The officer's capture key: opens a window now (whatever the quality;
    // a failing best frame then gives POOR QUALITY). Ignored while collecting
    // or done.
    void request(qint64 nowMs);
    // Next traveler: back to watching, the best frame forgotten.
    void reset();
    void setAutomatic(bool automatic);

    // One analysed frame: its time and its traveler's face quality (nullopt:
    // no face). Tells whether to keep the frame as the new best.
    Verdict offer(qint64 nowMs, const std::optional<QualityReport>& subject);
    // After offer(): the window has just closed (state() is Done) and the
    // last kept frame is the capture. True once per window.
    bool takeCompleted();

    State state() const { return m_state; }
    const Options& options() const { return m_options; }
    // The best face of the window so far (nullopt: no face seen in it).
    const std::optional<QualityReport>& best() const { return m_best; }
    // The current or last window was opened by request(), not by quality.
    bool openedByRequest() const { return m_byRequest; }

private:
    void open(qint64 nowMs);

    Options m_options;
    State m_state = State::Watching;
    int m_passesInRow = 0;
    qint64 m_openedAtMs = 0;
    int m_framesInWindow = 0;
    std::optional<QualityReport> m_best;
    double m_bestScore = 0;
    bool m_completed = false;
    bool m_byRequest = false;
};

} // namespace fg
