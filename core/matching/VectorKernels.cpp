#include "core/matching/VectorKernels.h"

#include <bit>
#include <cstring>

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#define FG_KERNELS_X86 1
#endif

namespace fg::kernels {

// ---------------------------------------------------------------- portable

float dotF32Generic(const float* a, const float* b, std::size_t n)
{
    // Four partial sums: lets the compiler keep SSE2 lanes busy without
    // reassociating (no -ffast-math in this project).
    float s0 = 0.0f, s1 = 0.0f, s2 = 0.0f, s3 = 0.0f;
    std::size_t i = 0;
    for (; i + 4 <= n; i += 4) {
        s0 += a[i] * b[i];
        s1 += a[i + 1] * b[i + 1];
        s2 += a[i + 2] * b[i + 2];
        s3 += a[i + 3] * b[i + 3];
    }
    for (; i < n; ++i)
        s0 += a[i] * b[i];
    return (s0 + s1) + (s2 + s3);
}

void dotRowsF32Generic(const float* rows, std::size_t rowCount, std::size_t dim,
                       const float* query, float* out)
{
    for (std::size_t r = 0; r < rowCount; ++r)
        out[r] = dotF32Generic(rows + r * dim, query, dim);
}

std::int32_t dotI8Generic(const std::int8_t* a, const std::int8_t* b, std::size_t n)
{
    std::int32_t sum = 0;
    for (std::size_t i = 0; i < n; ++i)
        sum += static_cast<std::int32_t>(a[i]) * static_cast<std::int32_t>(b[i]);
    return sum;
}

std::uint32_t hammingGeneric(const std::uint64_t* a, const std::uint64_t* b, std::size_t words)
{
    std::uint32_t sum = 0;
    for (std::size_t i = 0; i < words; ++i)
        sum += static_cast<std::uint32_t>(std::popcount(a[i] ^ b[i]));
    return sum;
}

void hammingRowsGeneric(const std::uint64_t* codes, std::size_t rowCount, std::size_t words,
                        const std::uint64_t* query, std::uint16_t* out)
{
    for (std::size_t r = 0; r < rowCount; ++r)
        out[r] = static_cast<std::uint16_t>(hammingGeneric(codes + r * words, query, words));
}

void signScanBlocksGeneric(const std::uint8_t* blocks, std::size_t blockCount, const std::int8_t* luts,
                           std::int16_t* out)
{
    for (std::size_t b = 0; b < blockCount; ++b) {
        const std::uint8_t* block = blocks + b * kSignBlockBytes;
        for (std::size_t r = 0; r < kSignBlockRows; ++r) {
            int sum = 0;
            for (std::size_t p = 0; p < 64; ++p) {
                const std::uint8_t byte = block[p * kSignBlockRows + r];
                sum += luts[(2 * p) * 16 + (byte & 0x0f)] + luts[(2 * p + 1) * 16 + (byte >> 4)];
            }
            out[b * kSignBlockRows + r] = static_cast<std::int16_t>(sum);
        }
    }
}

// ---------------------------------------------------------------- AVX2/FMA

#ifdef FG_KERNELS_X86
namespace {

#define FG_AVX2 __attribute__((target("avx2,fma,popcnt")))

FG_AVX2 inline float horizontalSum(__m256 v)
{
    const __m128 lo = _mm256_castps256_ps128(v);
    const __m128 hi = _mm256_extractf128_ps(v, 1);
    __m128 s = _mm_add_ps(lo, hi);
    s = _mm_add_ps(s, _mm_movehl_ps(s, s));
    s = _mm_add_ss(s, _mm_shuffle_ps(s, s, 0x55));
    return _mm_cvtss_f32(s);
}

FG_AVX2 float dotF32Avx2(const float* a, const float* b, std::size_t n)
{
    __m256 acc0 = _mm256_setzero_ps(), acc1 = _mm256_setzero_ps();
    __m256 acc2 = _mm256_setzero_ps(), acc3 = _mm256_setzero_ps();
    std::size_t i = 0;
    for (; i + 32 <= n; i += 32) {
        acc0 = _mm256_fmadd_ps(_mm256_loadu_ps(a + i), _mm256_loadu_ps(b + i), acc0);
        acc1 = _mm256_fmadd_ps(_mm256_loadu_ps(a + i + 8), _mm256_loadu_ps(b + i + 8), acc1);
        acc2 = _mm256_fmadd_ps(_mm256_loadu_ps(a + i + 16), _mm256_loadu_ps(b + i + 16), acc2);
        acc3 = _mm256_fmadd_ps(_mm256_loadu_ps(a + i + 24), _mm256_loadu_ps(b + i + 24), acc3);
    }
    for (; i + 8 <= n; i += 8)
        acc0 = _mm256_fmadd_ps(_mm256_loadu_ps(a + i), _mm256_loadu_ps(b + i), acc0);
    float sum = horizontalSum(_mm256_add_ps(_mm256_add_ps(acc0, acc1), _mm256_add_ps(acc2, acc3)));
    for (; i < n; ++i)
        sum += a[i] * b[i];
    return sum;
}

constexpr std::size_t kPrefetchRows = 4;

// Two rows per pass: each query load feeds two FMAs, and two independent
// streams keep more cache-line requests in flight.
FG_AVX2 void dotRowsF32Avx2(const float* rows, std::size_t rowCount, std::size_t dim,
                            const float* query, float* out)
{
    std::size_t r = 0;
    if (dim % 16 == 0) {
        for (; r + 2 <= rowCount; r += 2) {
            const float* r0 = rows + r * dim;
            const float* r1 = r0 + dim;
            __m256 a0 = _mm256_setzero_ps(), a1 = _mm256_setzero_ps();
            __m256 b0 = _mm256_setzero_ps(), b1 = _mm256_setzero_ps();
            const bool prefetch = r + kPrefetchRows + 2 <= rowCount;
            for (std::size_t i = 0; i < dim; i += 16) {
                if (prefetch) {
                    _mm_prefetch(reinterpret_cast<const char*>(r0 + kPrefetchRows * dim + i), _MM_HINT_T0);
                    _mm_prefetch(reinterpret_cast<const char*>(r1 + kPrefetchRows * dim + i), _MM_HINT_T0);
                }
                const __m256 q0 = _mm256_loadu_ps(query + i);
                const __m256 q1 = _mm256_loadu_ps(query + i + 8);
                a0 = _mm256_fmadd_ps(_mm256_loadu_ps(r0 + i), q0, a0);
                a1 = _mm256_fmadd_ps(_mm256_loadu_ps(r0 + i + 8), q1, a1);
                b0 = _mm256_fmadd_ps(_mm256_loadu_ps(r1 + i), q0, b0);
                b1 = _mm256_fmadd_ps(_mm256_loadu_ps(r1 + i + 8), q1, b1);
            }
            out[r] = horizontalSum(_mm256_add_ps(a0, a1));
            out[r + 1] = horizontalSum(_mm256_add_ps(b0, b1));
        }
    }
    for (; r < rowCount; ++r)
        out[r] = dotF32Avx2(rows + r * dim, query, dim);
}

FG_AVX2 std::int32_t dotI8Avx2(const std::int8_t* a, const std::int8_t* b, std::size_t n)
{
    const __m256i ones = _mm256_set1_epi16(1);
    __m256i acc = _mm256_setzero_si256();
    std::size_t i = 0;
    for (; i + 32 <= n; i += 32) {
        __m256i va;
        __m256i vb;
        std::memcpy(&va, a + i, sizeof va);
        std::memcpy(&vb, b + i, sizeof vb);
        // |a| * (b * sign(a)) == a * b, as unsigned x signed bytes.
        const __m256i absA = _mm256_sign_epi8(va, va);
        const __m256i signedB = _mm256_sign_epi8(vb, va);
        const __m256i pairs = _mm256_maddubs_epi16(absA, signedB);
        acc = _mm256_add_epi32(acc, _mm256_madd_epi16(pairs, ones));
    }
    __m128i s = _mm_add_epi32(_mm256_castsi256_si128(acc), _mm256_extracti128_si256(acc, 1));
    s = _mm_add_epi32(s, _mm_shuffle_epi32(s, 0x4E));
    s = _mm_add_epi32(s, _mm_shuffle_epi32(s, 0xB1));
    std::int32_t sum = _mm_cvtsi128_si32(s);
    for (; i < n; ++i)
        sum += static_cast<std::int32_t>(a[i]) * static_cast<std::int32_t>(b[i]);
    return sum;
}

FG_AVX2 std::uint32_t hammingAvx2(const std::uint64_t* a, const std::uint64_t* b, std::size_t words)
{
    // Nibble look-up popcount (Mula et al.); AVX2 has no vector popcount.
    const __m256i lut = _mm256_setr_epi8(0, 1, 1, 2, 1, 2, 2, 3, 1, 2, 2, 3, 2, 3, 3, 4,
                                         0, 1, 1, 2, 1, 2, 2, 3, 1, 2, 2, 3, 2, 3, 3, 4);
    const __m256i low = _mm256_set1_epi8(0x0f);
    __m256i acc = _mm256_setzero_si256();
    std::size_t i = 0;
    for (; i + 4 <= words; i += 4) {
        __m256i va;
        __m256i vb;
        std::memcpy(&va, a + i, sizeof va);
        std::memcpy(&vb, b + i, sizeof vb);
        const __m256i x = _mm256_xor_si256(va, vb);
        const __m256i lo = _mm256_and_si256(x, low);
        const __m256i hi = _mm256_and_si256(_mm256_srli_epi16(x, 4), low);
        const __m256i cnt = _mm256_add_epi8(_mm256_shuffle_epi8(lut, lo), _mm256_shuffle_epi8(lut, hi));
        acc = _mm256_add_epi64(acc, _mm256_sad_epu8(cnt, _mm256_setzero_si256()));
    }
    const __m128i s = _mm_add_epi64(_mm256_castsi256_si128(acc), _mm256_extracti128_si256(acc, 1));
    std::uint64_t sum = static_cast<std::uint64_t>(_mm_cvtsi128_si64(s))
                        + static_cast<std::uint64_t>(_mm_extract_epi64(s, 1));
    for (; i < words; ++i)
        sum += static_cast<std::uint64_t>(_mm_popcnt_u64(a[i] ^ b[i]));
    return static_cast<std::uint32_t>(sum);
}

FG_AVX2 void hammingRowsAvx2(const std::uint64_t* codes, std::size_t rowCount, std::size_t words,
                             const std::uint64_t* query, std::uint16_t* out)
{
    for (std::size_t r = 0; r < rowCount; ++r) {
        if (r + 64 < rowCount)
            _mm_prefetch(reinterpret_cast<const char*>(codes + (r + 64) * words), _MM_HINT_T0);
        out[r] = static_cast<std::uint16_t>(hammingAvx2(codes + r * words, query, words));
    }
}

constexpr std::size_t kPrefetchBlocks = 4;

// Nibble tables looked up 32 rows at a time with vpshufb (as FAISS's fast scan).
FG_AVX2 void signScanBlocksAvx2(const std::uint8_t* blocks, std::size_t blockCount, const std::int8_t* luts,
                                std::int16_t* out)
{
    // Each 16-entry table duplicated in both 128-bit lanes, built once per call.
    alignas(32) std::int8_t wide[128][32];
    for (std::size_t j = 0; j < 128; ++j) {
        std::memcpy(wide[j], luts + j * 16, 16);
        std::memcpy(wide[j] + 16, luts + j * 16, 16);
    }
    const __m256i low = _mm256_set1_epi8(0x0f);
    for (std::size_t b = 0; b < blockCount; ++b) {
        const std::uint8_t* block = blocks + b * kSignBlockBytes;
        __m256i acc0 = _mm256_setzero_si256(); // rows 0..15
        __m256i acc1 = _mm256_setzero_si256(); // rows 16..31
        for (std::size_t p = 0; p < 64; ++p) {
            // Software prefetch a few blocks ahead (one cache line every other step).
            if (p % 2 == 0 && b + kPrefetchBlocks < blockCount)
                _mm_prefetch(reinterpret_cast<const char*>(block + kPrefetchBlocks * kSignBlockBytes + p * kSignBlockRows),
                             _MM_HINT_T0);
            __m256i v;
            std::memcpy(&v, block + p * kSignBlockRows, sizeof v);
            __m256i lutLo;
            __m256i lutHi;
            std::memcpy(&lutLo, wide[2 * p], sizeof lutLo);
            std::memcpy(&lutHi, wide[2 * p + 1], sizeof lutHi);
            const __m256i lo = _mm256_and_si256(v, low);
            const __m256i hi = _mm256_and_si256(_mm256_srli_epi16(v, 4), low);
            // Entries are in [-63, 63]: the sum of two fits in int8.
            const __m256i sum = _mm256_add_epi8(_mm256_shuffle_epi8(lutLo, lo), _mm256_shuffle_epi8(lutHi, hi));
            acc0 = _mm256_add_epi16(acc0, _mm256_cvtepi8_epi16(_mm256_castsi256_si128(sum)));
            acc1 = _mm256_add_epi16(acc1, _mm256_cvtepi8_epi16(_mm256_extracti128_si256(sum, 1)));
        }
        std::memcpy(out + b * kSignBlockRows, &acc0, sizeof acc0);
        std::memcpy(out + b * kSignBlockRows + 16, &acc1, sizeof acc1);
    }
}

#undef FG_AVX2

} // namespace
#endif // FG_KERNELS_X86

// ---------------------------------------------------------------- dispatch

namespace {

struct KernelTable {
    bool avx2 = false;
    float (*dotF32)(const float*, const float*, std::size_t) = dotF32Generic;
    void (*dotRowsF32)(const float*, std::size_t, std::size_t, const float*, float*) = dotRowsF32Generic;
    std::int32_t (*dotI8)(const std::int8_t*, const std::int8_t*, std::size_t) = dotI8Generic;
    std::uint32_t (*hamming)(const std::uint64_t*, const std::uint64_t*, std::size_t) = hammingGeneric;
    void (*hammingRows)(const std::uint64_t*, std::size_t, std::size_t, const std::uint64_t*,
                        std::uint16_t*) = hammingRowsGeneric;
    void (*signScanBlocks)(const std::uint8_t*, std::size_t, const std::int8_t*, std::int16_t*) =
        signScanBlocksGeneric;
};

KernelTable selectKernels()
{
    KernelTable table;
#ifdef FG_KERNELS_X86
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")
        && __builtin_cpu_supports("popcnt")) {
        table.avx2 = true;
        table.dotF32 = dotF32Avx2;
        table.dotRowsF32 = dotRowsF32Avx2;
        table.dotI8 = dotI8Avx2;
        table.hamming = hammingAvx2;
        table.hammingRows = hammingRowsAvx2;
        table.signScanBlocks = signScanBlocksAvx2;
    }
#endif
    return table;
}

const KernelTable& kernels()
{
    static const KernelTable table = selectKernels();
    return table;
}

} // namespace

bool usesAvx2() { return kernels().avx2; }

float dotF32(const float* a, const float* b, std::size_t n) { return kernels().dotF32(a, b, n); }

void dotRowsF32(const float* rows, std::size_t rowCount, std::size_t dim, const float* query, float* out)
{
    kernels().dotRowsF32(rows, rowCount, dim, query, out);
}

std::int32_t dotI8(const std::int8_t* a, const std::int8_t* b, std::size_t n) { return kernels().dotI8(a, b, n); }

std::uint32_t hamming(const std::uint64_t* a, const std::uint64_t* b, std::size_t words)
{
    return kernels().hamming(a, b, words);
}

void hammingRows(const std::uint64_t* codes, std::size_t rowCount, std::size_t words,
                 const std::uint64_t* query, std::uint16_t* out)
{
    kernels().hammingRows(codes, rowCount, words, query, out);
}

void signScanBlocks(const std::uint8_t* blocks, std::size_t blockCount, const std::int8_t* luts, std::int16_t* out)
{
    kernels().signScanBlocks(blocks, blockCount, luts, out);
}

} // namespace fg::kernels
