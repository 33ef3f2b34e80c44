#ifndef ORGDIAG_BYTE_SCAN_H
#define ORGDIAG_BYTE_SCAN_H

#include <stddef.h>
#include <stdint.h>

/// How many of the `count` bytes at `bytes` equal `byte`.
size_t orgdiag_count_byte(const uint8_t *bytes, size_t count, uint8_t byte);

/// How many of the `count` bytes at `bytes`, from the first on, are printable ASCII (0x20 to
/// 0x7E): the offset of the first byte that is not, or `count`.
size_t orgdiag_printable_ascii_prefix(const uint8_t *bytes, size_t count);

#endif
