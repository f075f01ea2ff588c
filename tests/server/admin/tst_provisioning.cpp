// Provisioning from CSV (issue 15): the importer on SQLite and PostgreSQL (validation line by line,
// duplicates in the file and against the database, one transaction per file, idempotence), and the
// `sinfonia-server ... import` command (exit status, report, sandbox databases refused).
#include "ProvisioningSamples.h"
#include "server/admin/Provisioning.h"
#include "server/ledger/Database.h"
#include "tests/server/ledger/LedgerFixture.h"
#include "tests/support/TestServer.h"

#include <QFile>
#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace sinfonia;
using namespace sinfonia::ledger::test;
namespace samples = sinfonia::test::samples;
using Kind = admin::Provisioning::Kind;

class TestProvisioning : public QObject
{
    Q_OBJECT
public:
    explicit TestProvisioning(Backend b)
        : m_backend(b)
    {
    }

private slots:
    void init();
    void cleanup() { m_test.reset(); }

    void importsEveryKindAndIsIdempotent();
    void aBadLineIsReportedAndChangesNothing();
    void duplicatesInsideTheFile();
    void duplicatesAgainstTheDatabase();
    void aChangedLineIsApplied();
    void operatorsNeedTheirStructure();
    void headerMustMatch();
    void dryRunChangesNothing();
    void theExamplesOfTheGuideImport();
    void commandImportsAndRepeats();
    void commandRefusesSandboxDatabases();

private:
    admin::Provisioning::Report import(Kind kind, const QByteArray& csv, bool dryRun = false)
    {
        admin::Provisioning p(m_test->db(), m_clock);
        return p.importCsv(kind, csv, dryRun);
    }
    qint64 count(const QString& sql)
    {
        QSqlQuery q(m_test->db().connection());
        if (!q.exec(sql) || !q.next())
            return -1;
        return q.value(0).toLongLong();
    }
    QString one(const QString& sql)
    {
        QSqlQuery q(m_test->db().connection());
        if (!q.exec(sql) || !q.next())
            return QStringLiteral("<none>");
        return q.value(0).toString();
    }
    QDate today() const { return m_clock.todayInRome(); }
    QByteArray beneficiariesHeader() const
    {
        return "codice_fiscale;cognome;nome;telefono;tessera_sanitaria;voucher;data_attivazione;data_scadenza;"
               "importo_centesimi\n";
    }
    // Runs the real server binary with an import command; returns the exit code, fills *out.
    int runCommand(const QStringList& args, QString* out);

    Backend m_backend;
    ManualClock m_clock {LedgerEnv::defaultNow()};
    std::unique_ptr<TestDatabase> m_test;
};

void TestProvisioning::init()
{
    QString reason;
    m_test = TestDatabase::create(m_backend, &reason);
    if (!m_test && reason.startsWith(QLatin1String("SINFONIA_TEST_PG not set")))
        QSKIP(qPrintable(reason));
    QVERIFY2(m_test, qPrintable(reason));
}

