#include "server/admin/Provisioning.h"

#include "core/domain/CodiceFiscale.h"
#include "core/domain/TesseraSanitaria.h"
#include "server/admin/Csv.h"
#include "server/ledger/Database.h"
#include "server/ledger/PublicId.h"
#include "server/ledger/SqlUtil.h"

#include <QHash>
#include <QMap>
#include <QRegularExpression>
#include <QSet>
#include <variant>

namespace sinfonia::admin {

namespace {

namespace sql = ledger::sql;
using Row = QMap<QString, QString>;

enum class Outcome
{
    Added,
    Changed,
    Unchanged
};

// What one line does: an outcome, a rejection (Italian reason) or a database failure.
using LineResult = std::variant<Outcome, QString, Error>;

constexpr int maxNameLength = 100;
constexpr qint64 maxVoucherCents = 100'000'000; // 1 million euro: anything above is a typo

QString field(const Row& row, const char* name)
{
    return row.value(QString::fromLatin1(name)).trimmed();
}

std::optional<QString> checkName(const QString& value, const QString& what)
{
    if (value.isEmpty())
        return QStringLiteral("%1 mancante").arg(what);
    if (value.size() > maxNameLength)
        return QStringLiteral("%1 troppo lungo (al massimo %2 caratteri)").arg(what).arg(maxNameLength);
    return std::nullopt;
}

std::optional<QString> checkStructureId(const QString& id)
{
    static const QRegularExpression re(QStringLiteral("^[A-Z0-9_-]{1,32}$"));
    if (id.isEmpty())
        return QStringLiteral("identificativo della struttura mancante");
    if (!re.match(id).hasMatch())
        return QStringLiteral("identificativo della struttura \"%1\" non valido: da 1 a 32 lettere maiuscole, cifre, "
                              "- o _")
            .arg(id.left(40));
    return std::nullopt;
}

// The normalised codice fiscale, or the reason it is refused.
std::variant<QString, QString> codiceFiscale(const QString& raw, QDate today)
{
    auto v = CodiceFiscale::validate(raw, today);
    if (!v)
        return std::variant<QString, QString>(std::in_place_index<1>, v.error().message);
    return std::variant<QString, QString>(std::in_place_index<0>, v->code);
}

std::optional<QDate> isoDate(const QString& s)
{
    static const QRegularExpression re(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}$"));
    if (!re.match(s).hasMatch())
        return std::nullopt;
    const QDate d = QDate::fromString(s, Qt::ISODate);
    if (!d.isValid())
        return std::nullopt;
    return d;
}

// Italian mobile numbers as the SMS gateway wants them: +39 and the digits.
std::optional<QString> phoneNumber(const QString& raw)
{
    QString p = raw;
    p.remove(QRegularExpression(QStringLiteral("[\\s.\\-/()]")));
    if (p.startsWith(QLatin1String("00")))
        p = QLatin1Char('+') + p.mid(2);
    static const QRegularExpression national(QStringLiteral("^3\\d{8,9}$"));
    if (national.match(p).hasMatch())
        p = QStringLiteral("+39") + p;
    static const QRegularExpression e164(QStringLiteral("^\\+\\d{8,15}$"));
    if (!e164.match(p).hasMatch())
        return std::nullopt;
    return p;
}

std::optional<bool> yesNo(const QString& raw)
{
    const QString v = raw.toLower();
    if (v == QLatin1String("si") || v == QLatin1String("sì") || v == QLatin1String("1") || v == QLatin1String("true"))
        return true;
    if (v == QLatin1String("no") || v == QLatin1String("0") || v == QLatin1String("false"))
        return false;
    return std::nullopt;
}

// Qt binds a null QString as SQL NULL; NOT NULL columns get an empty string.
QString notNull(const QString& s)
{
    return s.isNull() ? QStringLiteral("") : s;
}

class Importer
{
public:
    Importer(QSqlDatabase& db, QDate today)
        : m_db(db)
        , m_today(today)
    {
    }

