#include "fileio/sha256.h"

#include <openssl/evp.h>

#include "core/status.h"

namespace amip::fileio {

std::string Sha256Hex(std::string_view bytes) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  const int ok = EVP_Digest(bytes.data(), bytes.size(), digest, &length, EVP_sha256(), nullptr);
  AMIP_ASSERT(ok == 1 && length == 32, "libcrypto refused SHA-256");
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex(2 * length, '0');
  for (unsigned int idx = 0; idx < length; ++idx) {
    hex[2 * idx] = kHex[digest[idx] >> 4];
    hex[2 * idx + 1] = kHex[digest[idx] & 0x0f];
  }
  return hex;
}

}  // namespace amip::fileio
