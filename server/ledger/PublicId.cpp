#include "server/ledger/PublicId.h"

#include "server/ledger/SqlUtil.h"

#include <QRandomGenerator>

namespace sinfonia::ledger::PublicId {

QString generate()
{
    quint32 words[4];
    QRandomGenerator::system()->fillRange(words);
    const QByteArray raw(reinterpret_cast<const char*>(words), sizeof words);
    return QString::fromLatin1(raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

bool isWellFormed(const QString& id)
{
    if (id.size() != 22)
        return false;
    for (const QChar c : id) {
        const char16_t u = c.unicode();
        const bool ok
            = (u >= 'A' && u <= 'Z') || (u >= 'a' && u <= 'z') || (u >= '0' && u <= '9') || u == '-' || u == '_';
        if (!ok)
            return false;
    }
    return true;
}

Result<void> fillMissing(QSqlDatabase& db)
{
    for (const char* table : {"vouchers", "movements"}) {
        const QString name = QString::fromLatin1(table);
        auto ids = sql::all(db, QStringLiteral("SELECT id FROM %1 WHERE public_id IS NULL").arg(name));
        if (!ids)
            return ids.error();
        const QString update = QStringLiteral("UPDATE %1 SET public_id = ? WHERE id = ?").arg(name);
        for (const sql::Row& row : *ids) {
            auto r = sql::exec(db, update, {generate(), row.value("id")});
            if (!r)
                return r.error();
        }
    }
    return {};
}

} // namespace sinfonia::ledger::PublicId