    LineResult structure(const Row& row, int line)
    {
        const QString id = field(row, "id").toUpper();
        const QString name = field(row, "nome");
        const QString address = field(row, "indirizzo");
        if (auto bad = checkStructureId(id))
            return *bad;
        if (auto bad = checkName(name, QStringLiteral("nome della struttura")))
            return *bad;
        if (address.size() > 200)
            return QStringLiteral("indirizzo troppo lungo (al massimo 200 caratteri)");
        if (auto dup = seen(m_keys, id, line))
            return QStringLiteral("struttura %1 già presente alla riga %2 del file").arg(id).arg(*dup);
        auto cur = sql::first(m_db, QStringLiteral("SELECT name, address FROM structures WHERE id = ?"), {id});
        if (!cur)
            return cur.error();
        if (!cur->isValid())
            return run(QStringLiteral("INSERT INTO structures (id, name, address) VALUES (?, ?, ?)"),
                       {id, name, notNull(address)}, Outcome::Added);
        if (cur->value("name").toString() == name && cur->value("address").toString() == address)
            return Outcome::Unchanged;
        return run(QStringLiteral("UPDATE structures SET name = ?, address = ? WHERE id = ?"),
                   {name, notNull(address), id}, Outcome::Changed);
    }

    LineResult operatorLine(const Row& row, int line)
    {
        auto cfOr = codiceFiscale(field(row, "codice_fiscale"), m_today);
        if (cfOr.index() == 1)
            return std::get<1>(cfOr);
        const QString cf = std::get<0>(cfOr);
        const QString cognome = field(row, "cognome");
        const QString nome = field(row, "nome");
        const QString structureId = field(row, "struttura").toUpper();
        const QString role = field(row, "ruolo").toLower();
        if (auto bad = checkName(cognome, QStringLiteral("cognome")))
            return *bad;
        if (auto bad = checkName(nome, QStringLiteral("nome")))
            return *bad;
        if (auto bad = checkStructureId(structureId))
            return *bad;
        if (role != QLatin1String("titolare") && role != QLatin1String("dipendente"))
            return QStringLiteral("ruolo \"%1\" non valido: scrivi titolare o dipendente").arg(role.left(20));
        const auto enabled = yesNo(field(row, "abilitato"));
        if (!enabled)
            return QStringLiteral("abilitato deve essere si o no");
        static const QRegularExpression serviceRe(QStringLiteral("^[a-z0-9][a-z0-9-]{0,63}$"));
        QStringList services;
        for (const QString& s : field(row, "servizi").split(QLatin1Char('|'), Qt::SkipEmptyParts)) {
            const QString name = s.trimmed().toLower();
            if (name.isEmpty())
                continue;
            if (!serviceRe.match(name).hasMatch())
                return QStringLiteral("servizio \"%1\" non valido: lettere minuscole, cifre e -").arg(name.left(64));
            if (!services.contains(name))
                services << name;
        }
        services.sort();
        if (auto dup = seen(m_keys, cf + QLatin1Char('/') + structureId, line))
            return QStringLiteral("lo stesso operatore per la struttura %1 è già alla riga %2 del file")
                .arg(structureId)
                .arg(*dup);
        const QString person = cognome + QLatin1Char('\n') + nome;
        if (auto it = m_people.constFind(cf); it != m_people.constEnd() && it->first != person)
            return QStringLiteral("nome o cognome diversi da quelli della riga %1 per lo stesso codice fiscale")
                .arg(it->second);
        m_people.insert(cf, {person, line});

        auto st = sql::first(m_db, QStringLiteral("SELECT 1 AS present FROM structures WHERE id = ?"), {structureId});
        if (!st)
            return st.error();
        if (!st->isValid())
            return QStringLiteral("struttura %1 sconosciuta: importa prima il file delle strutture").arg(structureId);

        bool added = false;
        bool changed = false;
        auto op = sql::first(m_db, QStringLiteral("SELECT nome, cognome FROM operators WHERE cf = ?"), {cf});
        if (!op)
            return op.error();
        if (!op->isValid()) {
            if (auto e = exec(QStringLiteral("INSERT INTO operators (cf, nome, cognome) VALUES (?, ?, ?)"),
                              {cf, nome, cognome}))
                return *e;
            added = true;
        } else if (op->value("nome").toString() != nome || op->value("cognome").toString() != cognome) {
            if (auto e
                = exec(QStringLiteral("UPDATE operators SET nome = ?, cognome = ? WHERE cf = ?"), {nome, cognome, cf}))
                return *e;
            changed = true;
        }
        auto link = sql::first(
            m_db, QStringLiteral("SELECT role, enabled FROM operator_structures WHERE cf = ? AND structure_id = ?"),
            {cf, structureId});
        if (!link)
            return link.error();
        if (!link->isValid()) {
            if (auto e = exec(QStringLiteral("INSERT INTO operator_structures (cf, structure_id, role, enabled)"
                                             " VALUES (?, ?, ?, ?)"),
                              {cf, structureId, role, *enabled ? 1 : 0}))
                return *e;
            added = true;
        } else if (link->value("role").toString() != role || (link->value("enabled").toInt() == 1) != *enabled) {
            if (auto e = exec(QStringLiteral("UPDATE operator_structures SET role = ?, enabled = ?"
                                             " WHERE cf = ? AND structure_id = ?"),
                              {role, *enabled ? 1 : 0, cf, structureId}))
                return *e;
            changed = true;
        }
        auto current
            = sql::all(m_db, QStringLiteral("SELECT service FROM operator_services WHERE cf = ? AND structure_id = ?"),
                       {cf, structureId});
        if (!current)
            return current.error();
        QStringList have;
        for (const auto& r : *current)
            have << r.value("service").toString();
        have.sort();
        if (have != services) {
            if (auto e = exec(QStringLiteral("DELETE FROM operator_services WHERE cf = ? AND structure_id = ?"),
                              {cf, structureId}))
                return *e;
            for (const QString& s : services) {
                if (auto e = exec(QStringLiteral("INSERT INTO operator_services (cf, structure_id, service)"
                                                 " VALUES (?, ?, ?)"),
                                  {cf, structureId, s}))
                    return *e;
            }
            changed = true;
        }
        if (added)
            return Outcome::Added;
        return changed ? Outcome::Changed : Outcome::Unchanged;
    }

