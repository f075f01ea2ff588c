#pragma once

#include "core/domain/Result.h"
#include "core/services/net/ApiTypes.h"

#include <QObject>
#include <functional>

namespace sinfonia {

class ApiClient;
class OperatorSession;
class StaffPage;

// "Gestione struttura" for the titolare: loads the employees of the selected structure and runs
// the page's requests (add, associate or remove the service, disable or re-enable), each the same
// way: the page is busy until the answer, then shows the updated employee or the refusal.
class StaffFlow : public QObject
{
    Q_OBJECT
public:
    StaffFlow(ApiClient& api, OperatorSession& session, StaffPage& page, QObject* parent = nullptr);

    void load();

private:
    using Request = std::function<void(std::function<void(Result<Employee>)>)>;
    // Sends one change and reports its outcome with `done(employee)` as the success text.
    void change(const Request& request, std::function<QString(const Employee&)> done);

    ApiClient& m_api;
    OperatorSession& m_session;
    StaffPage& m_page;
};

} // namespace sinfonia
