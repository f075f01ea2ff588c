#pragma once

#include <QLabel>
#include <QStyle>

// Style helpers of the movements page, the same conventions as ui/UiHelpers (style-sheet classes
// "pageTitle", "banner", "errorBanner", ...) without linking the whole sinfonia_ui library.
namespace sinfonia::mui {

inline void setStyleClass(QWidget* w, const QString& styleClass)
{
    w->setProperty("class", styleClass);
    w->style()->unpolish(w);
    w->style()->polish(w);
    w->updateGeometry();
}

inline QLabel* titleLabel(const QString& text, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    label->setProperty("class", QStringLiteral("pageTitle"));
    label->setAccessibleName(text);
    return label;
}

inline void showStatus(QLabel* label, const QString& text, bool error)
{
    label->setText(text);
    label->setVisible(!text.isEmpty());
    setStyleClass(label, error ? QStringLiteral("errorBanner") : QStringLiteral("banner"));
    label->setAccessibleDescription(text);
}

} // namespace sinfonia::mui
