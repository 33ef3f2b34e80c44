// Byte scans over whole files (counting lines, finding the end of a run of plain ASCII), sixteen
// bytes at a time with SSE2, which every x86-64 processor has, and eight at a time in a 64-bit
// word elsewhere. Written in C because Swift's optimiser leaves the plain loops scalar (a compare
// and a branch per byte), and these passes over each window of profiles ran at two instructions
// a byte.
#include "byte_scan.h"

#include <string.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/// Eight bytes from `bytes`, whatever their alignment.
static inline uint64_t load_word(const uint8_t *bytes) {
    uint64_t word;
    memcpy(&word, bytes, sizeof word);
    return word;
}

size_t orgdiag_count_byte(const uint8_t *bytes, size_t count, uint8_t byte) {
    size_t total = 0;
    size_t index = 0;
#if defined(__SSE2__)
    const __m128i needle = _mm_set1_epi8((char)byte);
    const __m128i zero = _mm_setzero_si128();
    while (index + 16 <= count) {
        // Each lane counts its matches in a byte: at most 255 rounds before they are summed.
        size_t rounds = (count - index) / 16;
        if (rounds > 255) rounds = 255;
        __m128i lanes = zero;
        for (size_t round = 0; round < rounds; round++, index += 16) {
            __m128i chunk = _mm_loadu_si128((const __m128i *)(bytes + index));
            lanes = _mm_sub_epi8(lanes, _mm_cmpeq_epi8(chunk, needle));  // a match is -1
        }
        __m128i sums = _mm_sad_epu8(lanes, zero);  // two sums of eight lanes
        total += (size_t)_mm_cvtsi128_si32(sums) + (size_t)_mm_extract_epi16(sums, 4);
    }
#else
    // A zero byte of `word ^ pattern` is a match; the high bit of each byte of `zeros` marks one,
    // computed without a carry from one byte into the next.
    const uint64_t lows = 0x7F7F7F7F7F7F7F7FULL;
    const uint64_t pattern = 0x0101010101010101ULL * byte;
    for (; index + 8 <= count; index += 8) {
        uint64_t word = load_word(bytes + index) ^ pattern;
        uint64_t zeros = ~(((word & lows) + lows) | word) & ~lows;
        total += (size_t)__builtin_popcountll(zeros);
    }
#endif
    for (; index < count; index++) total += bytes[index] == byte;
    return total;
}

size_t orgdiag_printable_ascii_prefix(const uint8_t *bytes, size_t count) {
    size_t index = 0;
#if defined(__SSE2__)
    // Adding 0x60 maps 0x20...0x7E onto 0x80...0xDE, the lowest bytes as signed numbers, and every
    // other byte above them: one signed comparison tells them apart.
    const __m128i shift = _mm_set1_epi8((char)0x60);
    const __m128i bound = _mm_set1_epi8((char)0xDF);
    for (; index + 16 <= count; index += 16) {
        __m128i chunk = _mm_add_epi8(_mm_loadu_si128((const __m128i *)(bytes + index)), shift);
        unsigned printable = (unsigned)_mm_movemask_epi8(_mm_cmplt_epi8(chunk, bound));
        if (printable != 0xFFFF) return index + (size_t)__builtin_ctz(~printable);
    }
#else
    // A word is skipped whole when no byte is under 0x20 (the borrow sets its high bit) and none
    // is 0x7F or over; otherwise the bytes below find the first that is not printable.
    const uint64_t highs = 0x8080808080808080ULL;
    for (; index + 8 <= count; index += 8) {
        uint64_t word = load_word(bytes + index);
        uint64_t below_space = (word - 0x2020202020202020ULL) & ~word & highs;
        uint64_t delete_or_over = ((word + 0x0101010101010101ULL) | word) & highs;
        if ((below_space | delete_or_over) != 0) break;
    }
#endif
    for (; index < count; index++) {
        if ((uint8_t)(bytes[index] - 0x20) >= 0x5F) return index;
    }
    return count;
}
