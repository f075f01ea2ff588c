#include "server/sandbox/LoginPage.h"

#include <QUrl>
#include <QUrlQuery>
#include <httplib.h>

namespace sinfonia::sandbox {

namespace {
QString page(const QString& title, const QString& body)
{
    return QStringLiteral("<!DOCTYPE html>\n<html lang=\"it\"><head><meta charset=\"utf-8\">"
                          "<meta name=\"viewport\" content=\"width=device-width\"><title>")
        + title.toHtmlEscaped()
        + QStringLiteral("</title><style>body{font-family:sans-serif;max-width:40em;margin:2em auto;color:#1a1a1a}"
                         "li{margin:.6em 0}a{color:#0059b3}.note{color:#555}</style></head><body>")
        + body + QStringLiteral("</body></html>\n");
}

QString withIdentity(const QString& base, const QString& identity)
{
    QUrl url(base);
    QUrlQuery q(url);
    q.addQueryItem(QStringLiteral("identity"), identity);
    url.setQuery(q);
    return url.toString(QUrl::FullyEncoded);
}
} // namespace

QString LoginPage::render(const QString& base, const QList<ledger::SandboxIdentity>& ids)
{
    QString body = QStringLiteral("<h1>Accesso di prova (SPID simulato)</h1>"
                                  "<p class=\"note\">Ambiente sandbox: dati di esempio, nessun SPID reale. "
                                  "Scegli l'identità con cui entrare.</p><ul>");
    for (const auto& id : ids) {
        QStringList structures;
        for (const auto& s : id.structures)
            structures << s.name;
        const QString role
            = id.role == ledger::Role::Titolare ? QStringLiteral("Titolare") : QStringLiteral("Dipendente");
        body += QStringLiteral("<li><a href=\"%1\">%2</a> — %3<br><span class=\"note\">%4</span></li>")
                    .arg(withIdentity(base, id.id).toHtmlEscaped(), id.displayName.toHtmlEscaped(), role,
                         structures.isEmpty() ? QStringLiteral("Nessuna struttura abilitata")
                                              : structures.join(QStringLiteral(", ")).toHtmlEscaped());
    }
    body += QStringLiteral("</ul><p><a href=\"%1\">Annulla</a></p>")
                .arg(withIdentity(base, QStringLiteral("cancel")).toHtmlEscaped());
    return page(QStringLiteral("Accesso di prova - SINFONIA"), body);
}

void LoginPage::sendPage(httplib::Response& res, const httplib::Request& req, const QList<ledger::SandboxIdentity>& ids)
{
    QUrlQuery q;
    for (const auto& [k, v] : req.params) {
        if (k != "identity")
            q.addQueryItem(QString::fromStdString(k), QString::fromStdString(v));
    }
    QUrl url(QStringLiteral("/oauth/authorize"));
    url.setQuery(q);
    res.status = 200;
    res.set_header("Cache-Control", "no-store");
    res.set_content(render(url.toString(QUrl::FullyEncoded), ids).toStdString(), "text/html; charset=utf-8");
}

void LoginPage::sendError(httplib::Response& res, int status, const QString& message)
{
    res.status = status;
    res.set_content(
        page(QStringLiteral("Accesso non riuscito - SINFONIA"),
             QStringLiteral("<h1>Accesso non riuscito</h1><p>") + message.toHtmlEscaped() + QStringLiteral("</p>"))
            .toStdString(),
        "text/html; charset=utf-8");
}

} // namespace sinfonia::sandbox
