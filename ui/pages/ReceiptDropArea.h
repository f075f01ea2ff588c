#pragma once

#include <QLabel>

namespace sinfonia {

// The receipt preview that also accepts drag and drop of a file (or an image) from the desktop.
class ReceiptDropArea : public QLabel
{
    Q_OBJECT
public:
    explicit ReceiptDropArea(QWidget* parent = nullptr);

signals:
    void fileDropped(const QString& path);
    void imageDropped(const QImage& image);

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;
};

} // namespace sinfonia
