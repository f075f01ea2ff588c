#pragma once

#include <QString>

class QLabel;
class QWidget;

namespace sinfonia::ui {

// Sets the style-sheet class of `w` ("error", "hint", "primary", ...) and re-polishes it so the
// change shows at once.
void setStyleClass(QWidget* w, const QString& styleClass);
// A label for a page title ("pageTitle") or a section title ("sectionTitle").
QLabel* titleLabel(const QString& text, QWidget* parent, bool section = false);
// Shows `text` in a status label styled as an error (or clears it when empty).
void showStatus(QLabel* label, const QString& text, bool error);

} // namespace sinfonia::ui