    LineResult beneficiary(const Row& row, int line)
    {
        auto cfOr = codiceFiscale(field(row, "codice_fiscale"), m_today);
        if (cfOr.index() == 1)
            return std::get<1>(cfOr);
        const QString cf = std::get<0>(cfOr);
        if (cf.size() != CodiceFiscale::length)
            return QStringLiteral("il codice fiscale di un beneficiario ha 16 caratteri");
        const QString cognome = field(row, "cognome");
        const QString nome = field(row, "nome");
        if (auto bad = checkName(cognome, QStringLiteral("cognome")))
            return *bad;
        if (auto bad = checkName(nome, QStringLiteral("nome")))
            return *bad;
        const auto phone = phoneNumber(field(row, "telefono"));
        if (!phone)
            return QStringLiteral("numero di telefono non valido: serve un cellulare, es. +393331234567");
        QString card;
        if (const QString rawCard = field(row, "tessera_sanitaria"); !rawCard.isEmpty()) {
            auto c = TesseraSanitaria::validate(rawCard);
            if (!c)
                return c.error().message;
            card = *c;
        }
        static const QRegularExpression numberRe(QStringLiteral("^[A-Z0-9-]{4,32}$"));
        const QString number = field(row, "voucher").toUpper();
        if (!numberRe.match(number).hasMatch())
            return QStringLiteral("numero del voucher non valido: da 4 a 32 lettere maiuscole, cifre o -");
        const auto activation = isoDate(field(row, "data_attivazione"));
        if (!activation)
            return QStringLiteral("data di attivazione non valida: scrivi AAAA-MM-GG, es. 2026-03-01");
        const auto expiry = isoDate(field(row, "data_scadenza"));
        if (!expiry)
            return QStringLiteral("data di scadenza non valida: scrivi AAAA-MM-GG, es. 2027-02-28");
        if (*expiry < *activation)
            return QStringLiteral("la data di scadenza precede la data di attivazione");
        static const QRegularExpression centsRe(QStringLiteral("^\\d{1,12}$"));
        const QString rawCents = field(row, "importo_centesimi");
        if (!centsRe.match(rawCents).hasMatch())
            return QStringLiteral("importo non valido: scrivi i centesimi senza separatori, es. 60000 per 600,00 euro");
        const qint64 cents = rawCents.toLongLong();
        if (cents <= 0 || cents > maxVoucherCents)
            return QStringLiteral("importo fuori dai limiti: da 1 centesimo a 1.000.000,00 euro");

        if (auto dup = seen(m_keys, number, line))
            return QStringLiteral("voucher %1 già presente alla riga %2 del file").arg(number).arg(*dup);
        const QString person
            = cognome + QLatin1Char('\n') + nome + QLatin1Char('\n') + *phone + QLatin1Char('\n') + card;
        if (auto it = m_people.constFind(cf); it != m_people.constEnd() && it->first != person)
            return QStringLiteral("dati del beneficiario diversi da quelli della riga %1 per lo stesso codice fiscale")
                .arg(it->second);
        m_people.insert(cf, {person, line});
        if (!card.isEmpty()) {
            if (auto it = m_cards.constFind(card); it != m_cards.constEnd() && it->first != cf)
                return QStringLiteral("tessera sanitaria già usata alla riga %1 da un altro beneficiario")
                    .arg(it->second);
            m_cards.insert(card, {cf, line});
            auto other = sql::first(
                m_db, QStringLiteral("SELECT cf FROM beneficiaries WHERE card_number = ? AND cf <> ?"), {card, cf});
            if (!other)
                return other.error();
            if (other->isValid())
                return QStringLiteral("tessera sanitaria già registrata per un altro beneficiario");
        }
        auto voucher = sql::first(m_db,
                                  QStringLiteral("SELECT beneficiary_cf, activation_date, expiry_date, initial_cents"
                                                 " FROM vouchers WHERE number = ?"),
                                  {number});
        if (!voucher)
            return voucher.error();
        if (voucher->isValid()) {
            if (voucher->value("beneficiary_cf").toString() != cf)
                return QStringLiteral("il voucher %1 esiste già per un altro beneficiario").arg(number);
            if (voucher->value("activation_date").toString() != activation->toString(Qt::ISODate)
                || voucher->value("expiry_date").toString() != expiry->toString(Qt::ISODate)
                || voucher->value("initial_cents").toLongLong() != cents)
                return QStringLiteral("il voucher %1 esiste già con date o importo diversi: un voucher emesso non si "
                                      "modifica con l'import")
                    .arg(number);
        }

        bool added = false;
        bool changed = false;
        auto ben = sql::first(
            m_db, QStringLiteral("SELECT nome, cognome, phone, card_number FROM beneficiaries WHERE cf = ?"), {cf});
        if (!ben)
            return ben.error();
        const QVariant cardValue = card.isEmpty() ? QVariant() : QVariant(card);
        if (!ben->isValid()) {
            if (auto e = exec(QStringLiteral("INSERT INTO beneficiaries (cf, nome, cognome, phone, card_number)"
                                             " VALUES (?, ?, ?, ?, ?)"),
                              {cf, nome, cognome, *phone, cardValue}))
                return *e;
            added = true;
        } else if (ben->value("nome").toString() != nome || ben->value("cognome").toString() != cognome
                   || ben->value("phone").toString() != *phone || ben->value("card_number").toString() != card) {
            if (auto e
                = exec(QStringLiteral("UPDATE beneficiaries SET nome = ?, cognome = ?, phone = ?, card_number = ?"
                                      " WHERE cf = ?"),
                       {nome, cognome, *phone, cardValue, cf}))
                return *e;
            changed = true;
        }
        if (!voucher->isValid()) {
            if (auto e = exec(
                    QStringLiteral("INSERT INTO vouchers (public_id, number, beneficiary_cf, state, activation_date,"
                                   " expiry_date, initial_cents, used_cents) VALUES (?, ?, ?, 'ATTIVO', ?, ?, ?, 0)"),
                    {ledger::PublicId::generate(), number, cf, activation->toString(Qt::ISODate),
                     expiry->toString(Qt::ISODate), sql::big(cents)}))
                return *e;
            added = true;
        }
        if (added)
            return Outcome::Added;
        return changed ? Outcome::Changed : Outcome::Unchanged;
    }

private:
    static std::optional<int> seen(QHash<QString, int>& keys, const QString& key, int line)
    {
        if (auto it = keys.constFind(key); it != keys.constEnd())
            return *it;
        keys.insert(key, line);
        return std::nullopt;
    }
    std::optional<Error> exec(const QString& text, const QVariantList& binds)
    {
        auto q = sql::exec(m_db, text, binds);
        if (!q)
            return q.error();
        return std::nullopt;
    }
    LineResult run(const QString& text, const QVariantList& binds, Outcome outcome)
    {
        if (auto e = exec(text, binds))
            return *e;
        return outcome;
    }