void TestProvisioning::importsEveryKindAndIsIdempotent()
{
    auto s = import(Kind::Structures, samples::structuresCsv());
    QVERIFY2(s.ok(), qPrintable(admin::Provisioning::format(s)));
    QCOMPARE(s.lines, 2);
    QCOMPARE(s.added, 2);
    QVERIFY(s.applied);
    QCOMPARE(one(QStringLiteral("SELECT name FROM structures WHERE id = 'PAR102'")),
             QStringLiteral("Parafarmacia \"Il Golfo\""));
    QCOMPARE(one(QStringLiteral("SELECT address FROM structures WHERE id = 'PAR102'")),
             QStringLiteral("Via Toledo 5; Napoli"));

    auto o = import(Kind::Operators, samples::operatorsCsv());
    QVERIFY2(o.ok(), qPrintable(admin::Provisioning::format(o)));
    QCOMPARE(o.lines, 4);
    QCOMPARE(o.added, 4);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM operators")), 3);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM operator_structures WHERE enabled = 1")), 3);
    QCOMPARE(one(QStringLiteral("SELECT role FROM operator_structures WHERE cf = '%1' AND structure_id = 'PAR102'")
                     .arg(samples::titolareCf())),
             QStringLiteral("titolare"));
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM operator_services WHERE service = 'voucher-secondogeniti'")),
             4);
    QCOMPARE(one(QStringLiteral("SELECT enabled FROM operator_structures WHERE cf = '%1'").arg(samples::disabledCf())),
             QStringLiteral("0"));

    auto b = import(Kind::Beneficiaries, samples::beneficiariesCsv(today()));
    QVERIFY2(b.ok(), qPrintable(admin::Provisioning::format(b)));
    QCOMPARE(b.lines, 3);
    QCOMPARE(b.added, 3);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM beneficiaries")), 2);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM vouchers WHERE state = 'ATTIVO' AND used_cents = 0")), 3);
    QCOMPARE(count(QStringLiteral("SELECT initial_cents FROM vouchers WHERE number = 'VOB900001002'")), 25050);
    QCOMPARE(one(QStringLiteral("SELECT phone FROM beneficiaries WHERE cf = '%1'").arg(samples::secondBeneficiaryCf())),
             QStringLiteral("+393403334444")); // "340 333 4444" normalised
    QCOMPARE(one(QStringLiteral("SELECT card_number FROM beneficiaries WHERE cf = '%1'").arg(samples::beneficiaryCf())),
             samples::beneficiaryCard());

    // The same files again: nothing changes, every line is reported unchanged.
    for (auto [kind, csv] :
         {std::pair {Kind::Structures, samples::structuresCsv()}, std::pair {Kind::Operators, samples::operatorsCsv()},
          std::pair {Kind::Beneficiaries, samples::beneficiariesCsv(today())}}) {
        auto again = import(kind, csv);
        QVERIFY2(again.ok(), qPrintable(admin::Provisioning::format(again)));
        QCOMPARE(again.changes(), 0);
        QCOMPARE(again.unchanged, again.lines);
        QVERIFY(admin::Provisioning::format(again).contains(QStringLiteral("Modifiche applicate: 0.")));
    }
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM vouchers")), 3);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM operator_services")), 4);
}

