// Tests of fileio: refusals of non-regular and oversized files, file identity through links
// and spellings, and atomic writes that leave no temporary file and never a half-written one.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>

#include <gtest/gtest.h>

#include "fileio/atomic_file.h"
#include "fileio/file_identity.h"
#include "fileio/read_file.h"

namespace amip::fileio {
namespace {

namespace fs = std::filesystem;

class FileioTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("amip_fileio_test_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string Path(const std::string& name) const { return (dir_ / name).string(); }
  void Put(const std::string& name, const std::string& content) const {
    std::ofstream(Path(name), std::ios::binary) << content;
  }
  std::string Get(const std::string& name) const {
    std::ifstream in(Path(name), std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
  }
  size_t EntryCount() const {
    size_t count = 0;
    for ([[maybe_unused]] const auto& entry : fs::directory_iterator(dir_)) ++count;
    return count;
  }
  fs::path dir_;
};

TEST_F(FileioTest, ReadsARegularFileWholly) {
  Put("a.yaml", "x: 1\n");
  auto text = ReadRegularFile(Path("a.yaml"), 100);
  ASSERT_TRUE(text.ok()) << text.status().ToString();
  EXPECT_EQ(*text, "x: 1\n");
}

TEST_F(FileioTest, MissingFileIsNotFoundAndNamed) {
  auto text = ReadRegularFile(Path("none.yaml"), 100);
  ASSERT_FALSE(text.ok());
  EXPECT_EQ(text.status().code(), core::StatusCode::kNotFound);
  EXPECT_NE(text.status().message().find("none.yaml: Datei nicht gefunden"), std::string::npos);
}

TEST_F(FileioTest, RefusesAFileOverTheLimitNamingSizeAndLimit) {
  Put("big.yaml", std::string(101, 'a'));
  auto text = ReadRegularFile(Path("big.yaml"), 100);
  ASSERT_FALSE(text.ok());
  EXPECT_EQ(text.status().code(), core::StatusCode::kInvalidArgument);
  EXPECT_NE(text.status().message().find("big.yaml: Datei ist 101 Bytes groß, erlaubt sind "
                                         "höchstens 100 Bytes"),
            std::string::npos)
      << text.status().message();
  Put("exact.yaml", std::string(100, 'a'));
  EXPECT_TRUE(ReadRegularFile(Path("exact.yaml"), 100).ok());
}

TEST_F(FileioTest, RefusesAFifoByNameWithoutBlocking) {
  ASSERT_EQ(::mkfifo(Path("stichtage.csv").c_str(), 0600), 0);
  const auto started = std::chrono::steady_clock::now();
  auto text = ReadRegularFile(Path("stichtage.csv"), 100);
  ASSERT_FALSE(text.ok());
  EXPECT_EQ(text.status().code(), core::StatusCode::kInvalidArgument);
  EXPECT_NE(text.status().message().find("stichtage.csv: ist eine benannte Pipe (FIFO), keine "
                                         "reguläre Datei"),
            std::string::npos)
      << text.status().message();
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(2));
}

TEST_F(FileioTest, RefusesDevicesAndDirectories) {
  auto zero = ReadRegularFile("/dev/zero", uint64_t{1} << 40);
  ASSERT_FALSE(zero.ok());
  EXPECT_NE(zero.status().message().find("/dev/zero: ist ein zeichenorientiertes Gerät"),
            std::string::npos)
      << zero.status().message();
  auto dir = ReadRegularFile(dir_.string(), 100);
  ASSERT_FALSE(dir.ok());
  EXPECT_NE(dir.status().message().find("ist ein Verzeichnis"), std::string::npos);
}

TEST_F(FileioTest, PrefixReadSaysWhetherItWasComplete) {
  Put("a.csv", "header\nrow\n");
  bool complete = true;
  auto head = ReadRegularFilePrefix(Path("a.csv"), 4, 100, &complete);
  ASSERT_TRUE(head.ok());
  EXPECT_EQ(*head, "head");
  EXPECT_FALSE(complete);
  auto all = ReadRegularFilePrefix(Path("a.csv"), 50, 100, &complete);
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(*all, "header\nrow\n");
  EXPECT_TRUE(complete);
  // The limit applies to the whole file even when only a prefix is wanted.
  EXPECT_FALSE(ReadRegularFilePrefix(Path("a.csv"), 4, 5, &complete).ok());
}

TEST_F(FileioTest, SameFileThroughHardLinkSymlinkAndSpelling) {
  Put("x.db", "db");
  ASSERT_EQ(::link(Path("x.db").c_str(), Path("hard.db").c_str()), 0);
  fs::create_symlink(Path("x.db"), Path("sym.db"));
  EXPECT_TRUE(SameFile(Path("x.db"), Path("hard.db")));
  EXPECT_TRUE(SameFile(Path("x.db"), Path("sym.db")));
  EXPECT_TRUE(SameFile(Path("x.db"), (dir_ / "." / "x.db").string()));
  fs::create_directories(Path("sub"));
  EXPECT_TRUE(SameFile(Path("x.db"), (dir_ / "sub" / ".." / "x.db").string()));
  Put("y.db", "db");
  EXPECT_FALSE(SameFile(Path("x.db"), Path("y.db")));
  // Neither exists yet: the same path after normalisation is the same file to be.
  EXPECT_TRUE(SameFile(Path("new.db"), (dir_ / "." / "new.db").string()));
  EXPECT_FALSE(SameFile(Path("new.db"), Path("other.db")));
  EXPECT_FALSE(SameFile(Path("new.db"), Path("x.db")));
}

TEST_F(FileioTest, IsWithinResolvesSymlinks) {
  fs::create_directories(Path("extract"));
  Put("extract/persons.csv", "p");
  Put("outside.csv", "secret");
  fs::create_symlink(Path("outside.csv"), Path("extract/claims.csv"));
  fs::create_symlink(Path("extract/persons.csv"), Path("extract/copy.csv"));
  EXPECT_TRUE(IsWithin(Path("extract/persons.csv"), Path("extract")));
  EXPECT_TRUE(IsWithin(Path("extract/copy.csv"), Path("extract")));
  EXPECT_FALSE(IsWithin(Path("extract/claims.csv"), Path("extract")));
  EXPECT_FALSE(IsWithin(Path("extractx/a.csv"), Path("extract")));
  EXPECT_TRUE(IsWithin(Path("extract/../extract/new.csv"), Path("extract")));
}

TEST_F(FileioTest, RefuseOutputOverInputNamesBothPaths) {
  Put("p.yaml", "plan");
  fs::create_symlink(Path("p.yaml"), Path("link.xlsx"));
  const core::Status refused = RefuseOutputOverInput(Path("link.xlsx"), {"", Path("p.yaml")});
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.code(), core::StatusCode::kInvalidArgument);
  EXPECT_NE(refused.message().find("link.xlsx: die Ausgabedatei ist eine Eingabe dieses Befehls "
                                   "(dieselbe Datei wie " +
                                   Path("p.yaml") + ")"),
            std::string::npos)
      << refused.message();
  EXPECT_TRUE(RefuseOutputOverInput(Path("out.xlsx"), {Path("p.yaml")}).ok());
  EXPECT_EQ(Get("p.yaml"), "plan");
}

TEST_F(FileioTest, AtomicWriteReplacesAndLeavesNoTemporaryFile) {
  Put("out.csv", "old");
  ASSERT_TRUE(WriteFileAtomically(Path("out.csv"), "new content").ok());
  EXPECT_EQ(Get("out.csv"), "new content");
  EXPECT_EQ(EntryCount(), 1u);
}

TEST_F(FileioTest, UncommittedAtomicFileLeavesTargetAndRemovesTemporary) {
  Put("out.csv", "old");
  {
    auto file = AtomicFile::Create(Path("out.csv"));
    ASSERT_TRUE(file.ok());
    ASSERT_TRUE(file->Write("half").ok());
    EXPECT_TRUE(fs::exists(file->temp_path()));
    EXPECT_EQ(fs::path(file->temp_path()).parent_path(), dir_);
  }
  EXPECT_EQ(Get("out.csv"), "old");
  EXPECT_EQ(EntryCount(), 1u);
}

TEST_F(FileioTest, AtomicFileFilledByPathIsCommitted) {
  auto file = AtomicFile::Create(Path("book.xlsx"));
  ASSERT_TRUE(file.ok());
  std::ofstream(file->temp_path(), std::ios::binary) << "written by a library";
  ASSERT_TRUE(file->Commit().ok());
  EXPECT_EQ(Get("book.xlsx"), "written by a library");
  EXPECT_EQ(EntryCount(), 1u);
}

TEST_F(FileioTest, AtomicWriteIntoMissingDirectoryFailsWithMessage) {
  const core::Status status = WriteFileAtomically(Path("no/such/dir/out.csv"), "x");
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.code(), core::StatusCode::kUnavailable);
  EXPECT_NE(status.message().find("out.csv: kann nicht geschrieben werden"), std::string::npos)
      << status.message();
}

