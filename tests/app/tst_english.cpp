// The counter in English: with the English .qm loaded, every error a clerk can meet (each code of
// the shared list, client-side rules and network failures, refusals of a real server) and the
// command line speak English. "Italian" is detected with the project's own Italian strings: any
// fragment of a source text whose English translation differs must not appear.
#include "core/domain/Clock.h"
#include "core/domain/CodiceFiscale.h"
#include "core/domain/ErrorCodes.h"
#include "core/domain/Money.h"
#include "core/domain/TesseraSanitaria.h"
#include "core/domain/VoucherRules.h"
#include "core/services/net/AccessTokenProvider.h"
#include "core/services/net/ApiClient.h"
#include "core/services/net/ApiErrors.h"
#include "tests/support/FixedToken.h"
#include "tests/support/TestServer.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

using namespace sinfonia;

namespace {

// Fragments (split at %n placeholders) of the Italian source texts whose English differs.
QStringList italianFragments(const QString& itPath, const QString& enPath)
{
    auto read = [](const QString& path) {
        QHash<QString, QString> out; // context + source -> translation
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return out;
        QXmlStreamReader xml(&file);
        QString context;
        QString source;
        while (!xml.atEnd()) {
            xml.readNext();
            if (!xml.isStartElement())
                continue;
            if (xml.name() == QLatin1String("name"))
                context = xml.readElementText();
            else if (xml.name() == QLatin1String("source"))
                source = xml.readElementText();
            else if (xml.name() == QLatin1String("translation"))
                out.insert(context + QLatin1Char('\x1f') + source, xml.readElementText());
        }
        return out;
    };
    const auto italian = read(itPath);
    const auto english = read(enPath);
    // Italian terms the English texts keep on purpose ("codice fiscale", "Tessera Sanitaria").
    const QString allEnglish = QStringList(english.values()).join(QLatin1Char('\n'));
    QStringList fragments;
    static const QRegularExpression placeholder(QStringLiteral("%[0-9Ln]+"));
    for (auto it = italian.cbegin(); it != italian.cend(); ++it) {
        const QString source = it.key().section(QLatin1Char('\x1f'), 1);
        if (english.value(it.key()) == source)
            continue; // the same in both languages ("PDF", "CSV", names)
        for (QString part : source.split(placeholder)) {
            part = part.trimmed();
            if (part.size() >= 12 && !fragments.contains(part) && !allEnglish.contains(part))
                fragments.append(part);
        }
    }
    return fragments;
}

} // namespace

// Fails with the fragment found when `text` holds Italian, or when it is empty.
#define VERIFY_ENGLISH(text)                                                                                           \
    do {                                                                                                               \
        const QString shown_ = (text);                                                                                 \
        QVERIFY2(!shown_.trimmed().isEmpty(), "empty text");                                                           \
        const QString found_ = italianIn(shown_);                                                                      \
        QVERIFY2(found_.isEmpty(), qPrintable(QStringLiteral("Italian \"%1\" in: %2").arg(found_, shown_)));           \
    } while (false)

class TestEnglish : public QObject
{
    Q_OBJECT
private:
    QTranslator m_english;
    QStringList m_italian;

    // The Italian fragment found in `text`, or an empty string.
    QString italianIn(const QString& text) const
    {
        for (const QString& f : m_italian) {
            if (text.contains(f))
                return f;
        }
        return {};
    }

    QString runPos(const QStringList& args, const QString& lang, int* exitCode = nullptr)
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        if (!lang.isEmpty()) {
            env.insert(QStringLiteral("LANG"), lang);
            env.insert(QStringLiteral("LC_ALL"), lang);
            env.remove(QStringLiteral("LANGUAGE"));
        }
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(SINFONIA_BINARY_DIR "/app/sinfonia-pos"), args);
        if (!p.waitForFinished(60000))
            return QStringLiteral("<timeout>");
        if (exitCode)
            *exitCode = p.exitCode();
        return QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError());
    }