    QSqlDatabase& m_db;
    QDate m_today;
    QHash<QString, int> m_keys; // duplicate key of a line -> first line
    QHash<QString, QPair<QString, int>> m_people; // cf -> (personal data, first line)
    QHash<QString, QPair<QString, int>> m_cards; // card -> (cf, first line)
};

} // namespace

Provisioning::Provisioning(ledger::Database& db, const Clock& clock)
    : m_db(db)
    , m_clock(clock)
{
}

std::optional<Provisioning::Kind> Provisioning::kindFromName(const QString& name)
{
    const QString n = name.toLower();
    if (n == QLatin1String("structures") || n == QLatin1String("strutture"))
        return Kind::Structures;
    if (n == QLatin1String("operators") || n == QLatin1String("operatori"))
        return Kind::Operators;
    if (n == QLatin1String("beneficiaries") || n == QLatin1String("beneficiari"))
        return Kind::Beneficiaries;
    return std::nullopt;
}

QString Provisioning::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Structures:
        return QStringLiteral("strutture");
    case Kind::Operators:
        return QStringLiteral("operatori");
    case Kind::Beneficiaries:
        return QStringLiteral("beneficiari");
    }
    return {};
}

QStringList Provisioning::columns(Kind kind)
{
    switch (kind) {
    case Kind::Structures:
        return {QStringLiteral("id"), QStringLiteral("nome"), QStringLiteral("indirizzo")};
    case Kind::Operators:
        return {QStringLiteral("codice_fiscale"), QStringLiteral("cognome"), QStringLiteral("nome"),
                QStringLiteral("struttura"),      QStringLiteral("ruolo"),   QStringLiteral("abilitato"),
                QStringLiteral("servizi")};
    case Kind::Beneficiaries:
        return {QStringLiteral("codice_fiscale"),
                QStringLiteral("cognome"),
                QStringLiteral("nome"),
                QStringLiteral("telefono"),
                QStringLiteral("tessera_sanitaria"),
                QStringLiteral("voucher"),
                QStringLiteral("data_attivazione"),
                QStringLiteral("data_scadenza"),
                QStringLiteral("importo_centesimi")};
    }
    return {};
}

