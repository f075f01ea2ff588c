#include "core/scan/BarcodeDecoder.h"

#include "core/scan/ZXingCompat.h"

#include <QImage>
#include <QLoggingCategory>
#include <QVideoFrame>
#include <algorithm>
#include <cmath>
#include <complex>
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
    // Small images (a crop, a scanned code) are cheap to decode whole: the search is for camera frames.
    if (!m_options.textureSearch || qint64(width) * height <= 320 * 240)
        return decodePasses(data, width, height, stride, pixStride, allowAveraging);
    const std::vector<Region> regions = findTexturedRegions(data, width, height, stride, pixStride);
    const size_t tries = std::min<size_t>(regions.size(), 3);
    for (size_t i = 0; i < tries; ++i) {
        const Region& r = regions[i];
        const uchar* at = data + qsizetype(r.y) * stride + qsizetype(r.x) * pixStride;
        if (BarcodeReading found = decodePasses(at, r.width, r.height, stride, pixStride, allowAveraging);
            found.found())
            return found;
    }
    // A textured frame its regions did not read: the whole frame once, so the search never loses a
    // card the whole-frame passes read (a code split between regions, a region cut too tight). A
    // frame without texture (no card) still ends above.
    if (!regions.empty()) {
        if (BarcodeReading found = decodePasses(data, width, height, stride, pixStride, allowAveraging); found.found())
            return found;
    }
    if (m_options.deblurSoft && (m_options.code39 || m_options.code128)) {
        for (size_t i = 0; i < std::min<size_t>(tries, 2); ++i) {
            const Region& r = regions[i];
            const uchar* at = data + qsizetype(r.y) * stride + qsizetype(r.x) * pixStride;
            if (BarcodeReading found = decodeDeblurred(at, r.width, r.height, stride, pixStride); found.found())
                return found;
        }
    }
    return {};
}

