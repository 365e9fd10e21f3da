#include "csv/reader.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace amip::csv {
namespace {

struct Outcome {
  std::vector<std::vector<std::string>> records;
  std::vector<int64_t> lines;
  std::vector<std::string> raws;
  std::vector<RecordError> errors;
};

Outcome ReadAll(std::string_view text) {
  Reader reader(text);
  Outcome outcome;
  Record record;
  RecordError error;
  while (true) {
    const ReadStatus status = reader.Read(&record, &error);
    if (status == ReadStatus::kEnd) break;
    if (status == ReadStatus::kError) {
      outcome.errors.push_back(error);
      outcome.raws.push_back(std::string(record.raw));
      continue;
    }
    outcome.records.emplace_back(record.fields.begin(), record.fields.end());
    outcome.lines.push_back(record.line);
    outcome.raws.push_back(std::string(record.raw));
  }
  return outcome;
}

using Rows = std::vector<std::vector<std::string>>;

TEST(CsvReaderTest, SplitsPlainRecords) {
  const Outcome outcome = ReadAll("a,b,c\n1,,3\n");
  EXPECT_TRUE(outcome.errors.empty());
  EXPECT_EQ(outcome.records, (Rows{{"a", "b", "c"}, {"1", "", "3"}}));
  EXPECT_EQ(outcome.lines, (std::vector<int64_t>{1, 2}));
}

TEST(CsvReaderTest, AcceptsMissingFinalNewlineCrlfAndBom) {
  Reader reader("\xEF\xBB\xBF" "a,b\r\n1,2");
  Record record;
  RecordError error;
  ASSERT_EQ(reader.Read(&record, &error), ReadStatus::kRecord);
  EXPECT_EQ(record.fields, (std::vector<std::string_view>{"a", "b"}));
  EXPECT_EQ(record.raw, "a,b");
  ASSERT_EQ(reader.Read(&record, &error), ReadStatus::kRecord);
  EXPECT_EQ(record.fields, (std::vector<std::string_view>{"1", "2"}));
  EXPECT_EQ(record.line, 2);
  EXPECT_EQ(reader.Read(&record, &error), ReadStatus::kEnd);
  EXPECT_TRUE(reader.had_bom());
}

TEST(CsvReaderTest, UnquotesEscapesAndEmbeddedNewlines) {
  const Outcome outcome = ReadAll("id,name\nx,\"Lünen, \"\"Nord\"\"\"\ny,\"two\nlines\"\nz,\"\"\n");
  ASSERT_TRUE(outcome.errors.empty());
  EXPECT_EQ(outcome.records,
            (Rows{{"id", "name"}, {"x", "Lünen, \"Nord\""}, {"y", "two\nlines"}, {"z", ""}}));
  EXPECT_EQ(outcome.lines, (std::vector<int64_t>{1, 2, 3, 5}));
  EXPECT_EQ(outcome.raws[2], "y,\"two\nlines\"");
}

TEST(CsvReaderTest, TrailingCommaGivesEmptyLastField) {
  const Outcome outcome = ReadAll("a,");
  EXPECT_EQ(outcome.records, (Rows{{"a", ""}}));
}

TEST(CsvReaderTest, EmptyLineIsOneEmptyField) {
  const Outcome outcome = ReadAll("a\n\nb\n");
  EXPECT_EQ(outcome.records, (Rows{{"a"}, {""}, {"b"}}));
}

TEST(CsvReaderTest, InvalidUtf8NamesLineColumnAndContinues) {
  const Outcome outcome = ReadAll("a,b\nü,x\xFFy\nc,d\n");
  ASSERT_EQ(outcome.errors.size(), 1u);
  EXPECT_EQ(outcome.errors[0].position.line, 2);
  EXPECT_EQ(outcome.errors[0].position.column, 4);  // characters, not bytes
  EXPECT_EQ(outcome.errors[0].field_index, 1u);
  EXPECT_NE(outcome.errors[0].reason.find("invalid UTF-8 byte 0xFF"), std::string::npos);
  EXPECT_EQ(outcome.raws[1], "ü,x\xFFy");
  EXPECT_EQ(outcome.records, (Rows{{"a", "b"}, {"c", "d"}}));
  EXPECT_EQ(outcome.lines.back(), 3);
}

TEST(CsvReaderTest, RejectsOverlongAndSurrogateEncodings) {
  EXPECT_EQ(ReadAll("\xC0\xAF\n").errors.size(), 1u);
  EXPECT_EQ(ReadAll("\xED\xA0\x80\n").errors.size(), 1u);
  EXPECT_EQ(ReadAll("\xE2\x82\n").errors.size(), 1u);
  EXPECT_TRUE(ReadAll("\xE2\x82\xAC,\xF0\x9F\x98\x80\n").errors.empty());
}

TEST(CsvReaderTest, RejectsBomInsideTheFile) {
  const Outcome outcome = ReadAll("a\n\xEF\xBB\xBF" "b\n");
  ASSERT_EQ(outcome.errors.size(), 1u);
  EXPECT_EQ(outcome.errors[0].position.line, 2);
  EXPECT_NE(outcome.errors[0].reason.find("byte order mark"), std::string::npos);
}

TEST(CsvReaderTest, UnterminatedQuoteConsumesTheRestAndPointsAtTheQuote) {
  const Outcome outcome = ReadAll("a,b\n1,\"open\n2,3\n");
  ASSERT_EQ(outcome.errors.size(), 1u);
  EXPECT_EQ(outcome.errors[0].position.line, 2);
  EXPECT_EQ(outcome.errors[0].position.column, 3);
  EXPECT_NE(outcome.errors[0].reason.find("not closed"), std::string::npos);
  EXPECT_EQ(outcome.raws.back(), "1,\"open\n2,3\n");
  EXPECT_EQ(outcome.records.size(), 1u);
}

TEST(CsvReaderTest, StrayQuotesAndLoneCarriageReturn) {
  Outcome outcome = ReadAll("ab\"c,d\nx,y\n");
  ASSERT_EQ(outcome.errors.size(), 1u);
  EXPECT_EQ(outcome.errors[0].position.column, 3);
  EXPECT_EQ(outcome.records, (Rows{{"x", "y"}}));
  outcome = ReadAll("\"ab\"c,d\n");
  ASSERT_EQ(outcome.errors.size(), 1u);
  EXPECT_EQ(outcome.errors[0].position.column, 5);
  outcome = ReadAll("a\rb\nc\n");
  ASSERT_EQ(outcome.errors.size(), 1u);
  EXPECT_NE(outcome.errors[0].reason.find("carriage return"), std::string::npos);
  EXPECT_EQ(outcome.records, (Rows{{"c"}}));
  EXPECT_EQ(outcome.lines, (std::vector<int64_t>{2}));
}

TEST(CsvReaderTest, ControlCharactersAreErrorsButTabIsText) {
  EXPECT_EQ(ReadAll(std::string("a\0b\n", 4)).errors.size(), 1u);
  EXPECT_TRUE(ReadAll("a\tb\n").errors.empty());
}

TEST(CsvReaderTest, ErrorLineAfterEmbeddedNewlines) {
  const Outcome outcome = ReadAll("\"a\nb\",\xFF\nc\n");
  ASSERT_EQ(outcome.errors.size(), 1u);
  EXPECT_EQ(outcome.errors[0].position.line, 2);
  EXPECT_EQ(outcome.errors[0].position.column, 4);
  EXPECT_EQ(outcome.lines, (std::vector<int64_t>{3}));
}

TEST(CsvReaderTest, FieldPositionCountsCharacters) {
  Reader reader("äö,x,\"y\"\n");
  Record record;
  RecordError error;
  ASSERT_EQ(reader.Read(&record, &error), ReadStatus::kRecord);
  EXPECT_EQ(FieldPosition(record, 1).column, 4);
  EXPECT_EQ(FieldPosition(record, 2).column, 6);
}

}  // namespace
}  // namespace amip::csv
