#include "app/Localization.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace sinfonia {

QString installTranslators(QCoreApplication& app, const QString& language)
{
    QString lang = language.toLower();
    if (lang.isEmpty())
        lang = QLocale::system().language() == QLocale::English ? QStringLiteral("en") : QStringLiteral("it");
    if (lang != QStringLiteral("en"))
        lang = QStringLiteral("it");
    const QLocale locale(lang == QStringLiteral("en") ? QLocale::English : QLocale::Italian,
                         lang == QStringLiteral("en") ? QLocale::UnitedKingdom : QLocale::Italy);
    QLocale::setDefault(locale);

    auto* qtTranslator = new QTranslator(&app);
    if (qtTranslator->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                           QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qtTranslator);
    auto* ours = new QTranslator(&app);
    if (ours->load(locale, QStringLiteral("sinfonia"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(ours);
    return lang;
}

} // namespace sinfonia
