// Service-level rules of the ledger on SQLite and PostgreSQL: access, staff management, beneficiary
// search, purchase validation, receipts and the movement list.
#include "LedgerTest.h"
#include "core/domain/CodiceFiscale.h"
#include "core/domain/ErrorCodes.h"
#include "core/domain/VoucherRules.h"
#include "server/ledger/DemoData.h"
#include "server/ledger/LedgerErrors.h"

#include <QImage>
#include <QSqlQuery>

using namespace sinfonia;
using namespace sinfonia::ledger;
using namespace sinfonia::ledger::test;

namespace {
const QString far1 = QStringLiteral("FAR001");
const QString far2 = QStringLiteral("FAR002");
const QString par1 = QStringLiteral("PAR001");
const QString giulia = beneficiaryCf("Esposito", "Giulia", QDate(1990, 5, 22), "A509");
const QString francesca = beneficiaryCf("Romano", "Francesca", QDate(1988, 1, 30), "H703");
const QString chiara = beneficiaryCf("Colombo", "Chiara", QDate(1992, 8, 3), "B963");
const QString sofia = beneficiaryCf("Ricci", "Sofia", QDate(1987, 4, 17), "A783");
} // namespace

class LedgerServiceTest : public LedgerTest
{
    Q_OBJECT
public:
    using LedgerTest::LedgerTest;

private slots:
    void profileListsEnabledStructuresOnly()
    {
        auto& s = m_env->service();
        auto p = s.profile(m_env->titolare());
        QVERIFY(p.ok());
        QCOMPARE(p->structures.size(), 2);
        QCOMPARE(p->structures[0].role, Role::Titolare);
        auto multi = s.profile({DemoData::multiStructureCf()});
        QVERIFY(multi.ok());
        QCOMPARE(multi->structures.size(), 2);
        auto disabled = s.profile({DemoData::disabledCf()});
        QVERIFY(disabled.ok());
        QCOMPARE(disabled->structures.size(), 0);
        QCOMPARE(s.profile({QStringLiteral("XXXXXX00X00X000X")}).error().code, QStringLiteral("operator.not_found"));
        // A structure the operator is not enabled for answers exactly like a missing one.
        QCOMPARE(s.structure(m_env->titolare(), par1).error().code, QStringLiteral("structure.not_found"));
        QCOMPARE(s.structure(m_env->titolare(), QStringLiteral("NOPE")).error().code,
                 QStringLiteral("structure.not_found"));
        QCOMPARE(s.findBeneficiary({DemoData::disabledCf()}, far1, giulia).error().code,
                 QStringLiteral("structure.not_found"));
        QCOMPARE(httpStatusFor(QStringLiteral("structure.not_found")), 404);
    }

    void ruleRefusalsHaveTheirStatusAndMessage()
    {
        // The refusals of VoucherRules the writers pass on: 422 with a message of their own.
        for (QLatin1String code : {codes::voucherSuspended, codes::voucherExpired, codes::voucherExhausted,
                                   codes::voucherNotYetActive, codes::voucherInsufficientFunds, codes::cancelNotSameDay,
                                   codes::cancelAmountExceeds, codes::cancelNotConfirmed, codes::cancelNotPurchase}) {
            QCOMPARE(httpStatusFor(code), 422);
            QVERIFY2(errors::make(code).message != errors::make(QStringLiteral("no.such_code")).message, code.data());
        }
        QCOMPARE(httpStatusFor(codes::movementsRangeTooLong), 400);
        QCOMPARE(httpStatusFor(QStringLiteral("oauth.invalid_grant")), 400);
        QCOMPARE(httpStatusFor(QStringLiteral("no.such_code")), 500);
    }

