#include "ingest/schema.h"

#include "contract/table_description.h"

namespace amip::ingest {

// Built from the one table description (contract/table_description.cc).
const std::vector<FileSpec>& ContractFiles() {
  static const std::vector<FileSpec> kFiles = [] {
    std::vector<FileSpec> files;
    for (const contract::TableDescription& table : contract::ContractTables()) {
      FileSpec spec{table.file, table.file_required, table.rows_required, {}};
      for (const contract::ColumnDescription& column : table.columns) {
        spec.columns.push_back({column.name, column.header_required});
      }
      files.push_back(std::move(spec));
    }
    return files;
  }();
  return kFiles;
}

const FileSpec* FindFileSpec(std::string_view name) {
  for (const FileSpec& spec : ContractFiles()) {
    if (spec.name == name) return &spec;
  }
  return nullptr;
}

}  // namespace amip::ingest