void TestProvisioning::aBadLineIsReportedAndChangesNothing()
{
    const QString cf = samples::beneficiaryCf();
    QString badCheck = cf;
    badCheck[15] = badCheck[15] == QLatin1Char('A') ? QLatin1Char('B') : QLatin1Char('A');
    QString badCard = samples::beneficiaryCard();
    badCard[19] = badCard[19] == QLatin1Char('0') ? QLatin1Char('1') : QLatin1Char('0');
    const QString from = today().toString(Qt::ISODate);
    const QString to = today().addYears(1).toString(Qt::ISODate);
    QByteArray csv = beneficiariesHeader();
    csv += (cf + QStringLiteral(";Amato;Lucia;+393401112222;;VOB1;") + from + QLatin1Char(';') + to
            + QStringLiteral(";100\n"))
               .toUtf8(); // line 2: fine
    csv += (badCheck + QStringLiteral(";Amato;Lucia;+393401112222;;VOB2;") + from + QLatin1Char(';') + to
            + QStringLiteral(";100\n"))
               .toUtf8(); // line 3: check character
    csv += (samples::secondBeneficiaryCf() + QStringLiteral(";Serra;Nadia;+393401112223;") + badCard
            + QStringLiteral(";VOB3;") + from + QLatin1Char(';') + to + QStringLiteral(";100\n"))
               .toUtf8(); // line 4: card check digit
    csv += (cf + QStringLiteral(";Amato;Lucia;+393401112222;;VOB4;") + from + QStringLiteral(";31/12/2030;100\n"))
               .toUtf8(); // line 5: date format
    csv += (cf + QStringLiteral(";Amato;Lucia;+393401112222;;VOB5;") + from + QLatin1Char(';') + to
            + QStringLiteral(";0\n"))
               .toUtf8(); // line 6: zero amount
    csv += (cf + QStringLiteral(";Amato;Lucia;+393401112222;;VOB6;") + from + QLatin1Char(';') + to
            + QStringLiteral(";12,50\n"))
               .toUtf8(); // line 7: not cents
    csv += (cf + QStringLiteral(";Amato;Lucia;12;;VOB7;") + from + QLatin1Char(';') + to + QStringLiteral(";100\n"))
               .toUtf8(); // line 8: phone
    csv += (cf + QStringLiteral(";Amato;Lucia;+393401112222;;VOB8;") + to + QLatin1Char(';') + from
            + QStringLiteral(";100\n"))
               .toUtf8(); // line 9: expiry before activation
    csv += QByteArrayLiteral("solo;tre;campi\n"); // line 10
    auto r = import(Kind::Beneficiaries, csv);
    QVERIFY(!r.ok());
    QVERIFY(!r.applied);
    QList<int> lines;
    for (const auto& x : r.rejected)
        lines << x.line;
    QCOMPARE(lines, (QList<int> {3, 4, 5, 6, 7, 8, 9, 10}));
    QVERIFY2(r.rejected.at(0).reason.contains(QStringLiteral("16º carattere")), qPrintable(r.rejected.at(0).reason));
    QVERIFY2(r.rejected.at(1).reason.contains(QStringLiteral("Tessera"), Qt::CaseInsensitive),
             qPrintable(r.rejected.at(1).reason));
    QVERIFY(r.rejected.at(2).reason.contains(QStringLiteral("AAAA-MM-GG")));
    QVERIFY(r.rejected.at(3).reason.contains(QStringLiteral("importo")));
    QVERIFY(r.rejected.at(4).reason.contains(QStringLiteral("centesimi")));
    QVERIFY(r.rejected.at(5).reason.contains(QStringLiteral("telefono")));
    QVERIFY(r.rejected.at(6).reason.contains(QStringLiteral("precede")));
    QVERIFY(r.rejected.at(7).reason.contains(QStringLiteral("campi")));
    const QString text = admin::Provisioning::format(r);
    QVERIFY2(text.contains(QStringLiteral("riga 3: ")), qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("nessuna modifica applicata")));
    // Line 2 was good, but the file is one transaction: nothing went in.
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM beneficiaries")), 0);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM vouchers")), 0);
}

void TestProvisioning::duplicatesInsideTheFile()
{
    auto s = import(Kind::Structures, QByteArrayLiteral("id,nome,indirizzo\nFAR1,Uno,\nFAR2,Due,\r\nfar1,Uno bis,\n"));
    QCOMPARE(s.rejected.size(), 1);
    QCOMPARE(s.rejected.first().line, 4);
    QVERIFY(s.rejected.first().reason.contains(QStringLiteral("riga 2")));
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM structures")), 0);

    const QString from = today().toString(Qt::ISODate);
    const QString to = today().addYears(1).toString(Qt::ISODate);
    const QString card = samples::beneficiaryCard();
    QByteArray csv = beneficiariesHeader();
    csv += (samples::beneficiaryCf() + QStringLiteral(";Amato;Lucia;+393401112222;") + card + QStringLiteral(";VOB1;")
            + from + QLatin1Char(';') + to + QStringLiteral(";100\n"))
               .toUtf8();
    csv += (samples::beneficiaryCf() + QStringLiteral(";Amato;Lucia;+393401112222;") + card + QStringLiteral(";VOB1;")
            + from + QLatin1Char(';') + to + QStringLiteral(";100\n"))
               .toUtf8(); // same voucher twice
    csv += (samples::beneficiaryCf() + QStringLiteral(";Amato;Lucia;+393409999999;") + card + QStringLiteral(";VOB2;")
            + from + QLatin1Char(';') + to + QStringLiteral(";100\n"))
               .toUtf8(); // same person, other phone
    csv += (samples::secondBeneficiaryCf() + QStringLiteral(";Serra;Nadia;+393401112223;") + card
            + QStringLiteral(";VOB3;") + from + QLatin1Char(';') + to + QStringLiteral(";100\n"))
               .toUtf8(); // card of another person
    auto b = import(Kind::Beneficiaries, csv);
    QCOMPARE(b.rejected.size(), 3);
    QCOMPARE(b.rejected.at(0).line, 3);
    QVERIFY(b.rejected.at(0).reason.contains(QStringLiteral("VOB1")));
    QCOMPARE(b.rejected.at(1).line, 4);
    QVERIFY(b.rejected.at(1).reason.contains(QStringLiteral("riga 2")));
    QCOMPARE(b.rejected.at(2).line, 5);
    QVERIFY(b.rejected.at(2).reason.contains(QStringLiteral("tessera")));
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM vouchers")), 0);
}

