#pragma once

#include "core/services/net/ApiTypes.h"

#include <QWidget>

class QLabel;
class QListWidget;
class QPushButton;
class QGroupBox;

namespace sinfonia {

// "Accesso Riservato": SPID login in the system browser and, when the server is a sandbox,
// "Accesso di prova" with its test identities (for demo, training and machines without a browser).
class LoginPage : public QWidget
{
    Q_OBJECT
public:
    explicit LoginPage(QWidget* parent = nullptr);

    void setSandboxIdentities(const QList<SandboxIdentity>& identities);
    // Waiting for the browser (or the sandbox): buttons disabled, "Annulla" shown.
    void setBusy(bool busy, const QString& message = {});
    void showError(const QString& message);

    QListWidget* identityList() const { return m_identities; }

signals:
    void spidLoginRequested();
    void sandboxLoginRequested(const QString& identityId);
    void cancelRequested();

private:
    void requestSandboxLogin();

    QPushButton* m_spidButton = nullptr;
    QPushButton* m_cancelButton = nullptr;
    QGroupBox* m_sandboxBox = nullptr;
    QListWidget* m_identities = nullptr;
    QPushButton* m_sandboxButton = nullptr;
    QLabel* m_status = nullptr;
};

} // namespace sinfonia
