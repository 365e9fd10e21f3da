#include "csv/reader.h"

#include <cstdio>
#include <utility>

namespace amip::csv {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

bool IsContinuation(unsigned char byte) { return (byte & 0xC0) == 0x80; }

std::string HexByte(unsigned char byte) {
  char text[8];
  std::snprintf(text, sizeof text, "0x%02X", byte);
  return text;
}

}  // namespace

Reader::Reader(std::string_view buffer) : buf_(buffer) {
  if (buf_.substr(0, kBom.size()) == kBom) {
    pos_ = kBom.size();
    bom_ = true;
  }
}

std::string Reader::ConsumeCharacter(bool quoted) {
  const auto byte = static_cast<unsigned char>(buf_[pos_]);
  if (byte < 0x80) {
    if (byte < 0x20 && byte != '\t' && !(quoted && (byte == '\n' || byte == '\r'))) {
      return "control character " + HexByte(byte) + " not allowed";
    }
    if (byte == '\n') ++line_;
    ++pos_;
    return {};
  }
  size_t length = 0;
  unsigned char low = 0x80;
  unsigned char high = 0xBF;
  if (byte >= 0xC2 && byte <= 0xDF) {
    length = 2;
  } else if (byte >= 0xE0 && byte <= 0xEF) {
    length = 3;
    if (byte == 0xE0) low = 0xA0;
    if (byte == 0xED) high = 0x9F;  // no UTF-16 surrogates
  } else if (byte >= 0xF0 && byte <= 0xF4) {
    length = 4;
    if (byte == 0xF0) low = 0x90;
    if (byte == 0xF4) high = 0x8F;
  } else {
    return "invalid UTF-8 byte " + HexByte(byte) + " (the contract requires UTF-8)";
  }
  if (pos_ + length > buf_.size()) return "invalid UTF-8: truncated multi-byte character";
  const auto second = static_cast<unsigned char>(buf_[pos_ + 1]);
  if (second < low || second > high) {
    return "invalid UTF-8 byte sequence " + HexByte(byte) + " " + HexByte(second) +
           " (the contract requires UTF-8)";
  }
  for (size_t idx = 2; idx < length; ++idx) {
    const auto next = static_cast<unsigned char>(buf_[pos_ + idx]);
    if (!IsContinuation(next)) {
      return "invalid UTF-8 byte sequence at " + HexByte(next) + " (the contract requires UTF-8)";
    }
  }
  if (buf_.substr(pos_, length) == kBom) {
    return "byte order mark (U+FEFF) inside the file; only a leading BOM is allowed";
  }
  pos_ += length;
  return {};
}

ReadStatus Reader::Fail(size_t record_begin, size_t error_offset, size_t field_index,
                        std::string reason, bool to_end, Record* record, RecordError* error) {
  record->raw = buf_.substr(record_begin, error_offset - record_begin);
  const Position position = PositionInRecord(*record, error_offset - record_begin);
  size_t stop = buf_.size();
  if (!to_end) {
    const size_t newline = buf_.find('\n', error_offset);
    if (newline != std::string_view::npos) stop = newline;
  }
  size_t raw_end = stop;
  if (!to_end && raw_end > record_begin && raw_end < buf_.size() && buf_[raw_end - 1] == '\r') {
    --raw_end;
  }
  if (raw_end < error_offset) raw_end = error_offset;
  record->raw = buf_.substr(record_begin, raw_end - record_begin);
  line_ = record->line;
  for (size_t idx = record_begin; idx < stop; ++idx) {
    if (buf_[idx] == '\n') ++line_;
  }
  pos_ = stop;
  if (pos_ < buf_.size()) {
    ++pos_;  // the '\n'
    ++line_;
  }
  error->position = position;
  error->field_index = field_index;
  error->reason = std::move(reason);
  record->fields.clear();
  record->field_offsets.clear();
  return ReadStatus::kError;
}