private slots:
    void initTestCase()
    {
        m_italian = italianFragments(QStringLiteral(SINFONIA_SOURCE_DIR "/translations/sinfonia_it.ts"),
                                     QStringLiteral(SINFONIA_SOURCE_DIR "/translations/sinfonia_en.ts"));
        QVERIFY(m_italian.size() > 100);
        QVERIFY(m_english.load(QStringLiteral(SINFONIA_BINARY_DIR "/app/sinfonia_en.qm")));
        QVERIFY(QCoreApplication::installTranslator(&m_english));
        // The detector sees Italian where there is some.
        QVERIFY(!italianIn(QStringLiteral("Server non raggiungibile: controlla la connessione di rete e riprova."))
                     .isEmpty());
    }

    void englishIsComplete()
    {
        QFile file(QStringLiteral(SINFONIA_SOURCE_DIR "/translations/sinfonia_en.ts"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray ts = file.readAll();
        QCOMPARE(ts.count("type=\"unfinished\""), 0);
    }

    void everyApiCodeHasItsOwnText()
    {
        // The server's detail is Italian by contract; for a code we know we show our own text.
        const QByteArray serverDetail = "Testo italiano del server";
        for (const codes::ApiCode& c : codes::apiCodes()) {
            const QJsonObject problem {{QStringLiteral("code"), QString(c.code)},
                                       {QStringLiteral("detail"), QString::fromLatin1(serverDetail)},
                                       {QStringLiteral("status"), c.httpStatus}};
            const Error e = ApiErrors::fromHttp(c.httpStatus, QJsonDocument(problem).toJson());
            QCOMPARE(e.code, QString(c.code));
            QVERIFY2(!e.message.contains(QString::fromLatin1(serverDetail)), c.code.data());
            VERIFY_ENGLISH(e.message);
            QVERIFY(e.http.has_value());
            QCOMPARE(e.http->status, c.httpStatus);
        }
        for (const char* family : {"cf.check_char", "money.decimals"}) {
            const Error e
                = ApiErrors::fromHttp(400,
                                      QByteArrayLiteral("{\"code\":\"") + family + QByteArrayLiteral("\",\"detail\":\"")
                                          + serverDetail + QByteArrayLiteral("\"}"));
            VERIFY_ENGLISH(e.message);
        }
    }

    void unknownCodeShowsTheServerDetail()
    {
        const Error e = ApiErrors::fromHttp(
            422, QByteArrayLiteral(R"({"code":"voucher.some_new_rule","detail":"Regola nuova del server."})"));
        QCOMPARE(e.message, QStringLiteral("Regola nuova del server."));
        const Error bare = ApiErrors::fromHttp(418, QByteArray());
        VERIFY_ENGLISH(bare.message);
    }

    void clientSideErrorsAreEnglish()
    {
        VERIFY_ENGLISH(ApiErrors::timeout().message);
        VERIFY_ENGLISH(ApiErrors::sessionExpired().message);
        VERIFY_ENGLISH(ApiErrors::network(QNetworkReply::ConnectionRefusedError, QString(), {}).message);
        VERIFY_ENGLISH(ApiErrors::network(QNetworkReply::UnknownContentError, QString(), {}).message);
        VERIFY_ENGLISH(ApiErrors::network(QNetworkReply::SslHandshakeFailedError, QString(),
                                          {QSslError(QSslError::CertificateExpired)})
                           .message);
        VERIFY_ENGLISH(ApiErrors::oauth(R"({"error":"invalid_grant"})", 400).message);
        VERIFY_ENGLISH(ApiErrors::oauth(R"({"error":"invalid_client"})", 401).message);

        const QDate today(2026, 11, 26);
        Voucher v;
        v.initialAmount = Money::fromCents(60000);
        v.usedAmount = Money::fromCents(59000);
        v.activationDate = QDate(2026, 3, 1);
        v.expiryDate = QDate(2027, 2, 28);
        VERIFY_ENGLISH(VoucherRules::checkPurchase(v, Money::fromCents(5000), today).error().message);
        VERIFY_ENGLISH(VoucherRules::checkPurchase(v, Money(), today).error().message);
        VERIFY_ENGLISH(VoucherRules::checkPurchase(v, Money::fromCents(1), QDate(2026, 2, 1)).error().message);
        VERIFY_ENGLISH(VoucherRules::checkPurchase(v, Money::fromCents(1), QDate(2027, 3, 1)).error().message);
        for (VoucherState s : {VoucherState::Sospeso, VoucherState::Esaurito, VoucherState::Scaduto}) {
            v.state = s;
            VERIFY_ENGLISH(VoucherRules::checkPurchase(v, Money::fromCents(1), today).error().message);
        }
        VERIFY_ENGLISH(
            VoucherRules::checkCancellationAmount(Money::fromCents(900), Money::fromCents(300)).error().message);
        VERIFY_ENGLISH(VoucherRules::checkSearchRange(QDate(2026, 1, 1), QDate(2026, 11, 1)).error().message);
        for (const char* bad : {"RSSMRA85T50A562X", "RSSMRA85T50", "RSSMRA85Z50A562W", "RSSMRA85T99A562W"})
            VERIFY_ENGLISH(CodiceFiscale::validate(QString::fromLatin1(bad), today).error().message);
        for (const char* bad : {"12,345", "-3", "abc", ""})
            VERIFY_ENGLISH(Money::parse(QString::fromLatin1(bad)).error().message);
        VERIFY_ENGLISH(TesseraSanitaria::validate(QStringLiteral("80380000000000000001")).error().message);
    }

    void serverRefusalsAreEnglish()
    {
        test::TestServer server;
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        const auto tokens = server.login();
        QVERIFY2(tokens.ok(), qPrintable(tokens.error));
        QNetworkAccessManager nam;
        ApiClient api(&nam, server.baseUrl());
        test::FixedToken token(tokens.accessToken.toUtf8());
        api.setTokenProvider(&token);

        auto wait = [](auto start) {
            std::optional<Error> error;
            bool done = false;
            start([&](auto result) {
                done = true;
                if (!result.ok())
                    error = result.error();
            });
            if (!QTest::qWaitFor([&] { return done; }, 30000))
                error = makeError(QStringLiteral("test.timeout"), QString());
            return error;
        };
        const auto notFound = wait([&](auto done) {
            // A man's code: never a beneficiary (the voucher is the mother's).
            api.findBeneficiaryByCf(QStringLiteral("FAR001"), QStringLiteral("RSSMRA85T10A562S"), this, done);
        });
        QVERIFY(notFound.has_value());
        QCOMPARE(notFound->code, QString(codes::beneficiaryNotFound));
        VERIFY_ENGLISH(notFound->message);
        const auto noVoucher
            = wait([&](auto done) { api.voucher(QStringLiteral("FAR001"), QStringLiteral("999999"), this, done); });
        QVERIFY(noVoucher.has_value());
        VERIFY_ENGLISH(noVoucher->message);
        const auto otherStructure
            = wait([&](auto done) { api.voucher(QStringLiteral("NOPE01"), QStringLiteral("1"), this, done); });
        QVERIFY(otherStructure.has_value());
        VERIFY_ENGLISH(otherStructure->message);
        // Eleven months up to today (the server's today, the same wall clock): longer than the rule allows.
        const QDate today = SystemClock().todayInRome();
        const auto badRange = wait([&](auto done) {
            api.movements(QStringLiteral("FAR001"), MovementFilter {today.addMonths(-11), today, {}, {}}, {}, this,
                          done);
        });
        QVERIFY(badRange.has_value());
        QCOMPARE(badRange->code, QString(codes::movementsRangeTooLong));
        VERIFY_ENGLISH(badRange->message);
        const auto badOtp = wait([&](auto done) {
            api.verifyOtp(QStringLiteral("FAR001"), QStringLiteral("1"), QStringLiteral("12"), this, done);
        });
        QVERIFY(badOtp.has_value());
        VERIFY_ENGLISH(badOtp->message);
    }

    void commandLineIsEnglish_data()
    {
        QTest::addColumn<QString>("lang");
        QTest::addColumn<QStringList>("prefix");
        QTest::newRow("--lang en") << QString() << QStringList {QStringLiteral("--lang"), QStringLiteral("en")};
        QTest::newRow("LANG=en_US.UTF-8") << QStringLiteral("en_US.UTF-8") << QStringList();
    }

    void commandLineIsEnglish()
    {
        QFETCH(QString, lang);
        QFETCH(QStringList, prefix);
        QTemporaryDir dir;
        const QString notAnImage = dir.filePath(QStringLiteral("card.png"));
        QFile f(notAnImage);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("not an image");
        f.close();
        const QString blank = dir.filePath(QStringLiteral("blank.png"));
        QImage white(200, 120, QImage::Format_Grayscale8);
        white.fill(255);
        QVERIFY(white.save(blank));

        VERIFY_ENGLISH(runPos(prefix + QStringList {QStringLiteral("--help")}, lang));
        VERIFY_ENGLISH(runPos(prefix + QStringList {QStringLiteral("--decode-image"), blank}, lang));
        VERIFY_ENGLISH(runPos(prefix + QStringList {QStringLiteral("--decode-image"), notAnImage}, lang));
        VERIFY_ENGLISH(runPos(prefix + QStringList {QStringLiteral("--decode-image")}, lang));
        VERIFY_ENGLISH(runPos(prefix + QStringList {QStringLiteral("--no-such-option")}, lang));
        VERIFY_ENGLISH(runPos(prefix + QStringList {QStringLiteral("--print-config")}, lang));
    }

    void italianStaysTheDefault()
    {
        QTemporaryDir dir;
        const QString blank = dir.filePath(QStringLiteral("blank.png"));
        QImage white(200, 120, QImage::Format_Grayscale8);
        white.fill(255);
        QVERIFY(white.save(blank));
        const QString out = runPos({QStringLiteral("--decode-image"), blank}, QStringLiteral("it_IT.UTF-8"));
        QVERIFY2(out.contains(QStringLiteral("nessun codice trovato")), qPrintable(out));
    }
};

QTEST_GUILESS_MAIN(TestEnglish)
#include "tst_english.moc"
