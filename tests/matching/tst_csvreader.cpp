// CsvReader: the RFC 4180 subset the manifests and the eval CSVs are written in.
#include "core/matching/CsvReader.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using fg::CsvReader;

class TestCsvReader : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString write(const QByteArray& text)
    {
        const QString path = m_dir.filePath(QStringLiteral("%1.csv").arg(++m_files));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size())
            return {};
        return path;
    }
    int m_files = 0;

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void headerRowsAndLines()
    {
        // CRLF line ends, a blank line, a quoted field spanning two lines.
        const QString path = write("a,b,c\r\n1,2,3\r\n\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\n4,5,6");
        QString error;
        const std::optional<CsvReader> csv = CsvReader::readFile(path, &error);
        QVERIFY2(csv, qPrintable(error));
        QCOMPARE(csv->header(), (QStringList{"a", "b", "c"}));
        QCOMPARE(csv->column("c"), 2);
        QCOMPARE(csv->column("missing"), -1);
        QCOMPARE(csv->rows().size(), size_t(3));
        QCOMPARE(csv->rows()[0], (QStringList{"1", "2", "3"}));
        QCOMPARE(csv->rows()[1], (QStringList{"x, y", "say \"hi\"", "two\nlines"}));
        QCOMPARE(csv->rows()[2], (QStringList{"4", "5", "6"}));
        QCOMPARE(csv->lineOf(0), 2);
        QCOMPARE(csv->lineOf(1), 4);
        QCOMPARE(csv->lineOf(2), 6); // after the two-line field
    }

    void refusals_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("reason");
        QTest::newRow("empty file") << QByteArray() << "empty CSV file (a header row is expected)";
        QTest::newRow("blank lines only") << QByteArray("\n\n") << "empty CSV file";
        QTest::newRow("open quote") << QByteArray("a,b\n1,2\n\"3,4\n") << ":3: a quoted field is not closed";
    }
    void refusals()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, reason);
        const QString path = write(text);
        QString error;
        QVERIFY(!CsvReader::readFile(path, &error));
        QVERIFY2(error.startsWith(path) && error.contains(reason), qPrintable(error));
    }

    void missingFile()
    {
        QString error;
        QVERIFY(!CsvReader::readFile(m_dir.filePath("absent.csv"), &error));
        QVERIFY2(error.startsWith(m_dir.filePath("absent.csv")), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestCsvReader)
#include "tst_csvreader.moc"
