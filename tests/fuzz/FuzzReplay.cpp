// The replay driver of the fuzz targets in the ordinary (gcc, no libFuzzer) build that ctest runs:
// every file of the seed corpus folders given on the command line, then deterministic mutations of
// them (byte flips, inserts, deletes, splices, dictionary words), so the invariants are checked in
// every test run. The seed is printed; SINFONIA_FUZZ_SEED replays it, SINFONIA_FUZZ_MUTATIONS
// changes the count (default 3000). The libFuzzer build (SINFONIA_FUZZ=ON with clang) does not
// compile this file: libFuzzer brings its own main().
#include <QByteArray>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <cstdint>
#include <cstdio>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

namespace {
void runOne(const QByteArray& input)
{
    LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(input.constData()), size_t(input.size()));
}

// "kw1"="value" lines of a libFuzzer dictionary.
QList<QByteArray> readDictionary(const QString& path)
{
    QList<QByteArray> words;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return words;
    while (!f.atEnd()) {
        const QByteArray line = f.readLine().trimmed();
        const qsizetype open = line.indexOf('"');
        if (line.startsWith('#') || open < 0 || !line.endsWith('"'))
            continue;
        QByteArray w = line.mid(open + 1, line.size() - open - 2);
        QByteArray out;
        for (qsizetype i = 0; i < w.size(); ++i) {
            if (w[i] == '\\' && i + 3 < w.size() && w[i + 1] == 'x') {
                out += char(w.mid(i + 2, 2).toInt(nullptr, 16));
                i += 3;
            } else if (w[i] == '\\' && i + 1 < w.size()) {
                out += w[++i];
            } else {
                out += w[i];
            }
        }
        words << out;
    }
    return words;
}
} // namespace

int main(int argc, char** argv)
{
    QList<QByteArray> seeds;
    QList<QByteArray> words;
    for (int a = 1; a < argc; ++a) {
        const QString path = QString::fromLocal8Bit(argv[a]);
        if (path.endsWith(QLatin1String(".dict"))) {
            words += readDictionary(path);
            continue;
        }
        QStringList files;
        if (QFileInfo(path).isFile())
            files << path;
        QDirIterator it(path, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext())
            files << it.next();
        files.sort();
        for (const QString& file : files) {
            QFile f(file);
            if (f.open(QIODevice::ReadOnly))
                seeds << f.readAll();
        }
    }
    if (seeds.isEmpty()) {
        std::fprintf(stderr, "no seed corpus given (usage: %s <corpus-dir>... [words.dict])\n", argv[0]);
        return 2;
    }
    for (const QByteArray& s : seeds)
        runOne(s);

    bool ok = false;
    quint32 seed = qgetenv("SINFONIA_FUZZ_SEED").toUInt(&ok);
    if (!ok)
        seed = QRandomGenerator::system()->generate();
    int mutations = qEnvironmentVariableIntValue("SINFONIA_FUZZ_MUTATIONS", &ok);
    if (!ok)
        mutations = 3000;
    std::printf("fuzz replay: %lld seeds, %d mutations, seed %u (SINFONIA_FUZZ_SEED=%u replays it)\n",
                static_cast<long long>(seeds.size()), mutations, seed, seed);
    std::fflush(stdout);
    QRandomGenerator rng(seed);
    for (int i = 0; i < mutations; ++i) {
        QByteArray s = seeds.at(qsizetype(rng.bounded(quint32(seeds.size()))));
        const int edits = 1 + int(rng.bounded(6));
        for (int e = 0; e < edits; ++e) {
            const quint32 op = rng.bounded(6);
            const qsizetype at = s.isEmpty() ? 0 : qsizetype(rng.bounded(quint32(s.size())));
            if (op == 0 && !s.isEmpty())
                s[at] = char(rng.bounded(256));
            else if (op == 1)
                s.insert(at, char(rng.bounded(256)));
            else if (op == 2 && !s.isEmpty())
                s.remove(at, 1 + qsizetype(rng.bounded(quint32(qMin<qsizetype>(16, s.size() - at)))));
            else if (op == 3 && !words.isEmpty())
                s.insert(at, words.at(qsizetype(rng.bounded(quint32(words.size())))));
            else if (op == 4)
                s.insert(at, seeds.at(qsizetype(rng.bounded(quint32(seeds.size())))));
            else if (!s.isEmpty())
                s[at] = char(s[at] ^ char(1 << rng.bounded(8)));
        }
        runOne(s);
    }
    std::printf("fuzz replay: %lld inputs, every invariant held\n", static_cast<long long>(seeds.size() + mutations));
    return 0;
}
