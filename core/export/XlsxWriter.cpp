// XLSX with libxlsxwriter in constant_memory mode: each row goes to disk as it is written, so
// 100,000 rows take the memory of one row. Strings are written inline (no shared string table).
#include "core/domain/Clock.h"
#include "core/export/MovementExport.h"

#include <QFile>
#include <QRegularExpression>
#include <cstdio>
#include <xlsxwriter.h>

namespace sinfonia::MovementExport {

namespace {
lxw_datetime toLxw(const QDateTime& utc)
{
    const QDateTime local = utc.toTimeZone(Clock::rome());
    const QDate d = local.date();
    const QTime t = local.time();
    return lxw_datetime {d.year(), d.month(), d.day(), t.hour(), t.minute(), double(t.second())};
}
// A text cell as Excel will read it back: formula characters guarded as in the CSV, and every "_x"
// escaped as "_x005F_x". Excel decodes "_xHHHH_" as the character U+HHHH ("_x003D_" is "="), and
// libxlsxwriter writes control characters that way, so "_x003D" + U+0013 would come back as "=".
QByteArray cellText(const QString& text)
{
    static const QRegularExpression excelEscape(QStringLiteral("_([xX])"));
    QString guarded = guardFormula(text);
    guarded.replace(excelEscape, QStringLiteral("_x005F_\\1"));
    return guarded.toUtf8();
}
} // namespace

Result<void> writeXlsx(const ExportRequest& request, const QList<ExportRow>& rows, const ExportProgress& progress)
{
    // A worksheet holds LXW_ROW_MAX rows, the header included; libxlsxwriter refuses the rest one by
    // one, so a longer list would leave a file that silently lacks movements.
    if (rows.size() > qsizetype(LXW_ROW_MAX) - 1)
        return tooManyRowsError(qint64(LXW_ROW_MAX) - 1);
    const QString tmpPath = request.filePath + QStringLiteral(".part");
    const QByteArray tmpName = QFile::encodeName(tmpPath);
    lxw_workbook_options options {};
    options.constant_memory = LXW_TRUE;
    lxw_workbook* book = workbook_new_opt(tmpName.constData(), &options);
    if (!book)
        return writeError(request.filePath, QStringLiteral("workbook_new failed"));

    QByteArray titleUtf8 = title(request).toUtf8();
    lxw_doc_properties props {};
    props.title = titleUtf8.data();
    workbook_set_properties(book, &props);

    lxw_worksheet* sheet = workbook_add_worksheet(book, request.training ? "PROVA Movimenti" : "Movimenti");
    lxw_format* bold = workbook_add_format(book);
    format_set_bold(bold);
    lxw_format* money = workbook_add_format(book);
    format_set_num_format(money, "#,##0.00 \xE2\x82\xAC");
    lxw_format* when = workbook_add_format(book);
    format_set_num_format(when, "dd/mm/yyyy hh:mm");
    worksheet_set_column(sheet, 0, 0, 18, nullptr);
    worksheet_set_column(sheet, 1, 1, 24, nullptr);
    worksheet_set_column(sheet, 2, 2, 14, nullptr);
    worksheet_set_column(sheet, 3, 5, 16, nullptr);
    worksheet_freeze_panes(sheet, 1, 0);

    const QStringList titles = headers(request.training);
    const QByteArray mark = trainingMark().toUtf8();
    // The first cell libxlsxwriter refuses (a text over 32,767 characters, say) fails the export:
    // a sheet with a cell missing is not the list the clerk asked for.
    lxw_error refused = LXW_NO_ERROR;
    const auto check = [&refused](lxw_error e) {
        if (e != LXW_NO_ERROR && refused == LXW_NO_ERROR)
            refused = e;
    };
    for (int c = 0; c < titles.size(); ++c)
        check(worksheet_write_string(sheet, 0, lxw_col_t(c), titles.at(c).toUtf8().constData(), bold));

    const qint64 total = rows.size();
    const QByteArray typeNames[]
        = {displayName(MovementType::Acquisto).toUtf8(), displayName(MovementType::Cancellazione).toUtf8()};
    const QByteArray stateNames[]
        = {displayName(MovementState::InAttesa).toUtf8(), displayName(MovementState::Confermato).toUtf8()};
    const auto stateCell = [&stateNames](const ExportRow& r) -> QByteArray {
        if (r.state == MovementState::InAttesa)
            return stateNames[0];
        if (r.state == MovementState::Confermato)
            return stateNames[1];
        return cellText(r.stateText());
    };
    bool cancelled = false;
    for (qint64 i = 0; i < total; ++i) {
        const ExportRow& r = rows.at(i);
        const auto row = lxw_row_t(i + 1);
        if (r.createdAt.isValid()) {
            lxw_datetime dt = toLxw(r.createdAt);
            check(worksheet_write_datetime(sheet, row, 0, &dt, when));
        }
        check(worksheet_write_string(sheet, row, 1, cellText(r.code).constData(), nullptr));
        check(worksheet_write_number(sheet, row, 2, double(r.amountCents) / 100.0, money));
        check(worksheet_write_string(sheet, row, 3, typeNames[r.type == MovementType::Acquisto ? 0 : 1].constData(),
                                     nullptr));
        check(worksheet_write_string(sheet, row, 4, stateCell(r).constData(), nullptr));
        if (request.training)
            check(worksheet_write_string(sheet, row, 5, mark.constData(), bold));
        if (refused != LXW_NO_ERROR)
            break;
        if (progress && (i % 1000 == 999) && !progress(i + 1, total)) {
            cancelled = true;
            break;
        }
    }
    check(worksheet_autofilter(sheet, 0, 0, lxw_row_t(total), request.training ? 5 : 4));

    const lxw_error closed = workbook_close(book);
    if (cancelled || refused != LXW_NO_ERROR || closed != LXW_NO_ERROR) {
        QFile::remove(tmpPath);
        if (cancelled)
            return cancelledError();
        return writeError(request.filePath,
                          QString::fromUtf8(lxw_strerror(refused != LXW_NO_ERROR ? refused : closed)));
    }
    // rename(2) replaces an existing file atomically.
    if (std::rename(tmpName.constData(), QFile::encodeName(request.filePath).constData()) != 0) {
        QFile::remove(tmpPath);
        return writeError(request.filePath, QStringLiteral("rename failed"));
    }
    if (progress)
        progress(total, total);
    return {};
}

} // namespace sinfonia::MovementExport