TEST_F(FileioTest, AtomicCommitOverADirectoryFailsAndLeavesNoTemporary) {
  fs::create_directories(Path("taken"));
  const core::Status status = WriteFileAtomically(Path("taken"), "x");
  ASSERT_FALSE(status.ok());
  EXPECT_NE(status.message().find("Umbenennen fehlgeschlagen"), std::string::npos)
      << status.message();
  EXPECT_EQ(EntryCount(), 1u);
  EXPECT_TRUE(fs::is_directory(Path("taken")));
}

// A rename over a device or FIFO would replace the node itself (as root: `--quarantine
// /dev/null` replaced /dev/null by a regular file). Refused before anything is created; the
// test uses a FIFO, never a real device.
TEST_F(FileioTest, AtomicFileRefusesToReplaceAFifo) {
  ASSERT_EQ(::mkfifo(Path("rejected.csv").c_str(), 0600), 0);
  auto file = AtomicFile::Create(Path("rejected.csv"));
  ASSERT_FALSE(file.ok());
  EXPECT_EQ(file.status().code(), core::StatusCode::kInvalidArgument);
  EXPECT_NE(file.status().message().find("rejected.csv: ist eine benannte Pipe (FIFO), keine "
                                         "reguläre Datei, und wird nicht ersetzt"),
            std::string::npos)
      << file.status().message();
  struct stat info {};
  ASSERT_EQ(::lstat(Path("rejected.csv").c_str(), &info), 0);
  EXPECT_TRUE(S_ISFIFO(info.st_mode));
  EXPECT_EQ(EntryCount(), 1u);
}

TEST(FormatBytesTest, GermanUnits) {
  EXPECT_EQ(FormatBytes(812), "812 Bytes");
  EXPECT_EQ(FormatBytes(uint64_t{16} << 20), "16 MiB (16777216 Bytes)");
  EXPECT_EQ(FormatBytes(1536), "1,5 KiB (1536 Bytes)");
}

}  // namespace
}  // namespace amip::fileio
