#pragma once

#include <QString>
#include <vector>

class QImage;
class QVideoFrame;

namespace sinfonia {

// What one decode attempt found. `text` is the raw symbol content (empty when nothing was found);
// `format` names the symbology ("Code39", "Code128", "QRCode") for diagnostics.
struct BarcodeReading
{
    QString text;
    QString format;
    bool found() const { return !text.isEmpty(); }
};

// Our adapter over ZXing-C++ (1.4.0 on Debian 12, 2.x on Windows: ZXingCompat.h). It reads the luminance plane of YUV
// frames in place (no conversion), falls back to a Grayscale8 copy for other pixel formats, and always asks for one
// symbol: ZXing 1.4.0 as packaged aborts on clean linear codes when more are requested. Stateless
// and thread-safe: one instance may be used from a worker thread.
class BarcodeDecoder
{
public:
    struct Options
    {
        bool tryHarder = true; // full-resolution pass; the averaged pass always tries harder
        bool tryRotate = true; // adds the 90° case
        bool tryDownscale = true; // ZXing's image pyramid (large or blurry QR codes)
        bool code39 = true;
        bool code128 = true;
        bool qrCode = true;
        // Extra pass for linear codes on rows averaged in groups of n (0/1 = off): robust to sensor
        // noise and cheap. When first, upright cards are read before the full-resolution pass.
        int verticalAveraging = 4;
        bool averagedPassFirst = true;
        // Cheap search for barcode-like texture (many edges per line in 32 px cells, on every 4th
        // row pair and column pair) first: ZXing then runs only on the regions it finds, and a frame
        // without any costs about a millisecond.
        bool textureSearch = true;
        // For soft (out-of-focus) regions where the passes above read nothing: rows averaged in
        // bands, upsampled 2x and deconvolved (Richardson–Lucy for a Gaussian blur) before a
        // linear-only pass. Fixed-focus webcams blur a card held close.
        bool deblurSoft = true;
    };

    // A rectangle of the frame worth decoding, in pixels.
    struct Region
    {
        int x = 0, y = 0, width = 0, height = 0;
        int cells = 0; // textured 32 px cells in it
    };
    // The texture search alone (exposed for tests and the benchmark): regions, largest first.
    static std::vector<Region> findTexturedRegions(const uchar* data, int width, int height, int stride,
                                                   int pixStride = 1);

    BarcodeDecoder();
    explicit BarcodeDecoder(const Options& options);

    // 8-bit luminance buffer, `stride` bytes per row (0 = width).
    BarcodeReading decodeLuminance(const uchar* data, int width, int height, int stride = 0) const;
    BarcodeReading decode(const QImage& image) const;
    // Maps the frame read-only itself; a frame that cannot be mapped or converted yields nothing.
    BarcodeReading decode(const QVideoFrame& frame) const;

private:
    BarcodeReading decodeView(const uchar* data, int width, int height, int stride, int pixStride,
                              bool allowAveraging) const;
    BarcodeReading decodePasses(const uchar* data, int width, int height, int stride, int pixStride,
                                bool allowAveraging) const;
    BarcodeReading decodeAveraged(const uchar* data, int width, int height, int stride, int pixStride) const;
    BarcodeReading decodeDeblurred(const uchar* data, int width, int height, int stride, int pixStride) const;

    Options m_options;
};

} // namespace sinfonia