void TestProvisioning::duplicatesAgainstTheDatabase()
{
    QVERIFY(import(Kind::Beneficiaries, samples::beneficiariesCsv(today())).ok());
    const QString from = today().toString(Qt::ISODate);
    const QString to = today().addYears(1).toString(Qt::ISODate);
    const QString third = ledger::DemoIdentity::codiceFiscale(QStringLiteral("Galli"), QStringLiteral("Rita"),
                                                              QDate(1991, 3, 3), true, QStringLiteral("A509"));
    QByteArray csv = beneficiariesHeader();
    csv += (third + QStringLiteral(";Galli;Rita;+393401119999;;VOB900001001;") + from + QLatin1Char(';') + to
            + QStringLiteral(";100\n"))
               .toUtf8(); // voucher number of Lucia Amato
    const QString fourth = ledger::DemoIdentity::codiceFiscale(QStringLiteral("Bruno"), QStringLiteral("Ida"),
                                                               QDate(1994, 7, 7), true, QStringLiteral("A509"));
    csv += (fourth + QStringLiteral(";Bruno;Ida;+393401119998;") + samples::secondBeneficiaryCard()
            + QStringLiteral(";VOB77;") + from + QLatin1Char(';') + to + QStringLiteral(";100\n"))
               .toUtf8(); // card of Nadia Serra
    auto r = import(Kind::Beneficiaries, csv);
    QCOMPARE(r.rejected.size(), 2);
    QVERIFY2(r.rejected.at(0).reason.contains(QStringLiteral("altro beneficiario")),
             qPrintable(r.rejected.at(0).reason));
    QVERIFY2(r.rejected.at(1).reason.contains(QStringLiteral("tessera")), qPrintable(r.rejected.at(1).reason));

    // An issued voucher is never rewritten by an import.
    QByteArray changed = samples::beneficiariesCsv(today());
    changed.replace(";25050\n", ";99999\n");
    auto v = import(Kind::Beneficiaries, changed);
    QCOMPARE(v.rejected.size(), 1);
    QCOMPARE(v.rejected.first().line, 3);
    QCOMPARE(count(QStringLiteral("SELECT initial_cents FROM vouchers WHERE number = 'VOB900001002'")), 25050);
}

void TestProvisioning::aChangedLineIsApplied()
{
    QVERIFY(import(Kind::Structures, samples::structuresCsv()).ok());
    QVERIFY(import(Kind::Operators, samples::operatorsCsv()).ok());
    // IT disables the employee and renames a structure: the other lines stay unchanged.
    QByteArray ops = samples::operatorsCsv();
    ops.replace(";Neri;Carla;FAR101;dipendente;si;", ";Neri;Carla;FAR101;dipendente;no;");
    auto o = import(Kind::Operators, ops);
    QVERIFY(o.ok());
    QCOMPARE(o.changed, 1);
    QCOMPARE(o.unchanged, 3);
    QCOMPARE(
        one(QStringLiteral("SELECT enabled FROM operator_structures WHERE cf = '%1'").arg(samples::dipendenteCf())),
        QStringLiteral("0"));
    // Services are set to exactly the listed ones.
    ops.replace(";Neri;Carla;FAR101;dipendente;no;voucher-secondogeniti", ";Neri;Carla;FAR101;dipendente;no;");
    auto noService = import(Kind::Operators, ops);
    QCOMPARE(noService.changed, 1);
    QCOMPARE(
        count(QStringLiteral("SELECT COUNT(*) FROM operator_services WHERE cf = '%1'").arg(samples::dipendenteCf())),
        0);
    QByteArray structures = samples::structuresCsv();
    structures.replace("Farmacia Irpina", "Farmacia Irpina Centro");
    auto s = import(Kind::Structures, structures);
    QCOMPARE(s.changed, 1);
    QCOMPARE(s.unchanged, 1);
    QCOMPARE(one(QStringLiteral("SELECT name FROM structures WHERE id = 'FAR101'")),
             QStringLiteral("Farmacia Irpina Centro"));
}

