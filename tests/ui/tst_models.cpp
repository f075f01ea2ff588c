// The table models pass QAbstractItemModelTester through resets, inserts and updates.
#include "ui/models/EmployeesModel.h"
#include "ui/models/TransactionsModel.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace sinfonia;

namespace {
ApiMovement movement(const QString& id, qint64 cents, MovementState state, int minutesAgo)
{
    ApiMovement m;
    m.movement.id = id;
    m.movement.amount = Money::fromCents(cents);
    m.movement.state = state;
    m.movement.merchantName = QStringLiteral("Farmacia Avellino");
    m.movement.createdAt = QDateTime::currentDateTimeUtc().addSecs(-60 * minutesAgo);
    m.actions.viewReceipt = state == MovementState::Confermato;
    m.actions.authorize = state == MovementState::InAttesa;
    return m;
}
} // namespace

class TestModels : public QObject
{
    Q_OBJECT
private slots:
    void transactions()
    {
        TransactionsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setMovements({movement(QStringLiteral("1"), 700, MovementState::Confermato, 30),
                            movement(QStringLiteral("2"), 1100, MovementState::InAttesa, 10)});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.data(model.index(0, TransactionsModel::Amount)).toString(), QStringLiteral("-11,00 €"));
        QCOMPARE(model.data(model.index(0, TransactionsModel::State)).toString(), QStringLiteral("IN ATTESA"));
        QVERIFY(
            model.data(model.index(0, TransactionsModel::Actions)).toString().contains(QStringLiteral("Autorizza")));
        auto updated = movement(QStringLiteral("2"), 1100, MovementState::Confermato, 10);
        model.upsert(updated);
        QCOMPARE(model.rowCount(), 2);
        model.upsert(movement(QStringLiteral("3"), 100, MovementState::InAttesa, 0));
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.data(model.index(0, 0), TransactionsModel::MovementIdRole).toString(), QStringLiteral("3"));
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }

    void employees()
    {
        EmployeesModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        Employee a;
        a.id = a.codiceFiscale = QStringLiteral("RSSNNA91L44A509O");
        a.givenName = QStringLiteral("Anna");
        a.familyName = QStringLiteral("Russo");
        a.services = {QStringLiteral("voucher-secondogeniti")};
        model.setEmployees({a});
        QCOMPARE(model.rowCount(), 1);
        a.enabled = false;
        model.upsert(a);
        QCOMPARE(model.data(model.index(0, EmployeesModel::State)).toString(), QStringLiteral("Disabilitato"));
        Employee b = a;
        b.id = b.codiceFiscale = QStringLiteral("BNCMRC93B09H703M");
        model.upsert(b);
        QCOMPARE(model.rowCount(), 2);
    }
};

QTEST_MAIN(TestModels)
#include "tst_models.moc"
