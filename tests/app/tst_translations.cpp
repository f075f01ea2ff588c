// The Italian translation is complete, and the sources hold no string that the committed Italian
// file lacks (lupdate run on a temporary copy, as in translations/update.py).
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

namespace {

// Source texts of entries still marked unfinished (vanished and obsolete ones are ignored).
QStringList unfinishedEntries(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {QStringLiteral("<cannot open %1>").arg(path)};
    QStringList result;
    QXmlStreamReader xml(&file);
    QString source;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == QLatin1String("source")) {
            source = xml.readElementText();
        } else if (xml.name() == QLatin1String("translation")) {
            const QString type = xml.attributes().value(QLatin1String("type")).toString();
            if (type == QLatin1String("unfinished"))
                result.append(source);
        }
    }
    if (xml.hasError())
        result.append(QStringLiteral("<XML error: %1>").arg(xml.errorString()));
    return result;
}

const QString lupdatePath = QStringLiteral("/usr/lib/qt6/bin/lupdate");

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT
private slots:
    void italianIsComplete()
    {
        const QStringList missing
            = unfinishedEntries(QStringLiteral(SINFONIA_SOURCE_DIR "/translations/sinfonia_it.ts"));
        QVERIFY2(missing.isEmpty(),
                 qPrintable(QStringLiteral("unfinished Italian: ") + missing.join(QStringLiteral(" | "))));
    }

    void englishFileParses()
    {
        QFile file(QStringLiteral(SINFONIA_SOURCE_DIR "/translations/sinfonia_en.ts"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QXmlStreamReader xml(&file);
        while (!xml.atEnd())
            xml.readNext();
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    }

    void sourcesHaveNoNewStrings()
    {
        if (!QFile::exists(lupdatePath))
            QSKIP("lupdate not installed (package qt6-l10n-tools)");
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString copy = dir.filePath(QStringLiteral("sinfonia_it.ts"));
        QVERIFY(QFile::copy(QStringLiteral(SINFONIA_SOURCE_DIR "/translations/sinfonia_it.ts"), copy));
        QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);
        QProcess lupdate;
        lupdate.setWorkingDirectory(QStringLiteral(SINFONIA_SOURCE_DIR));
        lupdate.start(lupdatePath,
                      {QStringLiteral("-silent"), QStringLiteral("-locations"), QStringLiteral("none"),
                       QStringLiteral("-extensions"), QStringLiteral("cpp,h"), QStringLiteral("-I"),
                       QStringLiteral("."), QStringLiteral("app"), QStringLiteral("ui"), QStringLiteral("core"),
                       QStringLiteral("-ts"), copy});
        QVERIFY(lupdate.waitForFinished(120000));
        QCOMPARE(lupdate.exitCode(), 0);
        const QStringList added = unfinishedEntries(copy);
        QVERIFY2(added.isEmpty(),
                 qPrintable(QStringLiteral("strings missing from sinfonia_it.ts (run translations/update.py): ")
                            + added.join(QStringLiteral(" | "))));
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