std::vector<BarcodeDecoder::Region> BarcodeDecoder::findTexturedRegions(const uchar* data, int width, int height,
                                                                        int stride, int pixStride)
{
    constexpr int cell = 32;
    constexpr int step = 4; // every 4th row pair / column pair: 8 lines per cell and direction
    std::vector<Region> out;
    if (!data || width < 3 || height < 3)
        return out;
    const int cw = (width + cell - 1) / cell;
    const int ch = (height + cell - 1) / cell;
    auto px = [&](int x, int y) { return int(data[qsizetype(y) * stride + qsizetype(x) * pixStride]); };

    // Noise level: median absolute central difference of two-row sums over a sample of the frame.
    std::vector<int> hist(1024, 0);
    int samples = 0;
    for (int y = 0; y + 1 < height; y += 4 * step) {
        for (int x = 1; x + 1 < width; x += 3) {
            const int d = std::abs(px(x + 1, y) + px(x + 1, y + 1) - px(x - 1, y) - px(x - 1, y + 1));
            ++hist[size_t(std::min(d, 1023))];
            ++samples;
        }
    }
    int median = 0;
    for (int acc = 0; median < 1023 && (acc += hist[size_t(median)]) < samples / 2;)
        ++median;
    const int threshold = std::max(16, 4 * median);

    std::vector<int> ex(size_t(cw) * size_t(ch), 0);
    std::vector<int> ey(size_t(cw) * size_t(ch), 0);
    std::vector<int> d(size_t(std::max(width, height)));
    // Edges along rows (vertical bars): local maxima of |d| above the noise threshold.
    for (int y = 0; y + 1 < height; y += step) {
        for (int x = 1; x + 1 < width; ++x)
            d[size_t(x)] = std::abs(px(x + 1, y) + px(x + 1, y + 1) - px(x - 1, y) - px(x - 1, y + 1));
        int* row = ex.data() + size_t(y / cell) * size_t(cw);
        for (int x = 2; x + 2 < width; ++x) {
            const int v = d[size_t(x)];
            if (v >= threshold && v >= d[size_t(x - 1)] && v > d[size_t(x + 1)])
                ++row[x / cell];
        }
    }
    // Edges along columns (bars rotated by 90°, QR codes).
    for (int x = 0; x + 1 < width; x += step) {
        for (int y = 1; y + 1 < height; ++y)
            d[size_t(y)] = std::abs(px(x, y + 1) + px(x + 1, y + 1) - px(x, y - 1) - px(x + 1, y - 1));
        for (int y = 2; y + 2 < height; ++y) {
            const int v = d[size_t(y)];
            if (v >= threshold && v >= d[size_t(y - 1)] && v > d[size_t(y + 1)])
                ++ey[size_t(y / cell) * size_t(cw) + size_t(x / cell)];
        }
    }
    // A cell is textured with at least 2.5 edges per line on average in one direction: a code at
    // 1–4 px/module gives 6–24, the edge of a printed block or a letter 1–2.
    constexpr int minEdges = (cell / step) * 5 / 2;
    std::vector<char> textured(ex.size(), 0);
    for (size_t i = 0; i < ex.size(); ++i)
        textured[i] = std::max(ex[i], ey[i]) >= minEdges ? 1 : 0;

    // Groups of textured cells (neighbours up to 2 cells apart, bridging soft gaps), as bounding boxes.
    std::vector<int> label(ex.size(), -1);
    std::vector<int> stack;
    for (int start = 0; start < cw * ch; ++start) {
        if (!textured[size_t(start)] || label[size_t(start)] >= 0)
            continue;
        Region r;
        int x0 = cw, y0 = ch, x1 = -1, y1 = -1;
        stack.assign(1, start);
        label[size_t(start)] = start;
        while (!stack.empty()) {
            const int c = stack.back();
            stack.pop_back();
            const int cx = c % cw;
            const int cy = c / cw;
            ++r.cells;
            x0 = std::min(x0, cx);
            x1 = std::max(x1, cx);
            y0 = std::min(y0, cy);
            y1 = std::max(y1, cy);
            for (int ny = std::max(0, cy - 2); ny <= std::min(ch - 1, cy + 2); ++ny) {
                for (int nx = std::max(0, cx - 2); nx <= std::min(cw - 1, cx + 2); ++nx) {
                    const int n = ny * cw + nx;
                    if (textured[size_t(n)] && label[size_t(n)] < 0) {
                        label[size_t(n)] = start;
                        stack.push_back(n);
                    }
                }
            }
        }
        if (r.cells < 3)
            continue;
        // Two cells of margin on every side: the quiet zone of a linear code, the finders of a QR.
        r.x = std::max(0, (x0 - 2) * cell);
        r.y = std::max(0, (y0 - 2) * cell);
        r.width = std::min(width, (x1 + 3) * cell) - r.x;
        r.height = std::min(height, (y1 + 3) * cell) - r.y;
        out.push_back(r);
    }
    std::sort(out.begin(), out.end(), [](const Region& a, const Region& b) { return a.cells > b.cells; });
    return out;
}

namespace {

// In-place iterative radix-2 FFT (n a power of two); inverse without the 1/n scaling.
void fft(std::vector<std::complex<float>>& a, bool inverse)
{
    const size_t n = a.size();
    for (size_t i = 1, j = 0; i < n; ++i) {
        size_t bit = n >> 1;
        for (; j & bit; bit >>= 1)
            j ^= bit;
        j ^= bit;
        if (i < j)
            std::swap(a[i], a[j]);
    }
    for (size_t len = 2; len <= n; len <<= 1) {
        const double ang = 2 * M_PI / double(len) * (inverse ? 1 : -1);
        const std::complex<float> wl(float(std::cos(ang)), float(std::sin(ang)));
        for (size_t i = 0; i < n; i += len) {
            std::complex<float> w(1);
            for (size_t j = 0; j < len / 2; ++j) {
                const std::complex<float> u = a[i + j];
                const std::complex<float> v = a[i + j + len / 2] * w;
                a[i + j] = u + v;
                a[i + j + len / 2] = u - v;
                w *= wl;
            }
        }
    }
}

} // namespace