ReadStatus Reader::Read(Record* record, RecordError* error) {
  record->fields.clear();
  record->field_offsets.clear();
  spans_.clear();
  scratch_.clear();
  if (pos_ >= buf_.size()) return ReadStatus::kEnd;
  const size_t record_begin = pos_;
  record->line = line_;
  record->raw = {};
  while (true) {
    const size_t field_begin = pos_;
    const size_t field_index = spans_.size();
    record->field_offsets.push_back(field_begin - record_begin);
    if (pos_ < buf_.size() && buf_[pos_] == '"') {
      ++pos_;
      size_t segment = pos_;
      bool escaped = false;
      size_t scratch_begin = scratch_.size();
      while (true) {
        if (pos_ >= buf_.size()) {
          return Fail(record_begin, field_begin, field_index,
                      "quoted field is not closed before the end of the file", true, record,
                      error);
        }
        const char c = buf_[pos_];
        if (c == '"') {
          if (pos_ + 1 < buf_.size() && buf_[pos_ + 1] == '"') {
            if (!escaped) scratch_begin = scratch_.size();
            scratch_.append(buf_.data() + segment, pos_ + 1 - segment);
            pos_ += 2;
            segment = pos_;
            escaped = true;
            continue;
          }
          break;
        }
        if (static_cast<unsigned char>(c) >= 0x20 && static_cast<unsigned char>(c) < 0x80) {
          ++pos_;
          continue;
        }
        const size_t char_begin = pos_;
        std::string reason = ConsumeCharacter(/*quoted=*/true);
        if (!reason.empty()) {
          return Fail(record_begin, char_begin, field_index, std::move(reason), false, record,
                      error);
        }
      }
      if (escaped) {
        scratch_.append(buf_.data() + segment, pos_ - segment);
        spans_.push_back({scratch_begin, scratch_.size() - scratch_begin, true});
      } else {
        spans_.push_back({segment, pos_ - segment, false});
      }
      ++pos_;  // closing quote
      if (pos_ < buf_.size() && buf_[pos_] != ',' && buf_[pos_] != '\n' && buf_[pos_] != '\r') {
        return Fail(record_begin, pos_, field_index,
                    "character after the closing quote of a quoted field (expected ',' or end "
                    "of line)",
                    false, record, error);
      }
    } else {
      while (pos_ < buf_.size()) {
        const char c = buf_[pos_];
        if (c == ',' || c == '\n' || c == '\r') break;
        if (c == '"') {
          return Fail(record_begin, pos_, field_index,
                      "quote character inside an unquoted field (quote the whole field and "
                      "double the quote)",
                      false, record, error);
        }
        if (static_cast<unsigned char>(c) >= 0x20 && static_cast<unsigned char>(c) < 0x80) {
          ++pos_;
          continue;
        }
        const size_t char_begin = pos_;
        std::string reason = ConsumeCharacter(/*quoted=*/false);
        if (!reason.empty()) {
          return Fail(record_begin, char_begin, field_index, std::move(reason), false, record,
                      error);
        }
      }
      spans_.push_back({field_begin, pos_ - field_begin, false});
    }
    if (pos_ >= buf_.size()) {
      record->raw = buf_.substr(record_begin, pos_ - record_begin);
      break;
    }
    const char separator = buf_[pos_];
    if (separator == ',') {
      ++pos_;
      continue;
    }
    if (separator == '\r') {
      if (pos_ + 1 < buf_.size() && buf_[pos_ + 1] == '\n') {
        record->raw = buf_.substr(record_begin, pos_ - record_begin);
        pos_ += 2;
        ++line_;
        break;
      }
      return Fail(record_begin, pos_, field_index,
                  "carriage return without line feed (line ends must be \\n or \\r\\n)", false,
                  record, error);
    }
    record->raw = buf_.substr(record_begin, pos_ - record_begin);  // '\n'
    ++pos_;
    ++line_;
    break;
  }
  record->fields.reserve(spans_.size());
  for (const Span& span : spans_) {
    record->fields.push_back(span.in_scratch
                                 ? std::string_view(scratch_).substr(span.begin, span.size)
                                 : buf_.substr(span.begin, span.size));
  }
  return ReadStatus::kRecord;
}

Position PositionInRecord(const Record& record, size_t offset) {
  Position position{record.line, 1};
  if (offset > record.raw.size()) offset = record.raw.size();
  for (size_t idx = 0; idx < offset; ++idx) {
    const auto byte = static_cast<unsigned char>(record.raw[idx]);
    if (byte == '\n') {
      ++position.line;
      position.column = 1;
    } else if (!IsContinuation(byte)) {
      ++position.column;
    }
  }
  return position;
}

Position FieldPosition(const Record& record, size_t field_index) {
  if (field_index >= record.field_offsets.size()) {
    return PositionInRecord(record, record.raw.size());
  }
  return PositionInRecord(record, record.field_offsets[field_index]);
}

}  // namespace amip::csv
