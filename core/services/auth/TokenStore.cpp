#include "core/services/auth/TokenStore.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QMetaObject>
#include <qt6keychain/keychain.h>

Q_LOGGING_CATEGORY(lcTokenStore, "sinfonia.services.tokenstore")

namespace sinfonia {

Error TokenStore::notFound(const QString& key)
{
    return makeError(QStringLiteral("keychain.not_found"),
                     QCoreApplication::translate("sinfonia::TokenStore", "Nessuna credenziale salvata."), key);
}

Error TokenStore::unavailable(const QString& detail)
{
    return makeError(QStringLiteral("keychain.unavailable"),
                     QCoreApplication::translate("sinfonia::TokenStore",
                                                 "Portachiavi di sistema non disponibile: l'accesso non viene "
                                                 "ricordato e nulla è salvato sul disco. Dovrai accedere di nuovo "
                                                 "al prossimo avvio."),
                     detail);
}

namespace {

// Runs `fn` in the context's thread on the next event loop turn, unless the context is gone.
void post(QObject* context, std::function<void()> fn)
{
    QMetaObject::invokeMethod(context, std::move(fn), Qt::QueuedConnection);
}

Error jobError(const QKeychain::Job* job)
{
    if (job->error() == QKeychain::EntryNotFound)
        return TokenStore::notFound(job->key());
    return TokenStore::unavailable(QStringLiteral("keychain error %1: %2").arg(job->error()).arg(job->errorString()));
}

} // namespace

KeychainTokenStore::KeychainTokenStore(QString service)
    : m_service(std::move(service))
{
}

void KeychainTokenStore::read(const QString& key, QObject* context, ReadCallback done)
{
    auto* job = new QKeychain::ReadPasswordJob(m_service);
    job->setAutoDelete(true);
    job->setKey(key);
    QObject::connect(job, &QKeychain::Job::finished, context, [done = std::move(done)](QKeychain::Job* j) {
        if (j->error() != QKeychain::NoError) {
            done(jobError(j));
            return;
        }
        done(static_cast<QKeychain::ReadPasswordJob*>(j)->binaryData());
    });
    job->start();
}

void KeychainTokenStore::write(const QString& key, const QByteArray& secret, QObject* context, DoneCallback done)
{
    auto* job = new QKeychain::WritePasswordJob(m_service);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    job->setBinaryData(secret);
    QObject::connect(job, &QKeychain::Job::finished, context, [done = std::move(done)](QKeychain::Job* j) {
        if (j->error() != QKeychain::NoError) {
            qCWarning(lcTokenStore) << "keychain write failed:" << j->error() << j->errorString();
            done(jobError(j));
            return;
        }
        done({});
    });
    job->start();
}

void KeychainTokenStore::remove(const QString& key, QObject* context, DoneCallback done)
{
    auto* job = new QKeychain::DeletePasswordJob(m_service);
    job->setAutoDelete(true);
    job->setKey(key);
    QObject::connect(job, &QKeychain::Job::finished, context, [done = std::move(done)](QKeychain::Job* j) {
        // Deleting what is not there is success: the goal (no secret stored) is reached.
        if (j->error() != QKeychain::NoError && j->error() != QKeychain::EntryNotFound) {
            done(jobError(j));
            return;
        }
        done({});
    });
    job->start();
}

void MemoryTokenStore::read(const QString& key, QObject* context, ReadCallback done)
{
    Result<QByteArray> r = !m_available ? Result<QByteArray>(unavailable(QStringLiteral("memory store off")))
        : m_secrets.contains(key)       ? Result<QByteArray>(m_secrets.value(key))
                                        : Result<QByteArray>(notFound(key));
    post(context, [done = std::move(done), r = std::move(r)] { done(r); });
}

void MemoryTokenStore::write(const QString& key, const QByteArray& secret, QObject* context, DoneCallback done)
{
    Result<void> r;
    if (m_available)
        m_secrets.insert(key, secret);
    else
        r = unavailable(QStringLiteral("memory store off"));
    post(context, [done = std::move(done), r = std::move(r)] { done(r); });
}

void MemoryTokenStore::remove(const QString& key, QObject* context, DoneCallback done)
{
    Result<void> r;
    if (m_available)
        m_secrets.remove(key);
    else
        r = unavailable(QStringLiteral("memory store off"));
    post(context, [done = std::move(done), r = std::move(r)] { done(r); });
}

} // namespace sinfonia
