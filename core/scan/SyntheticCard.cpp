#include "core/scan/SyntheticCard.h"

#include <QPainter>
#include <QRandomGenerator>
#include <ZXing/BitMatrix.h>
#include <ZXing/MultiFormatWriter.h>
#include <algorithm>
#include <cmath>
#include <vector>

namespace sinfonia::SyntheticCard {

namespace {

double gaussian(QRandomGenerator& rng)
{
    // Box–Muller: the generator is seeded, so every set is reproducible.
    const double u1 = std::max(rng.generateDouble(), 1e-12);
    const double u2 = rng.generateDouble();
    return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * M_PI * u2);
}

void addNoise(QImage& gray, double sigma, QRandomGenerator& rng)
{
    if (sigma <= 0)
        return;
    for (int y = 0; y < gray.height(); ++y) {
        uchar* row = gray.scanLine(y);
        for (int x = 0; x < gray.width(); ++x)
            row[x] = uchar(std::clamp(int(std::lround(row[x] + sigma * gaussian(rng))), 0, 255));
    }
}

// Separable box blur on an 8-bit grey image.
void boxBlur(QImage& gray, int radius)
{
    if (radius <= 0)
        return;
    const int w = gray.width();
    const int h = gray.height();
    const int n = 2 * radius + 1;
    std::vector<int> line(size_t(std::max(w, h)));
    for (int y = 0; y < h; ++y) {
        uchar* row = gray.scanLine(y);
        for (int x = 0; x < w; ++x)
            line[size_t(x)] = row[x];
        for (int x = 0; x < w; ++x) {
            int sum = 0;
            for (int k = -radius; k <= radius; ++k)
                sum += line[size_t(std::clamp(x + k, 0, w - 1))];
            row[x] = uchar(sum / n);
        }
    }
    for (int x = 0; x < w; ++x) {
        for (int y = 0; y < h; ++y)
            line[size_t(y)] = gray.constScanLine(y)[x];
        for (int y = 0; y < h; ++y) {
            int sum = 0;
            for (int k = -radius; k <= radius; ++k)
                sum += line[size_t(std::clamp(y + k, 0, h - 1))];
            gray.scanLine(y)[x] = uchar(sum / n);
        }
    }
}

} // namespace

void gaussianBlur(QImage& gray, double sigma)
{
    if (sigma <= 0 || gray.isNull())
        return;
    const int radius = std::max(1, int(std::ceil(3.0 * sigma)));
    std::vector<float> k(size_t(2 * radius + 1));
    float total = 0;
    for (int i = -radius; i <= radius; ++i)
        total += k[size_t(i + radius)] = float(std::exp(-0.5 * double(i * i) / (sigma * sigma)));
    for (float& v : k)
        v /= total;
    const int w = gray.width();
    const int h = gray.height();
    std::vector<float> line(size_t(std::max(w, h)));
    std::vector<float> tmp(size_t(w) * size_t(h));
    for (int y = 0; y < h; ++y) {
        const uchar* row = gray.constScanLine(y);
        for (int x = 0; x < w; ++x) {
            float acc = 0;
            for (int i = -radius; i <= radius; ++i)
                acc += k[size_t(i + radius)] * float(row[std::clamp(x + i, 0, w - 1)]);
            tmp[size_t(y) * size_t(w) + size_t(x)] = acc;
        }
    }
    for (int x = 0; x < w; ++x) {
        for (int y = 0; y < h; ++y)
            line[size_t(y)] = tmp[size_t(y) * size_t(w) + size_t(x)];
        for (int y = 0; y < h; ++y) {
            float acc = 0;
            for (int i = -radius; i <= radius; ++i)
                acc += k[size_t(i + radius)] * line[size_t(std::clamp(y + i, 0, h - 1))];
            gray.scanLine(y)[x] = uchar(std::clamp(int(std::lround(acc)), 0, 255));
        }
    }
}

