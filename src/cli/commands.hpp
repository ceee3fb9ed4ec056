#pragma once
// Internal: one options struct, setup_x and run_x per subcommand (see app.cpp for how they are wired).

#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "partnerpulse/cli.hpp"

namespace partnerpulse {

struct ValidateOptions {
  std::vector<std::string> paths;
  std::vector<std::string> questionnaire_folders;
  bool quiet = false;
};
void setup_validate(CLI::App& app, ValidateOptions& options);
int run_validate(const ValidateOptions& options, Console& console);

struct ListOptions {
  std::vector<std::string> questionnaire_folders;
};
void setup_list(CLI::App& app, ListOptions& options);
int run_list(const ListOptions& options, Console& console);

struct ReportOptions {
  std::vector<std::string> paths;
  std::vector<std::string> questionnaire_folders;
  std::string format = "markdown";
  std::string output;
  bool force = false;
  bool comments = false;
  double gap_threshold = 15.0;
  int min_group = 3;
  int attention_items = 5;
  int jobs = 0;
  std::string date;
  std::string language;
};
void setup_report(CLI::App& app, ReportOptions& options);
int run_report(const ReportOptions& options, Console& console);

struct AskOptions {
  std::vector<std::string> questionnaires;
  std::vector<std::string> questionnaire_folders;
  std::string output;
  std::string respondent;
  std::string organisation;
  std::string partnership;
  std::string role;
  std::string period;
  std::string language;
  bool plain = false;
};
void setup_ask(CLI::App& app, AskOptions& options);
int run_ask(const AskOptions& options, Console& console);

// Adds the repeatable --questionnaires DIR option shared by every command that looks questionnaires up.
void add_questionnaire_folders_option(CLI::App& app, std::vector<std::string>& folders);

}  // namespace partnerpulse
