#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace sinfonia::admin {

// A CSV file as IT writes it from a spreadsheet: UTF-8 (a leading BOM is ignored), records separated
// by LF or CRLF, fields by ';' or ',' (whichever the header line uses more), RFC 4180 quoting
// ("a;b", "he said ""hi"""). Blank lines are skipped. Each record keeps the number of the file line
// it starts on (the header is line 1), for the report of rejected lines.
struct CsvRecord
{
    int line = 0;
    QStringList fields;
};

struct CsvFile
{
    QStringList header; // trimmed, lower case
    QList<CsvRecord> records;
    QString error; // set when the file itself cannot be read (unterminated quote, no header)
};

CsvFile parseCsv(const QByteArray& content);

} // namespace sinfonia::admin