    void staffManagementIsForTheTitolare()
    {
        auto& s = m_env->service();
        QCOMPARE(s.employees(m_env->dipendente(), far1).error().code, QStringLiteral("employee.forbidden"));
        auto list = s.employees(m_env->titolare(), far1);
        QVERIFY(list.ok());
        QCOMPARE(list->size(), 5);
        const NewEmployee bad {QStringLiteral("RSSMRA85T10A562X"), QStringLiteral("Mario"), QStringLiteral("Rossi")};
        QVERIFY(s.addEmployee(m_env->titolare(), far1, bad).error().code.startsWith(QLatin1String("cf.")));
        const QString cf = DemoIdentityCf();
        QCOMPARE(s.addEmployee(m_env->titolare(), far1, {cf, QString(), QStringLiteral("Verdi")}).error().code,
                 QStringLiteral("employee.invalid"));
        auto added
            = s.addEmployee(m_env->titolare(), far1, {cf.toLower(), QStringLiteral("Paolo"), QStringLiteral("Verdi")});
        QVERIFY2(added.ok(), qPrintable(added.ok() ? QString() : added.error().detail));
        QCOMPARE(added->codiceFiscale, cf);
        QVERIFY(added->services.isEmpty());
        QCOMPARE(
            s.addEmployee(m_env->titolare(), far1, {cf, QStringLiteral("Paolo"), QStringLiteral("Verdi")}).error().code,
            QStringLiteral("employee.exists"));
        QCOMPARE(s.profile({cf})->structures.size(), 0);
        QCOMPARE(s.associateService(m_env->titolare(), far1, cf, QStringLiteral("altro")).error().code,
                 QStringLiteral("employee.service_unknown"));
        QVERIFY(s.associateService(m_env->titolare(), far1, cf, voucherService).ok());
        QCOMPARE(s.profile({cf})->structures.size(), 1);
        QVERIFY(s.setEmployeeEnabled(m_env->titolare(), far1, cf, false).ok());
        QCOMPARE(s.profile({cf})->structures.size(), 0);
        QCOMPARE(s.findBeneficiary({cf}, far1, giulia).error().code, QStringLiteral("structure.not_found"));
        auto enabled = s.setEmployeeEnabled(m_env->titolare(), far1, cf, true);
        QVERIFY(enabled.ok() && enabled->enabled);
        QCOMPARE(s.profile({cf})->structures.size(), 1);
        QVERIFY(s.removeService(m_env->titolare(), far1, cf, voucherService).ok());
        QCOMPARE(s.profile({cf})->structures.size(), 0);
        QCOMPARE(s.setEmployeeEnabled(m_env->titolare(), far1, DemoData::titolareCf(), false).error().code,
                 QStringLiteral("employee.self"));
        QCOMPARE(s.setEmployeeEnabled(m_env->titolare(), far1, QStringLiteral("BNCMRC93B09H703Z"), false).error().code,
                 QStringLiteral("employee.not_found"));
        QCOMPARE(s.employees(m_env->titolare(), par1).error().code, QStringLiteral("structure.not_found"));
    }

    void beneficiaryByCfOrCard()
    {
        auto& s = m_env->service();
        auto byCf = s.findBeneficiary(m_env->titolare(), far1, DemoData::activeBeneficiaryCf().toLower());
        QVERIFY(byCf.ok());
        QCOMPARE(byCf->maskedPhone, QStringLiteral("*****333"));
        QCOMPARE(byCf->vouchers.size(), 1);
        const VoucherView v = byCf->vouchers.first();
        QCOMPARE(v.state, VoucherState::Attivo);
        QCOMPARE(v.initialCents, 60000);
        QCOMPARE(v.usedCents, 12050 + 8990 - 1000 + 4500 + 6000 + 3540 + 1200 - 200);
        QCOMPARE(v.availableCents, v.initialCents - v.usedCents);
        QCOMPARE(v.cardNumber, DemoData::activeCardNumber());
        auto byCard = s.findBeneficiary(m_env->titolare(), far1, DemoData::activeCardNumber());
        QVERIFY(byCard.ok());
        QCOMPARE(byCard->codiceFiscale, DemoData::activeBeneficiaryCf());
        QCOMPARE(s.findBeneficiary(m_env->titolare(), far1, QStringLiteral("12345")).error().code,
                 QStringLiteral("beneficiary.query_invalid"));
        QCOMPARE(s.findBeneficiary(m_env->titolare(), far1, QStringLiteral("RSSMRA85T50A562X")).error().code,
                 QStringLiteral("cf.check_char"));
        QCOMPARE(s.findBeneficiary(m_env->titolare(), far1, DemoData::titolareCf()).error().code,
                 QStringLiteral("beneficiary.not_found"));
        // Every state exists in the demo data.
        QCOMPARE(s.findBeneficiary(m_env->titolare(), far1, francesca)->vouchers.first().state, VoucherState::Scaduto);
        QCOMPARE(s.findBeneficiary(m_env->titolare(), far1, chiara)->vouchers.first().state, VoucherState::Esaurito);
        QCOMPARE(s.findBeneficiary(m_env->titolare(), far1, sofia)->vouchers.first().state, VoucherState::Sospeso);
    }