BarcodeReading BarcodeDecoder::decodeDeblurred(const uchar* data, int width, int height, int stride,
                                               int pixStride) const
{
    // Rows averaged in bands of 8 (noise down by about 3; the bars are near vertical); each band's
    // profile is deconvolved in the frequency domain (Wiener filter for a Gaussian blur of sigma 1.4,
    // 1.7 and 2 px) and upsampled 2x by zero-padding its spectrum, then stretched to the full grey
    // range. ZXing reads the result as a short image, one row per band, linear codes only.
    constexpr int band = 8;
    const int bands = std::min(height / band, 32);
    if (bands < 2 || width < 16)
        return {};
    const int y0 = (height - bands * band) / 2;
    size_t n = 1;
    while (n < size_t(width) + 64)
        n <<= 1;
    std::vector<std::vector<std::complex<float>>> spectra(static_cast<size_t>(bands));
    for (int b = 0; b < bands; ++b) {
        std::vector<float> p(static_cast<size_t>(width), 0.f);
        for (int k = 0; k < band; ++k) {
            const uchar* row = data + qsizetype(y0 + b * band + k) * stride;
            for (int x = 0; x < width; ++x)
                p[size_t(x)] += float(row[qsizetype(x) * pixStride]) / band;
        }
        std::vector<std::complex<float>>& a = spectra[size_t(b)];
        a.assign(n, {});
        for (int x = 0; x < width; ++x)
            a[size_t(x)] = p[size_t(x)];
        // Periodic continuation without a jump: a ramp from the last value back to the first.
        const size_t gap = n - size_t(width);
        for (size_t i = 0; i < gap; ++i)
            a[size_t(width) + i] = p.back() + (p.front() - p.back()) * float(i + 1) / float(gap + 1);
        fft(a, false);
    }
    const size_t n2 = 2 * n;
    const int w2 = 2 * width;
    std::vector<uchar> image(size_t(bands) * size_t(w2));
    std::vector<std::complex<float>> up(n2);
    for (const double sigma : {1.4, 1.7, 2.0}) {
        constexpr double nsr = 2e-4; // noise-to-signal power after the band averaging
        for (int b = 0; b < bands; ++b) {
            const std::vector<std::complex<float>>& a = spectra[size_t(b)];
            std::fill(up.begin(), up.end(), std::complex<float>());
            for (size_t k = 0; k < n; ++k) {
                const bool upper = k > n / 2;
                const double f = double(upper ? n - k : k) / double(n);
                const double h = std::exp(-2.0 * M_PI * M_PI * sigma * sigma * f * f);
                const float wiener = float(h / (h * h + nsr));
                // Upsampling: the lower half of the spectrum at the start, the upper half at the end.
                up[upper ? n2 - (n - k) : k] = a[k] * wiener;
            }
            fft(up, true);
            float lo = 1e30f;
            float hi = -1e30f;
            for (int x = 0; x < w2; ++x) {
                lo = std::min(lo, up[size_t(x)].real());
                hi = std::max(hi, up[size_t(x)].real());
            }
            const float span = std::max(hi - lo, 1e-6f);
            uchar* outRow = image.data() + size_t(b) * size_t(w2);
            for (int x = 0; x < w2; ++x)
                outRow[x] = uchar(std::clamp(int((up[size_t(x)].real() - lo) * 255.f / span), 0, 255));
        }
        if (BarcodeReading r
            = readView(ZXing::ImageView(image.data(), w2, bands, ZXing::ImageFormat::Lum), hintsFor(m_options, true));
            r.found())
            return r;
    }
    return {};
}

BarcodeReading BarcodeDecoder::decodePasses(const uchar* data, int width, int height, int stride, int pixStride,
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
