// Google Benchmark: reading an ePassport chip through the whole PC/SC stack
// and verifying it: the benchmark's own pcscd with vsmartcard-vpcd
// (PcscRig), the software chip (SimulatedPassport) of a test passport
// (TestPassport: EF.COM, EF.SOD signed by a test Document Signer, DG1 and
// a DG2 with a JPEG of about 20 KB) and PassportChip::read: access control,
// the files, passive authentication against the passport's CSCA. By BAC and
// by PACE (ECDH-GM, brainpoolP256r1, AES-128), with short APDUs and with
// extended length. One iteration: connect, read, verify, disconnect. The
// APDU count and DG2's size are counters. Not a CTest test: run it by hand
// (FACEGATE_DATASETS or ../shared/datasets for the photo), e.g.
// bench_chipread --benchmark_counters_tabular=true.
#include "core/documents/emrtd/CscaStore.h"
#include "core/documents/reader/PassportChip.h"
#include "core/documents/reader/PcscReader.h"
#include "tests/support/PcscRig.h"
#include "tests/support/emrtd/SimulatedPassport.h"
#include "tests/support/emrtd/TestPassport.h"

#include <QTemporaryDir>

#include <benchmark/benchmark.h>

#include <cstdio>

using namespace fg;
using fg::test::SimulatedPassport;

namespace {

test::PcscRig* g_rig = nullptr;
const test::emrtd::TestPassport* g_passport = nullptr;
const CscaStore* g_store = nullptr;

void readChip(benchmark::State& state, bool pace, bool extendedLength)
{
    SimulatedPassport::Options options;
    options.accessControl = pace ? SimulatedPassport::AccessControl::Pace : SimulatedPassport::AccessControl::Bac;
    options.extendedLength = extendedLength;
    QString error;
    auto chip = SimulatedPassport::create(g_passport->files, *g_passport->key(&error), options, &error);
    const auto context = PcscContext::establish(&error);
    // Benchmark calls this more than once: the last call's chip leaves first
    // (pcscd would report its ghost for up to 400 ms).
    if (!chip || !context || context->waitForNoCard(test::PcscRig::reader(), 5000, &error) != std::optional<bool>(true)
        || !chip->insert(g_rig->cardPort())
        || context->waitForCard(test::PcscRig::reader(), 5000, &error) != std::optional<bool>(true)) {
        state.SkipWithError(qPrintable(QStringLiteral("no chip in the reader: ") + error));
        return;
    }
    const auto key = g_passport->key(&error);
    int apdus = 0;
    int done = 0;
    qsizetype bytes = 0;
    for (auto _ : state) {
        const auto card = context->connect(test::PcscRig::reader(), &error);
        if (!card) {
            state.SkipWithError(qPrintable(error));
            break;
        }
        const auto document = PassportChip::read(*card, *key, g_store, QDateTime::currentDateTimeUtc(), {}, {}, &error);
        if (!document || document->verdict().outcome != ChipVerdict::Outcome::Genuine) {
            state.SkipWithError(qPrintable(QStringLiteral("iteration %1: %2")
                                               .arg(done + 1)
                                               .arg(document ? document->verdict().summary : error)));
            break;
        }
        const ChipReading& reading = document->reading;
        apdus = reading.apdus;
        ++done;
        bytes = reading.files.com.size() + reading.files.sod.size() + reading.files.dataGroups.at(1).size()
            + reading.files.dataGroups.at(2).size();
    }
    state.counters["apdus"] = apdus;
    state.counters["dg2_bytes"] = double(g_passport->files.dataGroups.at(2).size());
    state.SetBytesProcessed(int64_t(state.iterations()) * bytes);
    chip->remove();
}

void BM_ChipRead_Bac_Short(benchmark::State& state) { readChip(state, false, false); }
void BM_ChipRead_Bac_Extended(benchmark::State& state) { readChip(state, false, true); }
void BM_ChipRead_Pace_Short(benchmark::State& state) { readChip(state, true, false); }
void BM_ChipRead_Pace_Extended(benchmark::State& state) { readChip(state, true, true); }

} // namespace

BENCHMARK(BM_ChipRead_Bac_Short)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_ChipRead_Bac_Extended)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_ChipRead_Pace_Short)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_ChipRead_Pace_Extended)->Unit(benchmark::kMillisecond)->UseRealTime();

int main(int argc, char** argv)
{
    // pcsc-lite reads the rig's socket at the first PC/SC call: start it first.
    test::PcscRig rig;
    QString error;
    if (!rig.start(&error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    g_rig = &rig;
    const auto passport = test::emrtd::TestPassport::make({}, &error);
    QTemporaryDir trust;
    const auto store = passport && passport->writeTrust(trust.path(), &error) ? CscaStore::load(trust.path(), &error)
                                                                               : std::nullopt;
    if (!store) {
        std::fprintf(stderr, "the test passport: %s\n", qPrintable(error));
        return 1;
    }
    g_passport = &*passport;
    g_store = &*store;
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
