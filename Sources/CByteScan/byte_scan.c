// Byte scans over whole files (counting lines, finding the end of a run of plain text and noting
// where each of its lines starts, finding a byte from the end), sixteen bytes at a time with SSE2,
// which every x86-64 processor has, and eight at a time in a 64-bit word elsewhere. Written in C
// because Swift's optimiser leaves the plain loops scalar (a compare and a branch per byte), and
// these passes over each window of profiles ran at two instructions a byte.
#define _GNU_SOURCE  // memrchr
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

/// One byte of orgdiag_scan_plain_lines, at `index`: a line feed's line start is written, if there
/// is room. Returns whether the scan goes on past it.
static inline int scan_plain_byte(const uint8_t *bytes, size_t index, intptr_t base, intptr_t *line_starts, size_t capacity,
                                  size_t *found) {
    uint8_t byte = bytes[index];
    if (byte == '\n') {
        if (*found == capacity) return 0;
        line_starts[(*found)++] = base + (intptr_t)index + 1;
        return 1;
    }
    return byte == '\t' || (uint8_t)(byte - 0x20) < 0x5F;
}

#if defined(__SSE2__)
/// The sixteen bytes of orgdiag_scan_plain_lines at `index`, whose printable bytes are the bits of
/// `printable`: each line feed's line start is written, if there is room. Returns how many of
/// them the scan goes past (16 when it goes on).
static inline unsigned scan_plain_block(__m128i chunk, unsigned printable, size_t index, intptr_t base, intptr_t *line_starts,
                                        size_t capacity, size_t *found) {
    unsigned feeds = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(chunk, _mm_set1_epi8('\n')));
    unsigned plain = printable | feeds;
    unsigned length = 16;
    if (plain != 0xFFFF) {
        plain |= (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(chunk, _mm_set1_epi8('\t')));
        if (plain != 0xFFFF) {
            length = (unsigned)__builtin_ctz(~plain);
            feeds &= (1u << length) - 1;
        }
    }
    for (; feeds != 0; feeds &= feeds - 1) {
        unsigned offset = (unsigned)__builtin_ctz(feeds);
        if (*found == capacity) return offset;
        line_starts[(*found)++] = base + (intptr_t)(index + offset) + 1;
    }
    return length;
}

/// The printable bytes of `chunk`, as bits: adding 0x60 maps 0x20...0x7E onto 0x80...0xDE, the
/// lowest bytes as signed numbers, and every other byte above them, so that one signed comparison
/// tells them apart.
static inline __m128i printable_bytes(__m128i chunk) {
    return _mm_cmplt_epi8(_mm_add_epi8(chunk, _mm_set1_epi8((char)0x60)), _mm_set1_epi8((char)0xDF));
}
#endif

size_t orgdiag_scan_plain_lines(const uint8_t *bytes, size_t count, intptr_t base, intptr_t *line_starts, size_t capacity,
                                size_t *written) {
    size_t index = 0;
    size_t found = 0;
#if defined(__SSE2__)
    // Thirty-two printable bytes (no line feed among them: the middle of a long line) are skipped
    // with one test; otherwise each sixteen are looked at for line feeds, tabs and where to stop.
    // The last thirty-one bytes or fewer of the scan are taken one at a time, below.
    while (index + 32 <= count) {
        __m128i first = _mm_loadu_si128((const __m128i *)(bytes + index));
        __m128i second = _mm_loadu_si128((const __m128i *)(bytes + index + 16));
        __m128i first_printable = printable_bytes(first);
        __m128i second_printable = printable_bytes(second);
        if (_mm_movemask_epi8(_mm_and_si128(first_printable, second_printable)) == 0xFFFF) {
            index += 32;
            continue;
        }
        unsigned length = scan_plain_block(first, (unsigned)_mm_movemask_epi8(first_printable), index, base, line_starts,
                                           capacity, &found);
        if (length == 16) {
            index += 16;
            length = scan_plain_block(second, (unsigned)_mm_movemask_epi8(second_printable), index, base, line_starts,
                                      capacity, &found);
        }
        if (length < 16) {
            *written = found;
            return index + length;
        }
        index += 16;
    }
#else
    // Eight printable bytes are skipped at once when no byte is under 0x20 (the borrow sets its
    // high bit: line feeds and tabs too) and none is 0x7F or over; otherwise they are taken one
    // at a time.
    const uint64_t highs = 0x8080808080808080ULL;
    while (index + 8 <= count) {
        uint64_t word = load_word(bytes + index);
        uint64_t below_space = (word - 0x2020202020202020ULL) & ~word & highs;
        uint64_t delete_or_over = ((word + 0x0101010101010101ULL) | word) & highs;
        if ((below_space | delete_or_over) == 0) {
            index += 8;
            continue;
        }
        for (size_t end = index + 8; index < end; index++) {
            if (!scan_plain_byte(bytes, index, base, line_starts, capacity, &found)) {
                *written = found;
                return index;
            }
        }
    }
#endif
    for (; index < count; index++) {
        if (!scan_plain_byte(bytes, index, base, line_starts, capacity, &found)) break;
    }
    *written = found;
    return index;
}

intptr_t orgdiag_last_byte(const uint8_t *bytes, size_t count, uint8_t byte) {
#if defined(__GLIBC__)
    const uint8_t *found = memrchr(bytes, byte, count);
    return found ? (intptr_t)(found - bytes) : -1;
#else
    while (count > 0) {
        count--;
        if (bytes[count] == byte) return (intptr_t)count;
    }
    return -1;
#endif
}
