#pragma once

// One spelling of ZXing-C++ for 1.4 (Debian 12) and 2.x (vcpkg's nu-book-zxing-cpp on Windows).
// 2.0 renamed ZXVersion.h to Version.h; 2.2 renamed DecodeHints to ReaderOptions and Result to
// Barcode, keeping the old names only as deprecated aliases (warnings, so errors with -Werror).
// The rest of the API our adapter uses (ReadBarcode, ImageView, BarcodeFormat(s), ToString,
// MultiFormatWriter, BitMatrix) is the same in both.
#if __has_include(<ZXing/Version.h>)
#include <ZXing/Version.h>
#else
#include <ZXing/ZXVersion.h>
#endif
#include <ZXing/ReadBarcode.h>

#if !defined(ZXING_VERSION_MAJOR)
#error "ZXing-C++ version macros not found"
#endif

namespace sinfonia::zx {

#if ZXING_VERSION_MAJOR > 2 || (ZXING_VERSION_MAJOR == 2 && ZXING_VERSION_MINOR >= 2)
using ReaderOptions = ZXing::ReaderOptions;
using Barcode = ZXing::Barcode;
#else
using ReaderOptions = ZXing::DecodeHints;
using Barcode = ZXing::Result;
#endif

} // namespace sinfonia::zx