QImage code39(const QString& text, int pixelsPerModule, int height)
{
    const std::string upper = text.toUpper().toStdString();
    const ZXing::BitMatrix m = ZXing::MultiFormatWriter(ZXing::BarcodeFormat::Code39).setMargin(10).encode(upper, 0, 1);
    const int modules = m.width();
    QImage img(modules * pixelsPerModule, height, QImage::Format_Grayscale8);
    for (int y = 0; y < height; ++y) {
        uchar* row = img.scanLine(y);
        for (int x = 0; x < img.width(); ++x)
            row[x] = m.get(x / pixelsPerModule, 0) ? 0 : 255;
    }
    return img;
}

QImage frame(const QString& text, int pixelsPerModule, const Distortion& d, QSize frameSize, quint32 seed)
{
    QRandomGenerator rng(seed);
    // Aspect about 5:1, like the barcode printed on the back of the card.
    QImage code = code39(text, pixelsPerModule, std::max(40, 243 * pixelsPerModule / 5));
    // Map black/white to the requested contrast before placing it.
    for (int y = 0; y < code.height(); ++y) {
        uchar* row = code.scanLine(y);
        for (int x = 0; x < code.width(); ++x)
            row[x] = row[x] ? uchar(d.light) : uchar(d.dark);
    }
    QImage canvas(frameSize, QImage::Format_RGB32);
    canvas.fill(QColor(d.light, d.light, d.light));
    {
        QPainter p(&canvas);
        // A slightly darker card outline around the code, as in a real photo of the card back.
        const int cardTone = std::max(d.dark, d.light - 12);
        p.setPen(Qt::NoPen);
        p.setBrush(QColor(cardTone, cardTone, cardTone));
        const QSize card(std::min(frameSize.width() - 8, code.width() + 80),
                         std::min(frameSize.height() - 8, code.height() * 3));
        p.translate(frameSize.width() / 2.0, frameSize.height() / 2.0);
        p.rotate(d.tiltDegrees);
        p.drawRect(QRectF(-card.width() / 2.0, -card.height() / 2.0, card.width(), card.height()));
        if (d.tiltDegrees != 0)
            p.setRenderHint(QPainter::SmoothPixmapTransform);
        p.drawImage(QPointF(-code.width() / 2, -code.height() / 2), code);
    }
    QImage gray = canvas.convertToFormat(QImage::Format_Grayscale8);
    boxBlur(gray, int(std::lround(d.blurRadius)));
    gaussianBlur(gray, d.gaussianSigma);
    addNoise(gray, d.noiseSigma, rng);
    return gray;
}

QImage softFrame(const QString& text, double pixelsPerModule, const Distortion& d, QSize frameSize, quint32 seed)
{
    QRandomGenerator rng(seed);
    // Rendered at 4 px per module per `pixelsPerModule` unit finer, then each output pixel is the
    // mean of the fine pixels it covers (area sampling, like a sensor): 1.25 px/module is exact.
    constexpr int fine = 4;
    const int finePpm = std::max(1, int(std::lround(pixelsPerModule * fine)));
    const QImage strip = code39(text, finePpm, 8);
    const int outW = std::max(1, int(std::lround(double(strip.width()) / fine)));
    const int outH = std::max(24, int(std::lround(pixelsPerModule * 48.0)));
    std::vector<uchar> profile(static_cast<size_t>(outW));
    for (int x = 0; x < outW; ++x) {
        int sum = 0;
        int n = 0;
        for (int f = x * fine; f < std::min(strip.width(), (x + 1) * fine); ++f, ++n)
            sum += strip.constScanLine(0)[f] ? d.light : d.dark;
        profile[size_t(x)] = uchar(n ? sum / n : d.light);
    }
    QImage gray(frameSize, QImage::Format_Grayscale8);
    gray.fill(uchar(d.light));
    const int cardTone = std::max(d.dark, d.light - 12);
    const int cardW = std::min(frameSize.width() - 8, outW + 60);
    const int cardH = std::min(frameSize.height() - 8, outH * 3);
    const int cx = frameSize.width() / 2;
    const int cy = frameSize.height() / 2;
    for (int y = cy - cardH / 2; y < cy + cardH / 2; ++y)
        std::fill_n(gray.scanLine(y) + cx - cardW / 2, cardW, uchar(cardTone));
    const int x0 = cx - outW / 2;
    for (int y = cy - outH / 2; y < cy + outH / 2; ++y)
        std::copy(profile.begin(), profile.end(), gray.scanLine(y) + x0);
    // Blur only the card and a margin: the rest of the frame is flat, where a blur changes nothing.
    const int margin = int(std::ceil(3.0 * d.gaussianSigma)) + int(std::lround(d.blurRadius)) + 2;
    const QRect area = QRect(cx - cardW / 2 - margin, cy - cardH / 2 - margin, cardW + 2 * margin, cardH + 2 * margin)
                           .intersected(gray.rect());
    QImage part = gray.copy(area);
    boxBlur(part, int(std::lround(d.blurRadius)));
    gaussianBlur(part, d.gaussianSigma);
    for (int y = 0; y < part.height(); ++y)
        std::copy_n(part.constScanLine(y), part.width(), gray.scanLine(area.y() + y) + area.x());
    addNoise(gray, d.noiseSigma, rng);
    return gray;
}

