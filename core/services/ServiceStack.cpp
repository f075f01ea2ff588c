#include "core/services/ServiceStack.h"

#include "core/services/auth/LoginFlow.h"
#include "core/services/auth/QuickUnlock.h"
#include "core/services/auth/Session.h"
#include "core/services/auth/TokenStore.h"
#include "core/services/cache/CfHasher.h"
#include "core/services/cache/MovementCache.h"
#include "core/services/journal/OperationJournal.h"
#include "core/services/journal/OperationRunner.h"
#include "core/services/net/ApiClient.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QNetworkAccessManager>

Q_LOGGING_CATEGORY(lcStack, "sinfonia.services.stack")

namespace sinfonia {

namespace {
struct Texts
{
    Q_DECLARE_TR_FUNCTIONS(sinfonia::ServiceStack)
};
} // namespace

ServiceStack::ServiceStack(const Clock& clock, TokenStore& tokens, const Options& options)
    : m_clock(clock)
    , m_tokens(tokens)
    , m_nam(std::make_unique<QNetworkAccessManager>())
    , m_api(std::make_unique<ApiClient>(m_nam.get(), options.serverUrl))
    , m_session(std::make_unique<Session>(m_api.get(), &m_tokens, clock))
    , m_login(std::make_unique<LoginFlow>(m_api.get(), m_session.get()))
    , m_journal(std::make_unique<OperationJournal>(clock))
    , m_runner(std::make_unique<OperationRunner>(m_api.get(), m_journal.get(), clock))
    , m_cache(std::make_unique<MovementCache>(clock))
    , m_quickUnlock(std::make_unique<QuickUnlock>(tokens))
{
    if (options.timeoutMs)
        m_api->setTimeoutMs(*options.timeoutMs);
    m_api->setTokenProvider(m_session.get());
    if (!options.identityGateway.isEmpty())
        m_login->setIdentityGateway(QUrl(options.identityGateway));
    // The journal must exist before the first purchase: a failure is kept for the UI to report.
    openJournal(options.journalPath);
}

const Result<void>& ServiceStack::openJournal(const QString& path)
{
    if (path.isEmpty()) {
        m_journalOpened = makeError(QStringLiteral("journal.closed"),
                                    Texts::tr("Registro delle operazioni non disponibile."), QStringLiteral("no path"));
    } else {
        m_journalOpened = m_journal->open(path);
        if (!m_journalOpened.ok())
            qCWarning(lcStack) << "operation journal unavailable:" << m_journalOpened.error().detail;
    }
    return m_journalOpened;
}

ServiceStack::~ServiceStack() = default;

void ServiceStack::openCache(const QString& path, int retentionMonths)
{
    MovementCache* cache = m_cache.get();
    CfHasher::loadOrCreateKey(&m_tokens, cache, [cache, path, retentionMonths](QByteArray key, bool persistent) {
        cache->open(path, key, retentionMonths);
        if (!persistent)
            cache->clear(); // old hashes cannot be matched with a key that lives in memory only
    });
}

} // namespace sinfonia
