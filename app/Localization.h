#pragma once

#include <QString>

class QCoreApplication;

namespace sinfonia {

// Installs the translators: ours (embedded under :/i18n) and Qt's own, for `language` ("it", "en")
// or, when empty, English only if the system asks for English and Italian otherwise.
// Returns the language in use.
QString installTranslators(QCoreApplication& app, const QString& language);

} // namespace sinfonia
