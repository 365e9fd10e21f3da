// csv::Reader: a strict, streaming RFC 4180 reader over an in-memory buffer (the data
// contract's CSV dialect). It splits records and fields, undoes quoting ("" escapes, embedded
// line breaks), accepts `\n` and `\r\n` line ends and a leading UTF-8 BOM, and rejects invalid
// UTF-8, a BOM anywhere else, control characters, stray quotes and lone carriage returns with
// the exact line and column. No I/O: the caller owns the buffer, which must outlive the reader
// and every Record it fills. Thread-compatible.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace amip::csv {

// 1-based physical line and column; the column counts characters (code points), not bytes,
// and the leading BOM is not counted.
struct Position {
  int64_t line = 0;
  int64_t column = 0;
};

struct Record {
  int64_t line = 0;       // physical line on which the record starts
  std::string_view raw;   // the record's bytes exactly as in the file, without its line end
  std::vector<std::string_view> fields;  // unquoted values; valid until the next Read()
  std::vector<size_t> field_offsets;     // byte offset of each field within `raw`
};

struct RecordError {
  Position position;       // where the problem is
  size_t field_index = 0;  // 0-based field in which it occurred
  std::string reason;
};

enum class ReadStatus { kRecord, kError, kEnd };

class Reader {
 public:
  explicit Reader(std::string_view buffer);

  // kRecord: `record` holds the next record. kError: the record is malformed; `error` says why
  // and `record->line`/`record->raw` hold the text from the record start up to the end of the
  // physical line of the error (to the end of the buffer for an unterminated quote), so it can
  // be quarantined; the next call continues after it. kEnd: no more input.
  ReadStatus Read(Record* record, RecordError* error);

  bool had_bom() const { return bom_; }

 private:
  struct Span {
    size_t begin;
    size_t size;
    bool in_scratch;
  };

  ReadStatus Fail(size_t record_begin, size_t error_offset, size_t field_index,
                  std::string reason, bool to_end, Record* record, RecordError* error);
  // Validates one character starting at pos_ (not ASCII-printable fast path); on success
  // advances pos_ and returns an empty string, else returns the reason.
  std::string ConsumeCharacter(bool quoted);

  std::string_view buf_;
  size_t pos_ = 0;
  int64_t line_ = 1;
  bool bom_ = false;
  std::string scratch_;
  std::vector<Span> spans_;
};

// The position of a field of a record returned by Reader::Read.
Position FieldPosition(const Record& record, size_t field_index);

// The position of byte `offset` of `record.raw`.
Position PositionInRecord(const Record& record, size_t offset);

}  // namespace amip::csv
