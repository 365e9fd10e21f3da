// libFuzzer target for csv::Reader: any byte string must be split into records or record
// errors without crashing, hanging or reading outside the buffer, and every reported position
// must be a real 1-based line/column. Built by fuzz/run.sh (clang++ -fsanitize=fuzzer,...).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "csv/reader.h"

namespace {

void Check(bool condition) {
  if (!condition) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view buffer(reinterpret_cast<const char*>(data), size);
  amip::csv::Reader reader(buffer);
  amip::csv::Record record;
  amip::csv::RecordError error;
  int64_t last_line = 0;
  size_t records = 0;
  while (true) {
    const amip::csv::ReadStatus status = reader.Read(&record, &error);
    if (status == amip::csv::ReadStatus::kEnd) break;
    Check(++records <= size + 1);  // every call consumes input
    Check(record.line > last_line);
    last_line = record.line;
    Check(record.raw.data() >= buffer.data() &&
          record.raw.data() + record.raw.size() <= buffer.data() + buffer.size());
    if (status == amip::csv::ReadStatus::kError) {
      Check(error.position.line >= record.line && error.position.column >= 1);
      Check(!error.reason.empty());
      continue;
    }
    Check(record.fields.size() == record.field_offsets.size());
    Check(!record.fields.empty());
    for (size_t field = 0; field < record.fields.size(); ++field) {
      Check(record.field_offsets[field] <= record.raw.size());
      const amip::csv::Position position = amip::csv::FieldPosition(record, field);
      Check(position.line >= record.line && position.column >= 1);
      Check(record.fields[field].size() <= record.raw.size());
    }
  }
  return 0;
}