    void voucherDetailShowsThisMerchantsTransactions()
    {
        auto& s = m_env->service();
        const QString id = m_env->voucherIdOf(DemoData::activeBeneficiaryCf());
        auto d = s.voucher(m_env->titolare(), far1, id);
        QVERIFY(d.ok());
        QCOMPARE(d->transactions.size(), 6); // FAR002 and PAR001 movements are not listed
        for (const MovementView& m : d->transactions)
            QCOMPARE(m.structureId, far1);
        const MovementView& newest = d->transactions.first();
        QCOMPARE(newest.type, MovementType::Cancellazione);
        const MovementView& today = d->transactions.at(1);
        QCOMPARE(today.amountCents, 1200);
        QVERIFY(today.cancellable);
        QCOMPARE(today.cancellableCents, 1000);
        QVERIFY(today.hasReceipt);
        QVERIFY(!d->transactions.last().cancellable);
        QCOMPARE(s.voucher(m_env->titolare(), far1, QStringLiteral("999999")).error().code,
                 QStringLiteral("voucher.not_found"));
        QCOMPARE(s.voucher(m_env->titolare(), far1, QStringLiteral("abc")).error().code,
                 QStringLiteral("voucher.not_found"));
    }

    void purchaseRules()
    {
        auto& s = m_env->service();
        const QString id = m_env->voucherIdOf(giulia);
        auto req = [&](qint64 cents) {
            return PurchaseRequest {far1, id, cents, pngBytes(), QStringLiteral("image/png"), QStringLiteral("DC-1"),
                                    {}};
        };
        const auto code = [&](const PurchaseRequest& r) { return s.createPurchase(m_env->titolare(), r).error().code; };
        QCOMPARE(code(req(0)), QStringLiteral("purchase.amount_invalid"));
        QCOMPARE(code(req(-500)), QStringLiteral("purchase.amount_invalid"));
        QCOMPARE(code(req(60001)), QStringLiteral("voucher.insufficient_funds"));
        PurchaseRequest r = req(1000);
        r.receipt.clear();
        QCOMPARE(code(r), QStringLiteral("receipt.empty"));
        r.receipt = QByteArray("GIF89a....");
        QCOMPARE(code(r), QStringLiteral("receipt.type_invalid"));
        r.receipt = jpegBytes(); // declared PNG, content JPEG
        QCOMPARE(code(r), QStringLiteral("receipt.type_invalid"));
        r.receipt = QByteArray("%PDF-1.4") + QByteArray(5 * 1024 * 1024, 'p');
        r.receiptContentType = QStringLiteral("application/pdf");
        QCOMPARE(code(r), QStringLiteral("receipt.too_large"));
        r = req(1000);
        r.commercialDocument = QString(65, QLatin1Char('9'));
        QCOMPARE(code(r), QStringLiteral("purchase.document_invalid"));
        r = req(1000);
        r.structureId = par1;
        QCOMPARE(code(r), QStringLiteral("structure.not_found"));
        r = req(1000);
        r.voucherId = QStringLiteral("424242");
        QCOMPARE(code(r), QStringLiteral("voucher.not_found"));
        r.voucherId = m_env->voucherIdOf(sofia);
        QCOMPARE(code(r), QStringLiteral("voucher.suspended"));
        r.voucherId = m_env->voucherIdOf(francesca); // expired by date
        QCOMPARE(code(r), QStringLiteral("voucher.expired"));
        r.voucherId = m_env->voucherIdOf(chiara);
        QCOMPARE(code(r), QStringLiteral("voucher.exhausted"));
        // Stored SCADUTO before its expiry date is expired too; before the activation date, not yet active.
        const QString laura = m_env->voucherIdOf(beneficiaryCf("Marino", "Laura", QDate(1995, 10, 8), "F839"));
        QSqlQuery q(m_env->db().connection());
        QVERIFY(q.exec(QStringLiteral("UPDATE vouchers SET state = 'SCADUTO' WHERE public_id = '%1'").arg(laura)));
        r.voucherId = laura;
        QCOMPARE(code(r), QStringLiteral("voucher.expired"));
        QVERIFY(
            q.exec(QStringLiteral("UPDATE vouchers SET state = 'ATTIVO', activation_date = '%1' WHERE public_id = '%2'")
                       .arg(m_env->clock().todayInRome().addDays(1).toString(Qt::ISODate), laura)));
        QCOMPARE(code(r), QStringLiteral("voucher.not_yet_active"));
        QCOMPARE(m_env->available(id), 60000); // nothing was reserved by the refused requests

        auto ok = s.createPurchase(m_env->dipendente(), req(60000));
        QVERIFY2(ok.ok(), qPrintable(ok.ok() ? QString() : ok.error().code + QLatin1Char(' ') + ok.error().detail));
        QCOMPARE(ok->movement.state, MovementState::InAttesa);
        QCOMPARE(ok->movement.amountCents, 60000);
        QCOMPARE(ok->movement.commercialDocument, QStringLiteral("DC-1"));
        QCOMPARE(ok->maskedPhone, QStringLiteral("*****444"));
        QCOMPARE(ok->attemptsLeft, 5);
        QCOMPARE(ok->resendsLeft, 3);
        QCOMPARE(ok->expiresAt, m_env->clock().now().addSecs(300));
        QCOMPARE(ok->resendAvailableAt, m_env->clock().now().addSecs(30));
        QCOMPARE(m_env->available(id), 0); // a pending purchase reserves its amount
        QCOMPARE(code(req(1)), QStringLiteral("voucher.exhausted")); // nothing left: ESAURITO
        auto sms = m_env->outbox().latest(QStringLiteral("+393331234444"));
        QVERIFY(sms.ok() && !sms->isEmpty());
        QVERIFY(sms->first().message.text.contains(QStringLiteral("600,00")));
        QVERIFY(sms->first().message.text.contains(QStringLiteral("Farmacia Avellino")));
        QCOMPARE(sms->first().message.otp.size(), 6);
        QVERIFY(sms->first().message.text.contains(sms->first().message.otp));
    }

