#pragma once

// CSV files of a small real service, as IT would write them: two structures, a titolare, an
// employee and a disabled employee, two beneficiaries with vouchers. The codici fiscali and card
// numbers are valid ones built at test time; the voucher dates are relative to `today`.
#include "server/ledger/DemoIdentity.h"

#include <QByteArray>
#include <QDate>
#include <QString>

namespace sinfonia::test::samples {

inline QString titolareCf()
{
    return ledger::DemoIdentity::codiceFiscale(QStringLiteral("Verdi"), QStringLiteral("Paolo"), QDate(1968, 4, 2),
                                               false, QStringLiteral("A509"));
}
inline QString dipendenteCf()
{
    return ledger::DemoIdentity::codiceFiscale(QStringLiteral("Neri"), QStringLiteral("Carla"), QDate(1990, 9, 14),
                                               true, QStringLiteral("F839"));
}
inline QString disabledCf()
{
    return ledger::DemoIdentity::codiceFiscale(QStringLiteral("Gialli"), QStringLiteral("Aldo"), QDate(1985, 1, 27),
                                               false, QStringLiteral("H703"));
}
inline QString beneficiaryCf()
{
    return ledger::DemoIdentity::codiceFiscale(QStringLiteral("Amato"), QStringLiteral("Lucia"), QDate(1989, 6, 5),
                                               true, QStringLiteral("A509"));
}
inline QString secondBeneficiaryCf()
{
    return ledger::DemoIdentity::codiceFiscale(QStringLiteral("Serra"), QStringLiteral("Nadia"), QDate(1993, 2, 11),
                                               true, QStringLiteral("F839"));
}
inline QString beneficiaryCard()
{
    return ledger::DemoIdentity::cardNumber(QStringLiteral("020000000001"));
}
inline QString secondBeneficiaryCard()
{
    return ledger::DemoIdentity::cardNumber(QStringLiteral("020000000002"));
}
inline QString beneficiaryPhone()
{
    return QStringLiteral("+393401112222");
}

inline QByteArray structuresCsv()
{
    return QByteArrayLiteral("id;nome;indirizzo\n"
                             "FAR101;Farmacia Irpina;Corso Vittorio Emanuele 10, Avellino\n"
                             "\"PAR102\";\"Parafarmacia \"\"Il Golfo\"\"\";\"Via Toledo 5; Napoli\"\n");
}

inline QByteArray operatorsCsv()
{
    return (QStringLiteral("codice_fiscale;cognome;nome;struttura;ruolo;abilitato;servizi\n") + titolareCf()
            + QStringLiteral(";Verdi;Paolo;FAR101;titolare;si;voucher-secondogeniti\n") + titolareCf()
            + QStringLiteral(";Verdi;Paolo;PAR102;titolare;si;voucher-secondogeniti\n") + dipendenteCf()
            + QStringLiteral(";Neri;Carla;FAR101;dipendente;si;voucher-secondogeniti\n") + disabledCf()
            + QStringLiteral(";Gialli;Aldo;FAR101;dipendente;no;voucher-secondogeniti\n"))
        .toUtf8();
}

inline QByteArray beneficiariesCsv(QDate today)
{
    const QString from = today.addMonths(-1).toString(Qt::ISODate);
    const QString to = today.addMonths(11).toString(Qt::ISODate);
    return (QStringLiteral("codice_fiscale;cognome;nome;telefono;tessera_sanitaria;voucher;data_attivazione;"
                           "data_scadenza;importo_centesimi\n")
            + beneficiaryCf() + QStringLiteral(";Amato;Lucia;") + beneficiaryPhone() + QLatin1Char(';')
            + beneficiaryCard() + QStringLiteral(";VOB900001001;") + from + QLatin1Char(';') + to
            + QStringLiteral(";60000\n") + beneficiaryCf() + QStringLiteral(";Amato;Lucia;") + beneficiaryPhone()
            + QLatin1Char(';') + beneficiaryCard() + QStringLiteral(";VOB900001002;") + from + QLatin1Char(';') + to
            + QStringLiteral(";25050\n") + secondBeneficiaryCf() + QStringLiteral(";Serra;Nadia;340 333 4444;")
            + secondBeneficiaryCard() + QStringLiteral(";VOB900002001;") + from + QLatin1Char(';') + to
            + QStringLiteral(";60000\n"))
        .toUtf8();
}

} // namespace sinfonia::test::samples
