#pragma once

#include <QColor>
#include <QWidget>

#include <optional>

namespace fg {

// The comparison score on a bar from 0 to 1 with the decision threshold
// marked, and both written as numbers: the officer sees how far above or
// below the threshold a score is, not only which side.
class ScoreBar : public QWidget {
    Q_OBJECT
public:
    explicit ScoreBar(QWidget* parent = nullptr);

    // nullopt score: no comparison (no face) — only the threshold is drawn.
    // decisive false: the capture failed its quality checks, so the score
    // decides nothing: drawn grey whatever its side, never a green beside a
    // POOR QUALITY decision.
    void setScore(std::optional<double> score, double threshold, bool decisive = true);
    bool isDecisive() const { return m_decisive; }
    // The colour the score is drawn in: green at or above the threshold, red
    // below, grey when not decisive.
    QColor fillColor() const;
    std::optional<double> score() const { return m_score; }
    double threshold() const { return m_threshold; }
    // "score 0.62 · threshold 0.35" (also the accessible description).
    QString text() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void changeEvent(QEvent* event) override;
    void paintEvent(QPaintEvent* event) override;

private:
    // The tooltip and accessible description in the interface language
    // (called again on QEvent::LanguageChange).
    void retranslate();

    std::optional<double> m_score;
    double m_threshold = 0;
    bool m_decisive = true;
};

} // namespace fg