    // The Idempotency-Key is stored on the movement in the business transaction: a second call with
    // the same key (a retry after a crash between COMMIT and the stored answer) debits nothing.
    void sameKeyCreatesOneMovement()
    {
        auto& s = m_env->service();
        const QString id = m_env->voucherIdOf(giulia);
        PurchaseRequest r {far1, id, 1500, pngBytes(), QStringLiteral("image/png"), {}, QStringLiteral("key-p1")};
        auto first = s.createPurchase(m_env->titolare(), r);
        QVERIFY2(first.ok(), qPrintable(first.ok() ? QString() : first.error().detail));
        auto again = s.createPurchase(m_env->titolare(), r);
        QVERIFY2(again.ok(), qPrintable(again.ok() ? QString() : again.error().detail));
        QCOMPARE(again->movement.id, first->movement.id);
        QCOMPARE(again->expiresAt, first->expiresAt);
        QCOMPARE(m_env->available(id), 60000 - 1500);
        // Same key, other request: refused, nothing written.
        r.amountCents = 1600;
        QCOMPARE(s.createPurchase(m_env->titolare(), r).error().code, QStringLiteral("idempotency.key_reused"));
        // Another operator's key space is separate.
        r.amountCents = 1500;
        auto other = s.createPurchase(m_env->dipendente(), r);
        QVERIFY(other.ok());
        QVERIFY(other->movement.id != first->movement.id);
        QCOMPARE(m_env->available(id), 60000 - 3000);

        const MovementView bought = m_env->confirmedPurchase(id, 2000);
        QVERIFY(!bought.id.isEmpty());
        CancellationRequest c {far1, bought.id, 700, QStringLiteral("key-c1")};
        auto cancel = s.createCancellation(m_env->titolare(), c);
        QVERIFY2(cancel.ok(), qPrintable(cancel.ok() ? QString() : cancel.error().detail));
        auto cancelAgain = s.createCancellation(m_env->titolare(), c);
        QVERIFY(cancelAgain.ok());
        QCOMPARE(cancelAgain->movement.id, cancel->movement.id);
        auto verified
            = s.verifyOtp(m_env->titolare(), far1, cancel->movement.id, m_env->latestOtp(cancel->movement.id));
        QVERIFY(verified.ok());
        auto afterVerify = s.createCancellation(m_env->titolare(), c);
        QVERIFY(afterVerify.ok());
        QCOMPARE(afterVerify->movement.id, cancel->movement.id);
        QCOMPARE(afterVerify->movement.state, MovementState::Confermato);
        QCOMPARE(m_env->available(id), 60000 - 3000 - 2000 + 700);
    }

