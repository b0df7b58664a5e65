// The review's photo view (ZoomablePhoto, offscreen): full resolution,
// zoom steps and their bounds, fitting, and a message in place of a photo.
#include "ui/widgets/ZoomablePhoto.h"

#include <QApplication>
#include <QGraphicsView>
#include <QImage>
#include <QLabel>
#include <QTest>
#include <QToolButton>
#include <QWheelEvent>

using namespace fg;

class TestZoomablePhoto : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void fitsALargePhotoAndZoomsInSteps()
    {
        ZoomablePhoto view;
        view.resize(400, 400);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QImage photo(2000, 1000, QImage::Format_RGB32);
        photo.fill(Qt::gray);
        view.setPhoto(photo, QStringLiteral("Capture · 2000 × 1000"));
        QVERIFY(view.hasPhoto());
        QCOMPARE(view.caption(), QStringLiteral("Capture · 2000 × 1000"));
        QVERIFY(view.message().isEmpty());
        // Fitted: the whole width inside the view, so well under full resolution.
        const double fitted = view.zoom();
        QVERIFY2(fitted > 0.1 && fitted < 0.25, qPrintable(QString::number(fitted)));

        view.findChild<QToolButton*>(QStringLiteral("actualSizeButton"))->click();
        QCOMPARE(view.zoom(), 1.0); // one photo pixel per screen pixel
        view.findChild<QToolButton*>(QStringLiteral("zoomInButton"))->click();
        QCOMPARE(view.zoom(), 1.25);
        view.findChild<QToolButton*>(QStringLiteral("zoomOutButton"))->click();
        view.findChild<QToolButton*>(QStringLiteral("zoomOutButton"))->click();
        QCOMPARE(view.zoom(), 0.8);
        for (int i = 0; i < 40; ++i)
            view.zoomIn();
        QCOMPARE(view.zoom(), 16.0); // bounded
        for (int i = 0; i < 80; ++i)
            view.zoomOut();
        QCOMPARE(view.zoom(), 0.05);
        view.findChild<QToolButton*>(QStringLiteral("fitButton"))->click();
        QCOMPARE(view.zoom(), fitted);
    }

    void ctrlWheelZooms()
    {
        ZoomablePhoto view;
        view.resize(400, 400);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QImage photo(300, 300, QImage::Format_RGB32);
        photo.fill(Qt::white);
        view.setPhoto(photo, QStringLiteral("Reference photo"));
        QCOMPARE(view.zoom(), 1.0); // fitting never enlarges a small photo
        QWidget* viewport = view.findChild<QGraphicsView*>(QStringLiteral("photoView"))->viewport();
        const QPointF centre(viewport->width() / 2.0, viewport->height() / 2.0);
        QWheelEvent up(centre, viewport->mapToGlobal(centre), QPoint(), QPoint(0, 120), Qt::NoButton,
                       Qt::ControlModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(viewport, &up);
        QCOMPARE(view.zoom(), 1.25);
        QWheelEvent plain(centre, viewport->mapToGlobal(centre), QPoint(), QPoint(0, 120), Qt::NoButton,
                          Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(viewport, &plain); // a plain wheel scrolls, it does not zoom
        QCOMPARE(view.zoom(), 1.25);
    }

    void messageInPlaceOfAPurgedPhoto()
    {
        ZoomablePhoto view;
        QImage photo(100, 100, QImage::Format_RGB32);
        photo.fill(Qt::black);
        view.setPhoto(photo, QStringLiteral("Capture"));
        view.setMessage(QStringLiteral("Capture"), QStringLiteral("Purged on 2026-12-11 by rule in-scope"));
        QVERIFY(!view.hasPhoto());
        QCOMPARE(view.message(), QStringLiteral("Purged on 2026-12-11 by rule in-scope"));
        QVERIFY(!view.findChild<QToolButton*>(QStringLiteral("zoomInButton"))->isEnabled());
        const double before = view.zoom();
        view.zoomIn(); // nothing to zoom
        QCOMPARE(view.zoom(), before);
    }
};

QTEST_MAIN(TestZoomablePhoto)
#include "tst_zoomablephoto.moc"
