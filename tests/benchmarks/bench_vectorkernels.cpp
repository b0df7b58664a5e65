// Google Benchmark micro-benchmarks of the matcher's vector kernels, generic
// and dispatched (AVX2/FMA when the CPU has it). Not a CTest test: run it by
// hand, e.g. bench_vectorkernels --benchmark_counters_tabular=true.
#include "core/matching/VectorKernels.h"

#include <benchmark/benchmark.h>

#include <cstdint>
#include <random>
#include <vector>

namespace k = fg::kernels;

namespace {

constexpr std::size_t kDim = 512;

std::vector<float> randomFloats(std::size_t n)
{
    std::mt19937 rng(1);
    std::normal_distribution<float> normal(0.0f, 1.0f);
    std::vector<float> v(n);
    for (float& x : v)
        x = normal(rng);
    return v;
}

template <typename T>
std::vector<T> randomBytes(std::size_t n)
{
    std::mt19937_64 rng(2);
    std::vector<T> v(n);
    for (T& x : v)
        x = static_cast<T>(rng() % 255) - (std::is_signed_v<T> ? 127 : 0);
    return v;
}

// Rows scanned per iteration: state.range(0).
template <bool Dispatched>
void dotRowsF32(benchmark::State& state)
{
    const auto rows = std::size_t(state.range(0));
    const std::vector<float> m = randomFloats(rows * kDim);
    const std::vector<float> q = randomFloats(kDim);
    std::vector<float> out(rows);
    for (auto _ : state) {
        if constexpr (Dispatched)
            k::dotRowsF32(m.data(), rows, kDim, q.data(), out.data());
        else
            k::dotRowsF32Generic(m.data(), rows, kDim, q.data(), out.data());
        benchmark::DoNotOptimize(out.data());
    }
    state.SetBytesProcessed(std::int64_t(state.iterations()) * std::int64_t(rows * kDim * sizeof(float)));
}

template <bool Dispatched>
void dotI8Rows(benchmark::State& state)
{
    const auto rows = std::size_t(state.range(0));
    const std::vector<std::int8_t> m = randomBytes<std::int8_t>(rows * kDim);
    const std::vector<std::int8_t> q = randomBytes<std::int8_t>(kDim);
    for (auto _ : state) {
        std::int64_t sum = 0;
        for (std::size_t r = 0; r < rows; ++r)
            sum += Dispatched ? k::dotI8(m.data() + r * kDim, q.data(), kDim)
                              : k::dotI8Generic(m.data() + r * kDim, q.data(), kDim);
        benchmark::DoNotOptimize(sum);
    }
    state.SetBytesProcessed(std::int64_t(state.iterations()) * std::int64_t(rows * kDim));
}

template <bool Dispatched>
void hammingRows(benchmark::State& state)
{
    const auto rows = std::size_t(state.range(0));
    const std::vector<std::uint64_t> codes = randomBytes<std::uint64_t>(rows * 8);
    const std::vector<std::uint64_t> q = randomBytes<std::uint64_t>(8);
    std::vector<std::uint16_t> out(rows);
    for (auto _ : state) {
        if constexpr (Dispatched)
            k::hammingRows(codes.data(), rows, 8, q.data(), out.data());
        else
            k::hammingRowsGeneric(codes.data(), rows, 8, q.data(), out.data());
        benchmark::DoNotOptimize(out.data());
    }
    state.SetBytesProcessed(std::int64_t(state.iterations()) * std::int64_t(rows * 64));
}

template <bool Dispatched>
void signScanBlocks(benchmark::State& state)
{
    const auto blocks = std::size_t(state.range(0)) / k::kSignBlockRows;
    const std::vector<std::uint8_t> codes = randomBytes<std::uint8_t>(blocks * k::kSignBlockBytes);
    std::vector<std::int8_t> luts(128 * 16);
    for (std::size_t i = 0; i < luts.size(); ++i)
        luts[i] = std::int8_t(int(i * 7 % 127) - 63);
    std::vector<std::int16_t> out(blocks * k::kSignBlockRows);
    for (auto _ : state) {
        if constexpr (Dispatched)
            k::signScanBlocks(codes.data(), blocks, luts.data(), out.data());
        else
            k::signScanBlocksGeneric(codes.data(), blocks, luts.data(), out.data());
        benchmark::DoNotOptimize(out.data());
    }
    state.SetBytesProcessed(std::int64_t(state.iterations()) * std::int64_t(codes.size()));
}

} // namespace

BENCHMARK(dotRowsF32<false>)->Arg(1000)->Arg(100000)->Unit(benchmark::kMicrosecond);
BENCHMARK(dotRowsF32<true>)->Arg(1000)->Arg(100000)->Unit(benchmark::kMicrosecond);
BENCHMARK(dotI8Rows<false>)->Arg(1000)->Arg(100000)->Unit(benchmark::kMicrosecond);
BENCHMARK(dotI8Rows<true>)->Arg(1000)->Arg(100000)->Unit(benchmark::kMicrosecond);
BENCHMARK(hammingRows<false>)->Arg(100000)->Arg(1000000)->Unit(benchmark::kMicrosecond);
BENCHMARK(hammingRows<true>)->Arg(100000)->Arg(1000000)->Unit(benchmark::kMicrosecond);
BENCHMARK(signScanBlocks<false>)->Arg(100000)->Arg(1000000)->Unit(benchmark::kMicrosecond);
BENCHMARK(signScanBlocks<true>)->Arg(100000)->Arg(1000000)->Unit(benchmark::kMicrosecond);

BENCHMARK_MAIN();
