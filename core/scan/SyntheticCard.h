#pragma once

#include <QImage>
#include <QList>
#include <QSize>
#include <QString>

namespace sinfonia {

// Renders Tessera Sanitaria-like Code 39 images for tests, benchmarks and the camera demo:
// the codice fiscale barcode at an integer number of pixels per module (the only scaling that
// keeps the 2:1 wide/narrow ratio exact), placed in a frame, then degraded like a webcam picture.
namespace SyntheticCard {

struct Distortion
{
    double tiltDegrees = 0; // rotation of the code (only meaningful at ≥ 3 px/module)
    double blurRadius = 0; // box blur radius in pixels (0 = sharp)
    double noiseSigma = 0; // Gaussian noise on grey levels (0–255)
    int dark = 0; // grey level of bars
    int light = 255; // grey level of spaces and background (low contrast: close to dark)
    double gaussianSigma = 0; // Gaussian blur (out of focus), in pixels (0 = none); after the box blur
};

struct Sample
{
    QString text; // encoded text (the CF)
    int pixelsPerModule = 0;
    Distortion distortion;
    QImage image; // Format_Grayscale8
};

// Code 39 symbol, black on white, `pixelsPerModule` px per narrow module, `height` px tall,
// with a 10-module quiet zone. Text is upper-cased first (lower case would become extended Code 39).
QImage code39(const QString& text, int pixelsPerModule, int height);
// The code centred in a `frameSize` grey frame, with the distortion applied; deterministic for `seed`.
QImage frame(const QString& text, int pixelsPerModule, const Distortion& d, QSize frameSize, quint32 seed);
// The same with a fractional scale (e.g. 1.25 px/module: rendered 4x finer, then area-averaged),
// as a fixed-focus webcam sees a card held close; use d.gaussianSigma for the defocus.
QImage softFrame(const QString& text, double pixelsPerModule, const Distortion& d, QSize frameSize, quint32 seed);
// Separable Gaussian blur of an 8-bit grey image (kernel radius 3 sigma).
void gaussianBlur(QImage& gray, double sigma);
// A frame of the same size with no code: paper texture and noise only.
QImage emptyFrame(QSize frameSize, double noiseSigma, quint32 seed);
// The seeded set used by the decode-rate test and benchmark: `count` cards with valid CFs,
// 2–4 px/module, tilt ≤ 6° (at ≥ 3 px/module), blur, noise and low contrast in every combination.
QList<Sample> distortedSet(int count, QSize frameSize, quint32 seed);
// Valid codici fiscali for synthetic cards (check character computed).
QStringList sampleCodes();

} // namespace SyntheticCard
} // namespace sinfonia
