#include "core/scan/BarcodeDecoder.h"

#include "core/scan/ZXingCompat.h"

#include <QImage>
#include <QLoggingCategory>
#include <QVideoFrame>
#include <algorithm>
#include <exception>
#include <optional>
#include <vector>

Q_LOGGING_CATEGORY(lcBarcode, "sinfonia.scan.barcode")

namespace sinfonia {

namespace {

zx::ReaderOptions hintsFor(const BarcodeDecoder::Options& o, bool linearOnly)
{
    ZXing::BarcodeFormats formats;
    if (o.code39)
        formats |= ZXing::BarcodeFormat::Code39;
    if (o.code128)
        formats |= ZXing::BarcodeFormat::Code128;
    if (o.qrCode && !linearOnly)
        formats |= ZXing::BarcodeFormat::QRCode;
    zx::ReaderOptions hints;
    // maxNumberOfSymbols(1) is not an optimisation: with more, 1.4.0 hits assert(lineCount()==1).
    hints.setFormats(formats)
        .setTryHarder(linearOnly || o.tryHarder)
        .setTryRotate(o.tryRotate && !linearOnly) // rotated by 90° averaged rows would cross the bars
        .setTryDownscale(o.tryDownscale)
        .setMaxNumberOfSymbols(1);
    return hints;
}

BarcodeReading readView(const ZXing::ImageView& view, const zx::ReaderOptions& hints)
{
    try {
        const zx::Barcode r = ZXing::ReadBarcode(view, hints);
        if (!r.isValid())
            return {};
        return BarcodeReading {QString::fromStdString(r.text()), QString::fromLatin1(ZXing::ToString(r.format()))};
    } catch (const std::exception& e) {
        // ZXing throws on malformed input (e.g. ImageFormat::None); a bad frame must never end the app.
        qCWarning(lcBarcode) << "decode failed:" << e.what();
        return {};
    }
}

bool hasLumaPlane(QVideoFrameFormat::PixelFormat f)
{
    switch (f) {
    case QVideoFrameFormat::Format_YUV420P:
    case QVideoFrameFormat::Format_YUV422P:
    case QVideoFrameFormat::Format_YV12:
    case QVideoFrameFormat::Format_NV12:
    case QVideoFrameFormat::Format_NV21:
    case QVideoFrameFormat::Format_IMC1:
    case QVideoFrameFormat::Format_IMC2:
    case QVideoFrameFormat::Format_IMC3:
    case QVideoFrameFormat::Format_IMC4:
    case QVideoFrameFormat::Format_Y8:
        return true;
    default:
        return false;
    }
}

// Byte offsets of R, G, B in the 32-bit packed RGB frame formats; nullopt for other formats.
struct RgbOffsets
{
    int r, g, b;
};

std::optional<RgbOffsets> packedRgb(QVideoFrameFormat::PixelFormat f)
{
    switch (f) {
    case QVideoFrameFormat::Format_BGRA8888:
    case QVideoFrameFormat::Format_BGRA8888_Premultiplied:
    case QVideoFrameFormat::Format_BGRX8888:
        return RgbOffsets {2, 1, 0};
    case QVideoFrameFormat::Format_ARGB8888:
    case QVideoFrameFormat::Format_ARGB8888_Premultiplied:
    case QVideoFrameFormat::Format_XRGB8888:
        return RgbOffsets {1, 2, 3};
    case QVideoFrameFormat::Format_RGBA8888:
    case QVideoFrameFormat::Format_RGBX8888:
        return RgbOffsets {0, 1, 2};
    case QVideoFrameFormat::Format_ABGR8888:
    case QVideoFrameFormat::Format_XBGR8888:
        return RgbOffsets {3, 2, 1};
    default:
        return std::nullopt;
    }
}

} // namespace

BarcodeDecoder::BarcodeDecoder()
    : BarcodeDecoder(Options {})
{
}

BarcodeDecoder::BarcodeDecoder(const Options& options)
    : m_options(options)
{
}

BarcodeReading BarcodeDecoder::decodeLuminance(const uchar* data, int width, int height, int stride) const
{
    if (!data || width <= 0 || height <= 0)
        return {};
    return decodeView(data, width, height, stride > 0 ? stride : width, 1, true);
}

BarcodeReading BarcodeDecoder::decodeView(const uchar* data, int width, int height, int stride, int pixStride,
                                          bool allowAveraging) const
{
    const int n = m_options.verticalAveraging;
    const bool averaging = allowAveraging && n >= 2 && (m_options.code39 || m_options.code128) && height / n >= 8;
    if (averaging && m_options.averagedPassFirst) {
        if (BarcodeReading r = decodeAveraged(data, width, height, stride, pixStride); r.found())
            return r;
    }
    BarcodeReading r = readView(ZXing::ImageView(data, width, height, ZXing::ImageFormat::Lum, stride, pixStride),
                                hintsFor(m_options, false));
    if (r.found() || !averaging || m_options.averagedPassFirst)
        return r;
    return decodeAveraged(data, width, height, stride, pixStride);
}

BarcodeReading BarcodeDecoder::decodeAveraged(const uchar* data, int width, int height, int stride, int pixStride) const
{
    // Linear codes on groups of n rows averaged. The bars are vertical (the guide frame keeps the
    // card within a few degrees), so every edge survives while sensor noise drops by sqrt(n); and
    // ZXing has n times fewer rows to scan, so this pass is cheap.
    const int n = m_options.verticalAveraging;
    const int h = height / n;
    std::vector<uchar> reduced(static_cast<size_t>(width) * static_cast<size_t>(h));
    std::vector<int> sum(static_cast<size_t>(width));
    for (int y = 0; y < h; ++y) {
        std::fill(sum.begin(), sum.end(), 0);
        for (int k = 0; k < n; ++k) {
            const uchar* row = data + qsizetype(y * n + k) * stride;
            int* acc = sum.data();
            for (int x = 0; x < width; ++x)
                acc[x] += row[x * pixStride];
        }
        uchar* out = reduced.data() + size_t(y) * size_t(width);
        for (int x = 0; x < width; ++x)
            out[x] = uchar(sum[size_t(x)] / n);
    }
    return readView(ZXing::ImageView(reduced.data(), width, h, ZXing::ImageFormat::Lum), hintsFor(m_options, true));
}

BarcodeReading BarcodeDecoder::decode(const QImage& image) const
{
    if (image.isNull())
        return {};
    if (image.format() == QImage::Format_Grayscale8)
        return decodeLuminance(image.constBits(), image.width(), image.height(), int(image.bytesPerLine()));
    const QImage gray = image.convertToFormat(QImage::Format_Grayscale8);
    return decodeLuminance(gray.constBits(), gray.width(), gray.height(), int(gray.bytesPerLine()));
}

BarcodeReading BarcodeDecoder::decode(const QVideoFrame& frame) const
{
    if (!frame.isValid())
        return {};
    QVideoFrame copy(frame); // mapping is per handle; the caller's frame stays untouched
    const QVideoFrameFormat::PixelFormat pf = copy.pixelFormat();
    const bool yuyv = pf == QVideoFrameFormat::Format_YUYV;
    const bool uyvy = pf == QVideoFrameFormat::Format_UYVY;
    if (hasLumaPlane(pf) || yuyv || uyvy) {
        if (!copy.map(QVideoFrame::ReadOnly))
            return {};
        // Planar/semi-planar: plane 0 is Y. Packed 4:2:2: Y every second byte (offset 1 for UYVY).
        const uchar* y = copy.bits(0) + (uyvy ? 1 : 0);
        const BarcodeReading r
            = decodeView(y, copy.width(), copy.height(), copy.bytesPerLine(0), yuyv || uyvy ? 2 : 1, true);
        copy.unmap();
        return r;
    }
    if (const auto rgb = packedRgb(pf)) {
        if (!copy.map(QVideoFrame::ReadOnly))
            return {};
        // Luminance copy (ITU-R 601 weights, integer), so the averaged second pass applies too.
        QImage gray(copy.width(), copy.height(), QImage::Format_Grayscale8);
        for (int y = 0; y < gray.height(); ++y) {
            const uchar* in = copy.bits(0) + qsizetype(y) * copy.bytesPerLine(0);
            uchar* out = gray.scanLine(y);
            for (int x = 0; x < gray.width(); ++x, in += 4)
                out[x] = uchar((77 * in[rgb->r] + 150 * in[rgb->g] + 29 * in[rgb->b]) >> 8);
        }
        copy.unmap();
        return decode(gray);
    }
    // Anything else (MJPEG...): let Qt convert. toImage() maps by itself, so do not map here.
    return decode(copy.toImage());
}

} // namespace sinfonia