void TestProvisioning::operatorsNeedTheirStructure()
{
    auto o = import(Kind::Operators, samples::operatorsCsv());
    QCOMPARE(o.rejected.size(), 4);
    QVERIFY(o.rejected.first().reason.contains(QStringLiteral("importa prima il file delle strutture")));
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM operators")), 0);

    QVERIFY(import(Kind::Structures, samples::structuresCsv()).ok());
    QByteArray bad = samples::operatorsCsv();
    bad.replace(";dipendente;si;", ";cassiere;si;");
    bad.replace(";Gialli;Aldo;FAR101;dipendente;no;", ";Gialli;Aldo;FAR101;dipendente;forse;");
    auto r = import(Kind::Operators, bad);
    QCOMPARE(r.rejected.size(), 2);
    QCOMPARE(r.rejected.at(0).line, 4);
    QVERIFY(r.rejected.at(0).reason.contains(QStringLiteral("titolare o dipendente")));
    QCOMPARE(r.rejected.at(1).line, 5);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM operators")), 0);
}

void TestProvisioning::headerMustMatch()
{
    auto r = import(Kind::Structures, QByteArrayLiteral("id;name\nFAR1;Uno\n"));
    QVERIFY(r.failure);
    QVERIFY(r.failure->message.contains(QStringLiteral("mancano: nome, indirizzo")));
    QVERIFY(admin::Provisioning::format(r).contains(QStringLiteral("Nessuna modifica applicata")));
    auto empty = import(Kind::Operators, QByteArray());
    QVERIFY(empty.failure);
    auto quote = import(Kind::Structures, QByteArrayLiteral("id;nome;indirizzo\nFAR1;\"Uno;\n"));
    QVERIFY(quote.failure);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM structures")), 0);
}

void TestProvisioning::dryRunChangesNothing()
{
    auto r = import(Kind::Structures, samples::structuresCsv(), true);
    QVERIFY(r.ok());
    QCOMPARE(r.added, 2);
    QVERIFY(!r.applied);
    QVERIFY(admin::Provisioning::format(r).contains(QStringLiteral("--dry-run")));
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM structures")), 0);
}

void TestProvisioning::theExamplesOfTheGuideImport()
{
    const QString dir = QStringLiteral(SINFONIA_SOURCE_DIR "/docs/examples/");
    for (auto [kind, file, lines] :
         {std::tuple {Kind::Structures, "strutture.csv", 2}, std::tuple {Kind::Operators, "operatori.csv", 6},
          std::tuple {Kind::Beneficiaries, "beneficiari.csv", 4}}) {
        QFile f(dir + QString::fromLatin1(file));
        QVERIFY2(f.open(QIODevice::ReadOnly), file);
        const QByteArray csv = f.readAll();
        auto first = import(kind, csv);
        QVERIFY2(first.ok(), qPrintable(admin::Provisioning::format(first)));
        QCOMPARE(first.lines, lines);
        QCOMPARE(first.added, lines);
        auto again = import(kind, csv);
        QCOMPARE(again.changes(), 0);
    }
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM operator_structures WHERE enabled = 0")), 1);
}

int TestProvisioning::runCommand(const QStringList& args, QString* out)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(test::TestServer::serverBinary(), args);
    if (!p.waitForFinished(60000))
        return -1;
    *out = QString::fromUtf8(p.readAll());
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