    void receiptDownload()
    {
        auto& s = m_env->service();
        const QString id = m_env->voucherIdOf(giulia);
        auto p = s.createPurchase(m_env->titolare(), {far1, id, 1500, jpegBytes(), {}, {}, {}});
        QVERIFY(p.ok());
        auto r = s.receipt(m_env->titolare(), far1, p->movement.id);
        QVERIFY(r.ok());
        QCOMPARE(r->contentType, QStringLiteral("image/jpeg"));
        // Re-encoded by the server: a JPEG of the same picture.
        const QImage stored = QImage::fromData(r->data, "JPEG");
        QVERIFY(!stored.isNull());
        QCOMPARE(stored.size(), QImage::fromData(jpegBytes(), "JPEG").size());
        // The titolare is enabled on FAR002 too, but the movement belongs to FAR001.
        QCOMPARE(s.receipt(m_env->titolare(), far2, p->movement.id).error().code, QStringLiteral("movement.not_found"));
        QCOMPARE(s.receipt({DemoData::titolareNapoliCf()}, far1, p->movement.id).error().code,
                 QStringLiteral("structure.not_found"));
    }

    void movementListRangeAndPagination()
    {
        auto& s = m_env->service();
        const QDate today = m_env->clock().todayInRome();
        MovementQuery q {far1, VoucherRules::earliestSearchFrom(today), today, {}, {}, 7};
        auto tooLong = q;
        tooLong.from = q.from.addDays(-1);
        QCOMPARE(s.movements(m_env->titolare(), tooLong).error().code, QStringLiteral("movements.range_too_long"));
        auto inverted = q;
        inverted.from = today.addDays(1);
        QCOMPARE(s.movements(m_env->titolare(), inverted).error().code, QStringLiteral("movements.range_invalid"));
        auto badLimit = q;
        badLimit.limit = 0;
        QCOMPARE(s.movements(m_env->titolare(), badLimit).error().code, QStringLiteral("movements.limit_invalid"));
        badLimit.limit = maxMovementPage + 1;
        QCOMPARE(s.movements(m_env->titolare(), badLimit).error().code, QStringLiteral("movements.limit_invalid"));
        auto largest = q; // the sync's page size is accepted
        largest.limit = maxMovementPage;
        QVERIFY(s.movements(m_env->titolare(), largest).ok());
        auto badCursor = q;
        badCursor.cursor = QStringLiteral("!!");
        QCOMPARE(s.movements(m_env->titolare(), badCursor).error().code, QStringLiteral("movements.cursor_invalid"));
        auto badCf = q;
        badCf.codiceFiscale = QStringLiteral("RSSMRA85T50A562X");
        QVERIFY(s.movements(m_env->titolare(), badCf).error().code.startsWith(QLatin1String("cf.")));

        QStringList seen;
        QDateTime previous;
        int pages = 0;
        for (;;) {
            auto page = s.movements(m_env->titolare(), q);
            QVERIFY(page.ok());
            ++pages;
            for (const MovementView& m : page->items) {
                QVERIFY(!seen.contains(m.id));
                seen << m.id;
                QCOMPARE(m.structureId, far1);
                QVERIFY(!previous.isValid() || m.createdAt <= previous);
                previous = m.createdAt;
                QVERIFY(m.createdAt.toTimeZone(Clock::rome()).date() >= q.from);
            }
            if (page->nextCursor.isEmpty())
                break;
            QCOMPARE(page->items.size(), 7);
            q.cursor = page->nextCursor;
        }
        QVERIFY2(seen.size() > 14, qPrintable(QString::number(seen.size())));
        QVERIFY(pages >= 3);

        MovementQuery byCf {far1, VoucherRules::earliestSearchFrom(today), today, DemoData::activeBeneficiaryCf(), {},
                            100};
        auto filtered = s.movements(m_env->titolare(), byCf);
        QVERIFY(filtered.ok());
        QCOMPARE(filtered->items.size(), 5); // the 4-month-old purchase is outside the range
        for (const MovementView& m : filtered->items)
            QCOMPARE(m.codiceFiscale, DemoData::activeBeneficiaryCf());
        QCOMPARE(s.movements({DemoData::titolareNapoliCf()}, byCf).error().code, QStringLiteral("structure.not_found"));
    }

private:
    static QString DemoIdentityCf()
    {
        return CodiceFiscale::normalize(beneficiaryCf("Verdi", "Paolo", QDate(1999, 9, 9), "F839"));
    }
};

LEDGER_TEST_MAIN(LedgerServiceTest)
#include "tst_LedgerService.moc"
