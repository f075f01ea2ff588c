#pragma once

// Shared pieces of the reliability campaigns (T12, T14): the seed that makes a run replayable and
// SQLite's own verdict on a file after a crash or a corruption.
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QStringList>

namespace sinfonia::test {

// SINFONIA_TEST_SEED when set (to replay a failure), otherwise a fresh one; campaigns print it.
inline quint32 campaignSeed()
{
    bool ok = false;
    const quint32 s = qgetenv("SINFONIA_TEST_SEED").toUInt(&ok);
    return ok ? s : QRandomGenerator::system()->generate();
}

// PRAGMA integrity_check on a connection of its own: "ok" for a sound file. `readOnly` leaves a
// damaged file as it is; without it the open also replays a WAL, as the app's reopen would.
inline QString integrityCheck(const QString& path, bool readOnly)
{
    const QString name = QStringLiteral("integrity-%1").arg(path);
    QString result;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        if (readOnly)
            db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        QSqlQuery q(db);
        if (!db.open()) {
            result = QStringLiteral("cannot open");
        } else if (!q.exec(QStringLiteral("PRAGMA integrity_check"))) {
            result = QStringLiteral("integrity_check failed to run");
        } else {
            QStringList lines;
            while (q.next())
                lines << q.value(0).toString();
            result = lines.join(u'\n');
        }
    }
    QSqlDatabase::removeDatabase(name);
    return result;
}

} // namespace sinfonia::test