QImage emptyFrame(QSize frameSize, double noiseSigma, quint32 seed)
{
    QRandomGenerator rng(seed);
    QImage gray(frameSize, QImage::Format_Grayscale8);
    gray.fill(200);
    {
        // Some structure (text-like blocks) so the detector has edges to reject, not a flat field.
        QImage canvas = gray.convertToFormat(QImage::Format_RGB32);
        QPainter p(&canvas);
        p.setPen(Qt::NoPen);
        for (int i = 0; i < 40; ++i) {
            const int tone = rng.bounded(40, 180);
            p.setBrush(QColor(tone, tone, tone));
            p.drawRect(rng.bounded(frameSize.width()), rng.bounded(frameSize.height()), rng.bounded(8, 120),
                       rng.bounded(4, 30));
        }
        p.end();
        gray = canvas.convertToFormat(QImage::Format_Grayscale8);
    }
    addNoise(gray, noiseSigma, rng);
    return gray;
}

QStringList sampleCodes()
{
    return {QStringLiteral("RSSMRA85T10A562S"), QStringLiteral("BNCLRA90A41F839H"), QStringLiteral("VRDGPP80E15H501Q"),
            QStringLiteral("ESPFNC75M52A509L"), QStringLiteral("RSSMRA85T50A562W"), QStringLiteral("CSTNNA92D63F839F"),
            QStringLiteral("GLLPLA88C12L245Q"), QStringLiteral("DLCMRC70B01A509S"), QStringLiteral("FRRGNN95R44H703Z"),
            QStringLiteral("MNTSRA81S60F912M")};
}

QList<Sample> distortedSet(int count, QSize frameSize, quint32 seed)
{
    QRandomGenerator rng(seed);
    const QStringList codes = sampleCodes();
    // Contrast pairs (bars, background): normal, faded print, dim light.
    static const int contrast[][2] = {{20, 235}, {60, 190}, {90, 170}};
    static const double noise[] = {0, 4, 8};
    QList<Sample> set;
    set.reserve(count);
    for (int i = 0; i < count; ++i) {
        Sample s;
        s.text = codes.at(i % codes.size());
        s.pixelsPerModule = 2 + i % 3;
        const int c = (i / 3) % 3;
        s.distortion.dark = contrast[c][0];
        s.distortion.light = contrast[c][1];
        s.distortion.noiseSigma = noise[(i / 9) % 3];
        if (s.pixelsPerModule >= 3) {
            // Tilt and blur only where the symbol has room for resampling (≥ 3 px per module).
            s.distortion.tiltDegrees = (rng.generateDouble() * 12.0) - 6.0;
            s.distortion.blurRadius = (i / 27) % 2;
        }
        s.image = frame(s.text, s.pixelsPerModule, s.distortion, frameSize, seed + quint32(i));
        set.append(s);
    }
    return set;
}

} // namespace sinfonia::SyntheticCard
