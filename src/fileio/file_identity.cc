#include "fileio/file_identity.h"

#include <sys/stat.h>

#include <filesystem>
#include <system_error>

namespace amip::fileio {

std::optional<FileIdentity> IdentityOf(const std::string& path) {
  struct stat info {};
  if (path.empty() || ::stat(path.c_str(), &info) != 0) return std::nullopt;
  return FileIdentity{static_cast<uint64_t>(info.st_dev), static_cast<uint64_t>(info.st_ino)};
}

bool SameFile(const std::string& a, const std::string& b) {
  if (a.empty() || b.empty()) return false;
  const std::optional<FileIdentity> id_a = IdentityOf(a);
  const std::optional<FileIdentity> id_b = IdentityOf(b);
  if (id_a && id_b) return *id_a == *id_b;
  if (id_a || id_b) return false;  // one exists, the other does not: different files
  std::error_code error_a;
  std::error_code error_b;
  const std::filesystem::path canon_a = std::filesystem::weakly_canonical(a, error_a);
  const std::filesystem::path canon_b = std::filesystem::weakly_canonical(b, error_b);
  if (error_a || error_b) return std::filesystem::absolute(a) == std::filesystem::absolute(b);
  return canon_a == canon_b;
}

bool IsWithin(const std::string& path, const std::string& dir) {
  std::error_code error;
  const std::filesystem::path canon_path = std::filesystem::weakly_canonical(path, error);
  if (error) return false;
  const std::filesystem::path canon_dir = std::filesystem::canonical(dir, error);
  if (error) return false;
  auto dir_part = canon_dir.begin();
  auto path_part = canon_path.begin();
  for (; dir_part != canon_dir.end(); ++dir_part, ++path_part) {
    if (path_part == canon_path.end() || *path_part != *dir_part) return false;
  }
  return true;
}

core::Status RefuseOutputOverInput(const std::string& output,
                                   const std::vector<std::string>& inputs) {
  for (const std::string& input : inputs) {
    if (!SameFile(output, input)) continue;
    const std::string same = output == input ? "" : " (dieselbe Datei wie " + input + ")";
    return core::InvalidArgumentError(
        output + ": die Ausgabedatei ist eine Eingabe dieses Befehls" + same +
        " und würde überschrieben; bitte einen anderen Pfad wählen. Nichts geschrieben");
  }
  return core::Status::Ok();
}

std::string FileKindName(mode_t mode) {
  if (S_ISREG(mode)) return "eine reguläre Datei";
  if (S_ISDIR(mode)) return "ein Verzeichnis";
  if (S_ISFIFO(mode)) return "eine benannte Pipe (FIFO)";
  if (S_ISCHR(mode)) return "ein zeichenorientiertes Gerät";
  if (S_ISBLK(mode)) return "ein blockorientiertes Gerät";
  if (S_ISSOCK(mode)) return "ein Socket";
  if (S_ISLNK(mode)) return "ein symbolischer Link";
  return "eine Datei unbekannter Art";
}

}  // namespace amip::fileio