Provisioning::Report Provisioning::importCsv(Kind kind, const QByteArray& content, bool dryRun)
{
    Report report;
    report.kind = kind;
    const CsvFile file = parseCsv(content);
    if (!file.error.isEmpty()) {
        report.failure = makeError(QStringLiteral("import.file"), file.error);
        return report;
    }
    const QStringList wanted = columns(kind);
    QStringList missing;
    for (const QString& c : wanted) {
        if (!file.header.contains(c))
            missing << c;
    }
    QStringList unknown;
    for (const QString& c : file.header) {
        if (!wanted.contains(c))
            unknown << (c.isEmpty() ? QStringLiteral("(vuota)") : c);
    }
    if (!missing.isEmpty() || !unknown.isEmpty() || file.header.size() != wanted.size()) {
        QString msg = QStringLiteral("intestazione non valida per il file delle %1: servono le colonne %2")
                          .arg(kindName(kind), wanted.join(QLatin1Char(';')));
        if (!missing.isEmpty())
            msg += QStringLiteral("; mancano: ") + missing.join(QStringLiteral(", "));
        if (!unknown.isEmpty())
            msg += QStringLiteral("; sconosciute o ripetute: ") + unknown.join(QStringLiteral(", "));
        report.failure = makeError(QStringLiteral("import.header"), msg);
        return report;
    }

    ledger::WriteTransaction tx(m_db);
    if (!tx.ok()) {
        report.failure = *tx.beginError();
        return report;
    }
    Importer importer(tx.db(), m_clock.todayInRome());
    for (const CsvRecord& record : file.records) {
        ++report.lines;
        if (record.fields.size() != file.header.size()) {
            report.rejected << Rejected {
                record.line, QStringLiteral("%1 campi invece di %2").arg(record.fields.size()).arg(file.header.size())};
            continue;
        }
        Row row;
        for (qsizetype i = 0; i < file.header.size(); ++i)
            row.insert(file.header.at(i), record.fields.at(i));
        LineResult r = kind == Kind::Structures ? importer.structure(row, record.line)
            : kind == Kind::Operators           ? importer.operatorLine(row, record.line)
                                                : importer.beneficiary(row, record.line);
        if (auto* e = std::get_if<Error>(&r)) {
            report.failure = *e;
            return report; // the transaction rolls back
        }
        if (auto* reason = std::get_if<QString>(&r)) {
            report.rejected << Rejected {record.line, *reason};
            continue;
        }
        switch (std::get<Outcome>(r)) {
        case Outcome::Added:
            ++report.added;
            break;
        case Outcome::Changed:
            ++report.changed;
            break;
        case Outcome::Unchanged:
            ++report.unchanged;
            break;
        }
    }
    if (!report.rejected.isEmpty() || dryRun) {
        tx.rollback();
        return report;
    }
    if (auto c = tx.commit(); !c) {
        report.failure = c.error();
        return report;
    }
    report.applied = true;
    return report;
}

