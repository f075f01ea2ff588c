#pragma once

#include <QStringList>

namespace sinfonia::ledger {

// The versioned schema. Version N is a list of statements applied in one transaction; a migration
// is never edited once released, a change is a new version. Placeholders {ID} and {BLOB} are
// replaced per backend so the rest of the SQL stays portable.
namespace Migrations {
int latestVersion();
QStringList statements(int version, bool postgres);
} // namespace Migrations

} // namespace sinfonia::ledger
