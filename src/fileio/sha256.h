// Sha256Hex: the SHA-256 digest of bytes as 64 lowercase hex digits, for the manifest of an
// extract (contract/manifest.h): the producer states each file's digest, the import compares.
// Computed by libcrypto (OpenSSL EVP), which the build already has through libpq; no own
// implementation of the algorithm. Thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace amip::fileio {

std::string Sha256Hex(std::string_view bytes);

}  // namespace amip::fileio
