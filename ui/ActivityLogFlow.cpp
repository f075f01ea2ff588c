#include "ui/ActivityLogFlow.h"

#include "core/export/MovementExport.h"
#include "core/services/net/ApiClient.h"
#include "ui/OperatorSession.h"
#include "ui/models/AuditModel.h"
#include "ui/pages/ActivityLogPage.h"

#include <QDir>

namespace sinfonia {

ActivityLogFlow::ActivityLogFlow(ApiClient& api, OperatorSession& session, ActivityLogPage& page, QObject* parent)
    : QObject(parent)
    , m_api(api)
    , m_session(session)
    , m_page(page)
{
    connect(&page, &ActivityLogPage::searchRequested, this, &ActivityLogFlow::load);
    connect(&page, &ActivityLogPage::moreRequested, this, [this] { fetch(false); });
    connect(&page, &ActivityLogPage::exportRequested, this, &ActivityLogFlow::exportTo);
}

void ActivityLogFlow::load(const QDate& from, const QDate& to)
{
    m_from = from;
    m_to = to;
    m_cursor.clear();
    fetch(true);
}

void ActivityLogFlow::fetch(bool first)
{
    m_page.setBusy(true);
    m_api.audit(
        m_session.structureId(), m_from, m_to, first ? QString() : m_cursor, this, [this, first](Result<AuditPage> r) {
            m_page.setBusy(false);
            if (!r.ok()) {
                m_page.setHasMore(false);
                return m_page.showMessage(r.error().message, true);
            }
            if (first)
                m_page.model()->clear();
            m_page.model()->append(r.value().items);
            m_cursor = r.value().nextCursor;
            m_page.setHasMore(!m_cursor.isEmpty());
            const int shown = m_page.model()->rowCount();
            m_page.showMessage(
                shown == 0 ? tr("Nessuna attività nel periodo.") : tr("Attività mostrate: %1.").arg(shown), false);
        });
}

void ActivityLogFlow::exportTo(const QString& path)
{
    const AuditModel* model = m_page.model();
    auto written = MovementExport::writeCsvTable(path, model->headers(), model->rowsAsText());
    if (!written)
        return m_page.showMessage(written.error().message, true);
    m_page.showMessage(tr("Registro esportato in %1.").arg(QDir::toNativeSeparators(path)), false);
}

} // namespace sinfonia
