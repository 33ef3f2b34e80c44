#ifndef ORGDIAG_BYTE_SCAN_H
#define ORGDIAG_BYTE_SCAN_H

#include <stddef.h>
#include <stdint.h>

/// How many of the `count` bytes at `bytes` equal `byte`.
size_t orgdiag_count_byte(const uint8_t *bytes, size_t count, uint8_t byte);

/// Scans the `count` bytes at `bytes` while they are printable ASCII, tabs or line feeds, writing
/// the start of the line after each line feed (`base` plus its offset plus one) into `line_starts`,
/// at most `capacity` of them, and their number into `*written`. Returns the offset where it
/// stopped: the first byte that is none of these, a line feed that found `line_starts` full, or
/// `count`.
size_t orgdiag_scan_plain_lines(const uint8_t *bytes, size_t count, intptr_t base, intptr_t *line_starts, size_t capacity,
                                size_t *written);

/// The offset of the last of the `count` bytes at `bytes` that equals `byte`, or -1.
intptr_t orgdiag_last_byte(const uint8_t *bytes, size_t count, uint8_t byte);

#endif
