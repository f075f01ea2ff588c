#include "ui/movements/MovementsTableModel.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QTest>

using namespace sinfonia;

namespace {
CachedMovement row(const QString& id, int minute, qint64 cents, MovementType type = MovementType::Acquisto,
                   MovementState state = MovementState::Confermato)
{
    CachedMovement m;
    m.id = id;
    m.structureId = QStringLiteral("FAR001");
    m.createdAt = QDateTime(QDate(2026, 11, 26), QTime(9, minute), Qt::UTC);
    m.code = QStringLiteral("VOB") + id;
    m.type = type;
    m.state = state;
    m.amountCents = cents;
    m.cfHash = "0123456789abcdef";
    return m;
}

QList<qint64> amounts(const MovementsTableModel& model)
{
    QList<qint64> out;
    for (int r = 0; r < model.rowCount(); ++r)
        out.append(model.index(r, MovementsTableModel::Amount).data(MovementsTableModel::SortRole).toLongLong());
    return out;
}
} // namespace

class TestMovementsModel : public QObject
{
    Q_OBJECT
private slots:
    void columnsAndTexts()
    {
        MovementsTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRows({row(QStringLiteral("1"), 15, 123456, MovementType::Cancellazione, MovementState::InAttesa)});
        QCOMPARE(model.columnCount(), 5);
        QCOMPARE(model.headerData(0, Qt::Horizontal).toString(), QStringLiteral("Data e ora"));
        QCOMPARE(model.headerData(1, Qt::Horizontal).toString(), QStringLiteral("Codice identificativo"));
        QCOMPARE(model.headerData(2, Qt::Horizontal).toString(), QStringLiteral("Importo"));
        QCOMPARE(model.headerData(3, Qt::Horizontal).toString(), QStringLiteral("Tipo operazione"));
        QCOMPARE(model.headerData(4, Qt::Horizontal).toString(), QStringLiteral("Stato"));
        QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("26/11/2026 10:15:00"));
        QCOMPARE(model.index(0, 1).data().toString(), QStringLiteral("VOB1"));
        QCOMPARE(model.index(0, 2).data().toString(), QStringLiteral("1.234,56 €"));
        QCOMPARE(model.index(0, 3).data().toString(), QStringLiteral("Cancellazione"));
        QCOMPARE(model.index(0, 4).data().toString(), QStringLiteral("IN ATTESA"));
        QCOMPARE(model.index(0, 0).data(MovementsTableModel::MovementIdRole).toString(), QStringLiteral("1"));
        // No CF hash anywhere in what the model shows or exports.
        for (int c = 0; c < model.columnCount(); ++c)
            QVERIFY(!model.index(0, c).data().toString().contains(QStringLiteral("0123456789abcdef")));
        const auto exported = model.exportRows();
        QCOMPARE(exported.size(), 1);
        QCOMPARE(exported.first().code, QStringLiteral("VOB1"));
    }

    void sortsByEveryColumn()
    {
        MovementsTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        // Amounts chosen so that text order ("1.000,00 €" < "2,00 €") differs from numeric order.
        model.setRows({row(QStringLiteral("a"), 30, 200), row(QStringLiteral("b"), 20, 100000),
                       row(QStringLiteral("c"), 10, 9999, MovementType::Cancellazione, MovementState::InAttesa)});
        QCOMPARE(amounts(model), (QList<qint64> {200, 100000, 9999})); // the cache's order
        const QPersistentModelIndex followed = model.index(1, MovementsTableModel::Code); // "VOBb"
        model.sort(MovementsTableModel::Amount, Qt::AscendingOrder);
        QCOMPARE(amounts(model), (QList<qint64> {200, 9999, 100000}));
        QCOMPARE(followed.row(), 2);
        QCOMPARE(followed.data().toString(), QStringLiteral("VOBb"));
        model.sort(MovementsTableModel::Amount, Qt::DescendingOrder);
        QCOMPARE(amounts(model), (QList<qint64> {100000, 9999, 200}));
        model.sort(MovementsTableModel::DateTime, Qt::AscendingOrder);
        QCOMPARE(model.index(0, MovementsTableModel::Code).data().toString(), QStringLiteral("VOBc"));
        model.sort(MovementsTableModel::Code, Qt::DescendingOrder);
        QCOMPARE(model.index(0, MovementsTableModel::Code).data().toString(), QStringLiteral("VOBc"));
        model.sort(MovementsTableModel::Type, Qt::DescendingOrder);
        QCOMPARE(model.index(0, MovementsTableModel::Type).data().toString(), QStringLiteral("Cancellazione"));
        model.sort(MovementsTableModel::State, Qt::AscendingOrder);
        QCOMPARE(model.index(0, MovementsTableModel::State).data().toString(), QStringLiteral("IN ATTESA"));
        // The export follows the order on screen.
        QCOMPARE(model.exportRows().first().code, QStringLiteral("VOBc"));
        // A new result keeps the chosen sort.
        model.sort(MovementsTableModel::Amount, Qt::AscendingOrder);
        model.setRows({row(QStringLiteral("x"), 1, 5), row(QStringLiteral("y"), 2, 1)});
        QCOMPARE(amounts(model), (QList<qint64> {1, 5}));
        QCOMPARE(model.total(), Money::fromCents(6));
    }

    void hundredThousandRows()
    {
        QList<CachedMovement> rows;
        rows.reserve(100000);
        for (int i = 0; i < 100000; ++i)
            rows.append(row(QString::number(i), i % 60, (i * 7919) % 100000));
        MovementsTableModel model;
        QElapsedTimer t;
        t.start();
        model.setRows(rows);
        model.sort(MovementsTableModel::Amount, Qt::AscendingOrder);
        qInfo("100,000 rows set and sorted by amount in %lld ms", qint64(t.elapsed()));
        QCOMPARE(model.rowCount(), 100000);
        const auto sorted = amounts(model);
        QVERIFY(std::is_sorted(sorted.begin(), sorted.end()));
        QCOMPARE(model.exportRows().size(), 100000);
    }
};

QTEST_MAIN(TestMovementsModel)
#include "tst_movements_model.moc"