void TestProvisioning::commandImportsAndRepeats()
{
    if (test::TestServer::serverBinary().isEmpty())
        QSKIP("sinfonia-server not built");
    QTemporaryDir dir;
    const QString structures = dir.filePath(QStringLiteral("strutture.csv"));
    const QString operators = dir.filePath(QStringLiteral("operatori.csv"));
    const QString bad = dir.filePath(QStringLiteral("bad.csv"));
    for (auto [path, data] :
         {std::pair {structures, samples::structuresCsv()}, std::pair {operators, samples::operatorsCsv()},
          std::pair {bad, QByteArrayLiteral("id;nome;indirizzo\nFAR9;Nove;\nnot valid!;x;\n")}}) {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(data);
    }
    const QString db = m_test->location();
    QString out;
    QCOMPARE(
        runCommand({QStringLiteral("--db"), db, QStringLiteral("import"), QStringLiteral("structures"), structures},
                   &out),
        0);
    QVERIFY2(out.contains(QStringLiteral("Modifiche applicate: 2.")), qPrintable(out));
    QCOMPARE(runCommand({QStringLiteral("--db"), db, QStringLiteral("import"), QStringLiteral("operatori"), operators},
                        &out),
             0);
    QVERIFY2(out.contains(QStringLiteral("Modifiche applicate: 4.")), qPrintable(out));
    QCOMPARE(
        runCommand({QStringLiteral("--db"), db, QStringLiteral("import"), QStringLiteral("structures"), structures},
                   &out),
        0);
    QVERIFY2(out.contains(QStringLiteral("Modifiche applicate: 0.")), qPrintable(out));
    QCOMPARE(
        runCommand({QStringLiteral("--db"), db, QStringLiteral("import"), QStringLiteral("structures"), bad}, &out), 1);
    QVERIFY2(out.contains(QStringLiteral("riga 3: identificativo della struttura")), qPrintable(out));
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM structures WHERE id = 'FAR9'")), 0);
    QCOMPARE(runCommand({QStringLiteral("--db"), db, QStringLiteral("import"), QStringLiteral("vouchers"), bad}, &out),
             1);
    QVERIFY(out.contains(QStringLiteral("unknown kind")));
    QCOMPARE(runCommand({QStringLiteral("--db"), db, QStringLiteral("import"), QStringLiteral("structures"),
                         dir.filePath(QStringLiteral("missing.csv"))},
                        &out),
             1);
    QVERIFY(out.contains(QStringLiteral("cannot read")));
}

void TestProvisioning::commandRefusesSandboxDatabases()
{
    if (test::TestServer::serverBinary().isEmpty())
        QSKIP("sinfonia-server not built");
    QTemporaryDir dir;
    const QString structures = dir.filePath(QStringLiteral("strutture.csv"));
    QFile f(structures);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(samples::structuresCsv());
    f.close();
    const QString db = m_test->location();
    QString out;
    QCOMPARE(runCommand({QStringLiteral("--db"), db, QStringLiteral("--sandbox"), QStringLiteral("import"),
                         QStringLiteral("structures"), structures},
                        &out),
             1);
    QVERIFY2(out.contains(QStringLiteral("production database")), qPrintable(out));
    // A database made by a sandbox server stays a sandbox: the import refuses it.
    QCOMPARE(
        runCommand({QStringLiteral("--db"), db, QStringLiteral("--sandbox"), QStringLiteral("--migrate-only")}, &out),
        0);
    QCOMPARE(
        runCommand({QStringLiteral("--db"), db, QStringLiteral("import"), QStringLiteral("structures"), structures},
                   &out),
        1);
    QVERIFY2(out.contains(QStringLiteral("sandbox")), qPrintable(out));
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM structures")), 0);
}

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    int failures = 0;
    for (auto backend : {Backend::Sqlite, Backend::Postgres}) {
        TestProvisioning t(backend);
        failures += QTest::qExec(&t, argc, argv);
    }
    return failures;
}

#include "tst_provisioning.moc"
