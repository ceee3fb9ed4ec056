// Writes an XLSForm as an .xlsx workbook with libxlsxwriter. libxlsxwriter writes to a file name only, so the
// workbook is made in a private temporary folder, read back, and handed to the one writer (write_file_atomically).

#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <limits>

#include <fmt/format.h>
#include <xlsxwriter.h>

#include "partnerpulse/diagnostics.hpp"
#include "partnerpulse/form.hpp"
#include "partnerpulse/interface_text.hpp"

namespace partnerpulse {

namespace {

namespace fs = std::filesystem;

// The creation time recorded in every workbook (2000-01-01 00:00 UTC), so that the same form gives the same bytes.
constexpr std::time_t fixed_creation_time = 946684800;

// A folder made for one workbook, removed with everything in it when the object goes.
class TemporaryFolder {
public:
  explicit TemporaryFolder(const std::string& target) {
    std::error_code ec;
    std::string pattern = (fs::temp_directory_path(ec) / "partnerpulse-form-XXXXXX").string();
    if (ec || !::mkdtemp(pattern.data())) {
      throw IoError(target, std::string(tr("cannot be written: no temporary folder for the workbook could be made")));
    }
    path_ = pattern;
  }
  ~TemporaryFolder() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  TemporaryFolder(const TemporaryFolder&) = delete;
  TemporaryFolder& operator=(const TemporaryFolder&) = delete;
  const std::string& path() const noexcept { return path_; }

private:
  std::string path_;
};

// Throws IoError naming `target` when libxlsxwriter reports an error.
void check(lxw_error error, const std::string& target) {
  if (error != LXW_NO_ERROR) {
    throw IoError(target, fmt::format(fmt::runtime(tr("cannot be written: {}")), lxw_strerror(error)));
  }
}

// Writes one sheet: the header row in bold, then the rows, every cell as a string (never a formula).
void write_sheet(lxw_workbook* workbook, const Sheet& sheet, lxw_format* bold, const std::string& target) {
  lxw_worksheet* worksheet = workbook_add_worksheet(workbook, sheet.name.c_str());
  if (!worksheet) {
    throw IoError(target, fmt::format(fmt::runtime(tr("cannot be written: no worksheet '{}'")), sheet.name));
  }
  const auto cell = [&](std::size_t row, std::size_t column, const std::string& text, lxw_format* format) {
    if (text.empty()) return;
    check(worksheet_write_string(worksheet, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(column),
                                 text.c_str(), format),
          target);
  };
  for (std::size_t column = 0; column < sheet.columns.size(); ++column) {
    cell(0, column, sheet.columns[column], bold);
  }
  for (std::size_t row = 0; row < sheet.rows.size(); ++row) {
    for (std::size_t column = 0; column < sheet.rows[row].size(); ++column) {
      cell(row + 1, column, sheet.rows[row][column], nullptr);
    }
  }
  worksheet_freeze_panes(worksheet, 1, 0);  // the header row stays in view
}

// Makes the workbook at `file` (a path in a temporary folder).
void make_workbook(const XlsForm& form, const std::string& file, const std::string& folder,
                   const std::string& target) {
  lxw_workbook_options options{};
  options.tmpdir = const_cast<char*>(folder.c_str());  // libxlsxwriter's C API takes char*, and never writes it
  lxw_workbook* workbook = workbook_new_opt(file.c_str(), &options);
  if (!workbook) throw IoError(target, std::string(tr("cannot be written: the workbook could not be created")));
  try {
    lxw_doc_properties properties{};
    properties.created = fixed_creation_time;
    check(workbook_set_properties(workbook, &properties), target);
    lxw_format* bold = workbook_add_format(workbook);
    format_set_bold(bold);
    for (const Sheet* sheet : {&form.survey, &form.choices, &form.settings}) {
      write_sheet(workbook, *sheet, bold, target);
    }
  } catch (...) {
    workbook_close(workbook);
    throw;
  }
  check(workbook_close(workbook), target);
}

}  // namespace

void write_xlsform(const XlsForm& form, const std::string& path, Overwrite overwrite, const RunInputs& inputs) {
  check_output_target(path, overwrite, inputs);  // before any work
  const TemporaryFolder folder(path);
  const std::string file = folder.path() + "/form.xlsx";
  make_workbook(form, file, folder.path(), path);
  std::string bytes;
  try {
    bytes = read_text_file(file, std::numeric_limits<std::size_t>::max());
  } catch (const std::exception&) {
    throw IoError(path, std::string(tr("cannot be written: the workbook made could not be read back")));
  }
  write_file_atomically(path, bytes, overwrite, inputs);
}

}  // namespace partnerpulse
