#pragma once

#include <cstddef>
#include <cstdint>

// Vector kernels of the matcher. Each has a portable version (any x86-64) and
// an AVX2/FMA version selected once at run time (__builtin_cpu_supports); the
// project is never built with -march=native. The *Generic functions are public
// so that tests can compare both paths.
namespace fg::kernels {

// True when the AVX2/FMA/POPCNT versions are the ones in use.
bool usesAvx2();

// Dot product of two float vectors of length n.
float dotF32(const float* a, const float* b, std::size_t n);
float dotF32Generic(const float* a, const float* b, std::size_t n);

// out[r] = dot(rows + r * dim, query) for r in [0, rowCount). Rows are contiguous.
void dotRowsF32(const float* rows, std::size_t rowCount, std::size_t dim,
                const float* query, float* out);
void dotRowsF32Generic(const float* rows, std::size_t rowCount, std::size_t dim,
                       const float* query, float* out);

// Dot product of two int8 vectors of length n (exact, in 32-bit). Values must be
// in [-127, 127] (the quantiser never produces -128).
std::int32_t dotI8(const std::int8_t* a, const std::int8_t* b, std::size_t n);
std::int32_t dotI8Generic(const std::int8_t* a, const std::int8_t* b, std::size_t n);

// Number of differing bits between two bit strings of `words` 64-bit words.
std::uint32_t hamming(const std::uint64_t* a, const std::uint64_t* b, std::size_t words);
std::uint32_t hammingGeneric(const std::uint64_t* a, const std::uint64_t* b, std::size_t words);

// out[r] = hamming(codes + r * words, query) for r in [0, rowCount).
void hammingRows(const std::uint64_t* codes, std::size_t rowCount, std::size_t words,
                 const std::uint64_t* query, std::uint16_t* out);
void hammingRowsGeneric(const std::uint64_t* codes, std::size_t rowCount, std::size_t words,
                        const std::uint64_t* query, std::uint16_t* out);

// Asymmetric sign-code scan ("fast scan"): codes are stored in blocks of 32
// rows, byte position p (0..63) of the 32 rows contiguous (block byte
// p * 32 + r = code byte p of row r; its low nibble holds dims 8p..8p+3, its
// high nibble dims 8p+4..8p+7). `luts` holds 128 tables of 16 int8 entries,
// one per nibble position, each entry in [-63, 63]. out[b * 32 + r] = sum over
// the 128 nibbles of row r of lut[nibble position][nibble value].
constexpr std::size_t kSignBlockRows = 32;
constexpr std::size_t kSignBlockBytes = 64 * kSignBlockRows;
void signScanBlocks(const std::uint8_t* blocks, std::size_t blockCount, const std::int8_t* luts,
                    std::int16_t* out);
void signScanBlocksGeneric(const std::uint8_t* blocks, std::size_t blockCount, const std::int8_t* luts,
                           std::int16_t* out);

} // namespace fg::kernels
