#include "ui/StaffFlow.h"

#include "core/services/net/ApiClient.h"
#include "ui/OperatorSession.h"
#include "ui/pages/StaffPage.h"

namespace sinfonia {

StaffFlow::StaffFlow(ApiClient& api, OperatorSession& session, StaffPage& page, QObject* parent)
    : QObject(parent)
    , m_api(api)
    , m_session(session)
    , m_page(page)
{
    connect(&page, &StaffPage::addEmployeeRequested, this,
            [this](const QString& cf, const QString& given, const QString& family) {
                change(
                    [this, cf, given, family](auto done) {
                        m_api.addEmployee(m_session.structureId(), cf, given, family, this, std::move(done));
                    },
                    [](const Employee& e) { return tr("Dipendente %1 %2 aggiunto.").arg(e.givenName, e.familyName); });
            });
    connect(&page, &StaffPage::serviceChangeRequested, this,
            [this](const QString& id, const QString& service, bool associate) {
                change(
                    [this, id, service, associate](auto done) {
                        if (associate)
                            m_api.associateService(m_session.structureId(), id, service, this, std::move(done));
                        else
                            m_api.removeService(m_session.structureId(), id, service, this, std::move(done));
                    },
                    [](const Employee&) { return tr("Servizi aggiornati."); });
            });
    connect(&page, &StaffPage::enabledChangeRequested, this, [this](const QString& id, bool enabled) {
        change(
            [this, id, enabled](auto done) {
                if (enabled)
                    m_api.enableEmployee(m_session.structureId(), id, this, std::move(done));
                else
                    m_api.disableEmployee(m_session.structureId(), id, this, std::move(done));
            },
            [enabled](const Employee&) { return enabled ? tr("Utenza riabilitata.") : tr("Utenza disabilitata."); });
    });
}

void StaffFlow::load()
{
    m_api.employees(m_session.structureId(), this, [this](Result<QList<Employee>> r) {
        if (!r.ok())
            return m_page.showMessage(r.error().message, true);
        m_page.setEmployees(r.value());
    });
}

void StaffFlow::change(const Request& request, std::function<QString(const Employee&)> done)
{
    m_page.setBusy(true);
    request([this, done = std::move(done)](Result<Employee> r) {
        m_page.setBusy(false);
        if (!r.ok())
            return m_page.showMessage(r.error().message, true);
        m_page.updateEmployee(r.value());
        m_page.showMessage(done(r.value()), false);
    });
}

} // namespace sinfonia
