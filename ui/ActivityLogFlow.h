#pragma once

#include <QDate>
#include <QObject>
#include <QString>

namespace sinfonia {

class ApiClient;
class ActivityLogPage;
class OperatorSession;

// "Registro attività" of Gestione struttura: searches the structure's audit trail for the page's
// period, loads the next page on request and exports what is shown to CSV (core/export's writer,
// formulas neutralised).
class ActivityLogFlow : public QObject
{
    Q_OBJECT
public:
    ActivityLogFlow(ApiClient& api, OperatorSession& session, ActivityLogPage& page, QObject* parent = nullptr);

    void load(const QDate& from, const QDate& to);

private:
    void fetch(bool first);
    void exportTo(const QString& path);

    ApiClient& m_api;
    OperatorSession& m_session;
    ActivityLogPage& m_page;
    QDate m_from;
    QDate m_to;
    QString m_cursor;
};

} // namespace sinfonia