QString Provisioning::format(const Report& r)
{
    QString out;
    if (r.failure) {
        out += QStringLiteral("Import delle %1 non riuscito: %2").arg(kindName(r.kind), r.failure->message);
        if (!r.failure->detail.isEmpty() && r.failure->detail != r.failure->message)
            out += QStringLiteral(" (") + r.failure->detail + QLatin1Char(')');
        out += QStringLiteral("\nNessuna modifica applicata.\n");
        return out;
    }
    for (const Rejected& x : r.rejected)
        out += QStringLiteral("riga %1: %2\n").arg(x.line).arg(x.reason);
    out += QStringLiteral("%1: %2 righe, %3 nuove, %4 modificate, %5 invariate, %6 rifiutate\n")
               .arg(kindName(r.kind))
               .arg(r.lines)
               .arg(r.added)
               .arg(r.changed)
               .arg(r.unchanged)
               .arg(r.rejected.size());
    if (!r.rejected.isEmpty())
        out += QStringLiteral("Righe rifiutate: nessuna modifica applicata. Correggi il file e ripeti l'import.\n");
    else if (!r.applied)
        out += QStringLiteral("Prova (--dry-run): nessuna modifica applicata.\n");
    else
        out += QStringLiteral("Modifiche applicate: %1.\n").arg(r.changes());
    return out;
}

} // namespace sinfonia::admin
