#include "ui/UiHelpers.h"

#include <QLabel>
#include <QStyle>

namespace sinfonia::ui {

void setStyleClass(QWidget* w, const QString& styleClass)
{
    w->setProperty("class", styleClass);
    w->style()->unpolish(w);
    w->style()->polish(w);
    w->updateGeometry(); // padding and borders change the size hint
}

QLabel* titleLabel(const QString& text, QWidget* parent, bool section)
{
    auto* label = new QLabel(text, parent);
    label->setProperty("class", section ? QStringLiteral("sectionTitle") : QStringLiteral("pageTitle"));
    label->setAccessibleName(text);
    return label;
}

void showStatus(QLabel* label, const QString& text, bool error)
{
    label->setText(text);
    label->setVisible(!text.isEmpty());
    setStyleClass(label, error ? QStringLiteral("errorBanner") : QStringLiteral("banner"));
    label->setAccessibleDescription(text);
}

} // namespace sinfonia::ui
