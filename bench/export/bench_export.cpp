// Export benchmark: 100,000 movements (10,000 with --quick) to CSV, XLSX and PDF. Prints a table
// and writes JSON: seconds per format, time to the first PDF page, file sizes and peak RSS
// (VmHWM, reset before each format through /proc/self/clear_refs).
#include "core/export/MovementExport.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <cstdio>

using namespace sinfonia;

namespace {
qint64 statusKb(const char* key)
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray prefix = QByteArray(key) + ':';
    for (const QByteArray& line : f.readAll().split('\n')) {
        if (line.startsWith(prefix))
            return line.mid(prefix.size()).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

void resetPeak()
{
    QFile f(QStringLiteral("/proc/self/clear_refs"));
    if (f.open(QIODevice::WriteOnly))
        f.write("5");
}

QList<ExportRow> makeRows(int n)
{
    QList<ExportRow> rows;
    rows.reserve(n);
    const QDateTime start(QDate(2026, 9, 1), QTime(8, 0), Qt::UTC);
    for (int i = 0; i < n; ++i) {
        rows.append({start.addSecs(qint64(i) * 67), QStringLiteral("VOB%1").arg(i, 12, 10, QLatin1Char('0')),
                     100 + (i * 37) % 50000, i % 7 == 0 ? MovementType::Cancellazione : MovementType::Acquisto,
                     i % 5 == 0 ? MovementState::InAttesa : MovementState::Confermato});
    }
    return rows;
}
} // namespace

int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    const QStringList args = app.arguments();
    const bool quick = args.contains(QStringLiteral("--quick"));
    const int jsonAt = int(args.indexOf(QStringLiteral("--json")));
    const QString jsonPath = jsonAt > 0 ? args.value(jsonAt + 1) : QString();
    const int rowsAt = int(args.indexOf(QStringLiteral("--rows")));
    const int n = rowsAt > 0 ? args.value(rowsAt + 1).toInt() : (quick ? 10000 : 100000);

    const QList<ExportRow> rows = makeRows(n);
    const qint64 baseKb = statusKb("VmRSS");
    // --keep DIR: leave the files there to look at them.
    const int keepAt = int(args.indexOf(QStringLiteral("--keep")));
    const QString keepDir = keepAt > 0 ? args.value(keepAt + 1) : QString();
    QTemporaryDir tmp;
    const QDir dir(keepDir.isEmpty() ? tmp.path() : keepDir);
    QJsonArray results;
    std::printf("%-6s %10s %14s %12s %14s\n", "format", "seconds", "first page s", "size MiB", "peak RSS MiB");
    for (ExportFormat format : {ExportFormat::Csv, ExportFormat::Xlsx, ExportFormat::Pdf}) {
        ExportRequest request;
        request.format = format;
        request.structureId = QStringLiteral("FAR001");
        request.structureName = QStringLiteral("Farmacia Avellino");
        request.from = QDate(2026, 9, 1);
        request.to = QDate(2026, 11, 26);
        request.filePath
            = dir.filePath(MovementExport::defaultFileName(format, request.structureId, request.from, request.to));
        resetPeak();
        QElapsedTimer timer;
        qint64 firstProgressNs = -1;
        timer.start();
        const auto result = MovementExport::write(request, rows, [&](qint64, qint64) {
            if (firstProgressNs < 0)
                firstProgressNs = timer.nsecsElapsed();
            return true;
        });
        const double seconds = double(timer.nsecsElapsed()) / 1e9;
        if (!result.ok()) {
            std::fprintf(stderr, "%s failed: %s\n", qPrintable(MovementExport::fileExtension(format)),
                         qPrintable(result.error().detail));
            return 1;
        }
        const double sizeMiB = double(QFileInfo(request.filePath).size()) / (1024.0 * 1024.0);
        const double peakMiB = double(statusKb("VmHWM")) / 1024.0;
        QJsonObject o {{QStringLiteral("format"), MovementExport::fileExtension(format)},
                       {QStringLiteral("rows"), n},
                       {QStringLiteral("seconds"), seconds},
                       {QStringLiteral("fileMiB"), sizeMiB},
                       {QStringLiteral("peakRssMiB"), peakMiB}};
        const double firstPage = double(firstProgressNs) / 1e9;
        if (format == ExportFormat::Pdf)
            o.insert(QStringLiteral("firstPageSeconds"), firstPage);
        results.append(o);
        std::printf("%-6s %10.3f %14s %12.2f %14.1f\n", qPrintable(MovementExport::fileExtension(format)), seconds,
                    format == ExportFormat::Pdf ? qPrintable(QString::number(firstPage, 'f', 3)) : "-", sizeMiB,
                    peakMiB);
        if (keepDir.isEmpty())
            QFile::remove(request.filePath);
    }
    std::printf("rows: %d, RSS with the rows in memory before exporting: %.1f MiB\n", n, double(baseKb) / 1024.0);
    if (!jsonPath.isEmpty()) {
        QJsonObject root {
            {QStringLiteral("bench"), QStringLiteral("export")},
            {QStringLiteral("rows"), n},
            {QStringLiteral("quick"), quick},
            {QStringLiteral("baseRssMiB"), double(baseKb) / 1024.0},
            {QStringLiteral("targets"), QStringLiteral("CSV <= 0.5 s, XLSX <= 3 s, PDF first page <= 1 s")},
            {QStringLiteral("results"), results}};
        QFile out(jsonPath);
        if (!out.open(QIODevice::WriteOnly) || out.write(QJsonDocument(root).toJson()) < 0) {
            std::fprintf(stderr, "cannot write %s\n", qPrintable(jsonPath));
            return 1;
        }
    }
    return 0;
}
