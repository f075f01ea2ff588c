#pragma once

// Shared pieces of the reliability campaigns (T12, T14): the seed that makes a run replayable,
// SQLite's own verdict on a file after a crash or a corruption, and the damage T12 does to a file.
#include <QFile>
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

inline QByteArray readFile(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

inline bool writeFile(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

// Random bytes over 1-8 spans of up to 512 bytes at or after `from`.
inline void scribble(QByteArray& bytes, QRandomGenerator& rng, qsizetype from = 0)
{
    if (bytes.size() <= from)
        return;
    const int spans = 1 + int(rng.bounded(8));
    for (int s = 0; s < spans; ++s) {
        const qsizetype at = from + qsizetype(rng.bounded(quint32(bytes.size() - from)));
        const qsizetype len = qMin<qsizetype>(1 + rng.bounded(512), bytes.size() - at);
        for (qsizetype i = 0; i < len; ++i)
            bytes[at + i] = char(rng.bounded(256));
    }
}

// The seven ways T12 damages a cache file, each case's kind is its number modulo 7.
inline constexpr int damageKinds = 7;
inline const char* damageName(int kind)
{
    static const char* const names[damageKinds]
        = {"truncated", "random bytes", "torn WAL", "garbled WAL", "wrong header", "zeroed page", "garbage file"};
    return names[kind % damageKinds];
}

// A sound cache file in its two shapes: checkpointed (`clean`), and a main file whose last
// transactions are still in `wal` (`walMain`).
struct CacheFileSamples
{
    QByteArray clean;
    QByteArray walMain;
    QByteArray wal;
};

struct DamagedFile
{
    QByteArray main;
    QByteArray wal; // empty: no -wal file
};

inline DamagedFile damage(int kind, const CacheFileSamples& s, QRandomGenerator& rng)
{
    DamagedFile d {s.clean, {}};
    QByteArray& main = d.main;
    switch (kind % damageKinds) {
    case 0:
        main.truncate(qsizetype(rng.bounded(quint32(main.size()))));
        break;
    case 1:
        scribble(main, rng, 100);
        break;
    case 2:
        main = s.walMain;
        d.wal = s.wal.left(32 + qsizetype(rng.bounded(quint32(s.wal.size() - 32))));
        break;
    case 3:
        main = s.walMain;
        d.wal = s.wal;
        scribble(d.wal, rng);
        break;
    case 4: {
        const quint32 how = rng.bounded(3);
        if (how == 0)
            main.replace(0, 16, QByteArray("SQLite format 2\0", 16));
        else if (how == 1)
            main[16] = char(rng.bounded(256)), main[17] = char(0x7F); // page size not a power of two
        else
            for (int i = 0; i < 100; ++i)
                main[i] = char(rng.bounded(256));
        break;
    }
    case 5: {
        const qsizetype pages = main.size() / 4096;
        const qsizetype page = 1 + qsizetype(rng.bounded(quint32(pages - 1)));
        main.replace(page * 4096, 4096, QByteArray(4096, '\0'));
        break;
    }
    default:
        main = QByteArray(qsizetype(rng.bounded(65536)), '\0');
        for (char& b : main)
            b = char(rng.bounded(256));
        break;
    }
    return d;
}

} // namespace sinfonia::test
