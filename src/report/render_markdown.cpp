// The Markdown report (docs/report-format.md). Every text from an input file goes through markdown_escape.hpp;
// the output passes markdownlint-cli2's default rules except MD013 (line length).

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "partnerpulse/interface_text.hpp"
#include "partnerpulse/render.hpp"
#include "report/markdown_blocks.hpp"
#include "report/markdown_escape.hpp"
#include "scoring/anonymity.hpp"
#include "util/decimal_format.hpp"

namespace partnerpulse {

namespace {

bool has_translation(const LocalizedText& text, std::string_view language) {
  const auto& all = text.translations();
  return std::any_of(all.begin(), all.end(), [&](const auto& translation) { return translation.first == language; });
}

class MarkdownRenderer {
public:
  MarkdownRenderer(const Results& results, const RenderOptions& options)
      : results_(results), options_(options), language_(options.language), min_group_(results.options.min_group) {}

  std::string render() {
    doc_.add("# " + headings_.unique(markdown_heading(translate(language_, "Partnership health report"))));
    if (!single_line(options_.date).empty()) {
      doc_.add(markdown_inline(fill(translate(language_, "Report date: {}."), options_.date)));
    }
    if (shows_small_groups(results_.options)) {
      doc_.add(fill(translate(language_, "> **Warning:** {}"),
                    markdown_inline(small_groups_warning(min_group_, language_))));
    }
    if (results_.groups.empty()) {
      doc_.add(std::string(translate(language_, "No responses were found, so there is nothing to report.")));
    }
    with_suffix_ = results_.groups.size() > 1;
    for (const auto& group : results_.groups) render_group(group);
    return doc_.str();
  }

private:
  // The text in the report's language, else in its default language (counted, for the method section).
  const std::string& text(const LocalizedText& localized) const {
    if (options_.language.empty()) return localized.text();
    if (!localized.empty() && !has_translation(localized, options_.language)) fallen_back_.insert(&localized);
    return localized.in(options_.language);
  }

  // "5 respondents", in the report's language.
  std::string respondents(std::size_t n) const {
    return fill(translate_plural(language_, "{} respondent", "{} respondents", n), n);
  }

  // The plain-text (unescaped) names of things.
  std::string band_label(const BandRef& band) const { return plain(text(band.label), band.id); }

  std::string questionnaire_title(const GroupResult& group, const std::string& id) const {
    for (const auto& use : group.questionnaires) {
      if (use.id == id) return plain(text(use.title), id);
    }
    return plain(id);
  }

  std::string dimension_title(const DimensionResult& dimension) const {
    return plain(text(dimension.title), dimension.id);
  }

  // A heading of `level` whose raw text gets the group suffix when the document holds several groups.
  void heading(int level, std::string_view raw, std::string_view fallback = {}) {
    std::string escaped = markdown_heading(raw, fallback);
    if (with_suffix_ && group_ != nullptr) {
      escaped += " (" + markdown_inline(fmt::format("{}, {}", plain(group_->partnership), plain(group_->period))) + ")";
    }
    doc_.add(std::string(static_cast<std::size_t>(level), '#') + " " + headings_.unique(escaped));
  }

  std::string figure(const std::optional<double>& value, int decimals) const {
    return format_fixed(value, decimals, missing);
  }

  std::string bar(const std::optional<double>& index) const {
    if (!index || !std::isfinite(*index)) return std::string(missing);
    // In half cells: with the default width of 10, one half cell per 5 points, so that 47.2 (████▌░░░░░) and
    // 51.0 (█████░░░░░) differ. The band is always printed beside the bar, never left to it.
    const std::size_t width = options_.bar_width;
    const double share = std::clamp(*index, 0.0, 100.0) / 100.0;
    const auto halves =
        std::min(2 * width, static_cast<std::size_t>(std::lround(share * static_cast<double>(2 * width))));
    std::string out;
    for (std::size_t i = 0; i < width; ++i) out += 2 * i + 1 < halves ? "█" : 2 * i + 1 == halves ? "▌" : "░";
    return out;
  }

  const WithheldRole* withheld_role(const GroupResult& group, const std::string& role) const {
    for (const auto& withheld : group.withheld_roles) {
      if (withheld.role == role) return &withheld;
    }
    return nullptr;
  }

  void render_group(const GroupResult& group) {
    group_ = nullptr;  // the group heading itself carries no suffix
    heading(2, fmt::format("{} — {}", plain(group.partnership), plain(group.period)));
    group_ = &group;
    fallen_back_.clear();
    if (group.withheld) {
      doc_.add(fill(translate(language_, "This partnership and period has {0}, fewer than {1}, so no figures are "
                                         "shown: with so few, answers could be traced back to the people who gave "
                                         "them. The threshold is set with `--min-group`."),
                    respondents(group.respondents), min_group_));
      return;
    }
    render_summary(group);
    render_dimensions(group);
    render_gaps(group);
    render_dont_know(group);
    render_items(group);
    render_advice(group);
    if (options_.comments) render_comments(group);
    render_method(group);
  }

  // "north: 5", or with a partnership file "Funding partner (funder): 5 of 6 invited (83%)".
  std::string role_count_line(const GroupResult& group, const std::string& role, std::size_t n) const {
    for (const RoleResponse& declared : group.role_responses) {
      if (declared.role != role) continue;
      const std::string name = fmt::format("{} ({})", plain(declared.title, role), plain(role));
      if (declared.invited && *declared.invited > 0) {
        return fill(translate(language_, "{0}: {1} of {2} invited ({3}%)"), name, n, *declared.invited,
                    format_fixed(100.0 * static_cast<double>(n) / static_cast<double>(*declared.invited), 0));
      }
      return fmt::format("{}: {}", name, n);
    }
    return fmt::format("{}: {}", role_name(role), n);
  }

  std::string role_name(const std::string& role) const { return plain(role, translate(language_, "(no role)")); }

  void render_summary(const GroupResult& group) {
    heading(3, translate(language_, "Summary"));
    std::string respondent_lines = "- " + fill(translate(language_, "Respondents: {}"), group.respondents);
    for (const auto& [role, n] : group.role_counts) {
      std::string line = role_count_line(group, role, n);
      if (const WithheldRole* withheld = withheld_role(group, role)) {
        line = withheld->n < min_group_
                   ? fill(translate(language_, "{0} (withheld: fewer than {1})"), line, min_group_)
                   : fill(translate(language_, "{} (withheld: protects a smaller withheld role)"), line);
      }
      respondent_lines += "\n  - " + markdown_inline(line);
    }
    if (!group.missing_roles.empty()) {
      respondent_lines += "\n  - " + markdown_inline(fill(translate(language_, "No response from: {}"),
                                                           fmt::format("{}", fmt::join(group.missing_roles, ", "))));
    }
    doc_.add(respondent_lines + "\n" + overall_lines(group));
  }

  // The overall index line, and the balanced index beside it when there is one.
  std::string overall_lines(const GroupResult& group) const {
    if (!group.overall_index || !std::isfinite(*group.overall_index)) {
      return "- " + fill(translate(language_, "Overall health index: {} (not computable)"), missing);
    }
    std::string value = fmt::format("**{} / 100**", format_fixed(*group.overall_index, 1));
    if (group.overall_band) value += " (" + markdown_inline(band_label(*group.overall_band)) + ")";
    if (!group.balanced_index) return "- " + fill(translate(language_, "Overall health index: {}"), value);
    return "- " +
           fill(translate(language_, "Overall health index: {}: each respondent counts once, so the roles with the "
                                     "most respondents weigh the most"),
                value) +
           "\n- " +
           fill(translate(language_, "Balanced index: **{} / 100**: the mean of the indexes of the roles shown, each "
                                     "role counting once"),
                format_fixed(*group.balanced_index, 1));
  }

  // The notable shares of "don't know" answers (docs/scoring.md): per dimension, for all respondents and for each
  // role shown; nothing when none is notable. Withheld dimensions and cells never have one.
  void render_dont_know(const GroupResult& group) {
    std::vector<std::string> lines;
    for (const auto& d : group.dimensions) {
      std::vector<std::string> shares;
      if (d.dont_know_share && !d.withheld) {
        shares.push_back(fill(translate(language_, "all respondents {}"), percent(*d.dont_know_share)));
      }
      for (const auto& role : group.roles) {
        for (const auto& cell : role.dimensions) {
          if (cell.questionnaire != d.questionnaire || cell.dimension != d.id) continue;
          if (cell.index && cell.dont_know_share) {
            shares.push_back(fmt::format("{} {}", role_name(role.role), percent(*cell.dont_know_share)));
          }
        }
      }
      if (shares.empty()) continue;
      lines.push_back(markdown_inline(fmt::format("{}, {}: {}", questionnaire_title(group, d.questionnaire),
                                                  dimension_title(d), fmt::join(shares, "; "))));
    }
    if (lines.empty()) return;
    heading(3, translate(language_, "Answered \"don't know\""));
    doc_.add(fill(translate(language_, "Dimensions where at least {}% of the answers, from all respondents or from a "
                                       "role shown, were \"don't know\": a partner that cannot judge a practice is a "
                                       "finding to discuss. These answers are not in any index."),
                  format_fixed(dont_know_notable_share * 100.0, 0)));
    doc_.add(bullet_list(lines));
  }

  static std::string percent(double share) { return format_fixed(share * 100.0, 0) + "%"; }

  void render_dimensions(const GroupResult& group) {
    heading(3, translate(language_, "Dimensions"));
    if (group.dimensions.empty()) {
      doc_.add(std::string(translate(language_, "No dimension was scored.")));
      return;
    }
    std::vector<Column> columns = {column(translate(language_, "Questionnaire")),
                                   column(translate(language_, "Dimension")),
                                   column(translate(language_, "Index"), true)};
    const bool with_bar = options_.bar_width > 0;
    if (with_bar) columns.push_back(column(translate(language_, "Bar")));
    columns.insert(columns.end(),
                   {column(translate(language_, "Band")), column(translate(language_, "n"), true),
                    column(translate(language_, "SD"), true), column(translate(language_, "Alpha"), true)});
    const bool with_change = group.previous_period.has_value();
    if (with_change) {
      columns.insert(columns.end(), {column(translate(language_, "Change"), true),
                                     column(translate(language_, "Beyond noise"))});
    }
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> change_notes;
    bool any_withheld = false;
    for (const auto& d : group.dimensions) {
      // A withheld dimension shows no figure, whatever the results hold.
      const auto shown = [&](const std::optional<double>& value) { return d.withheld ? std::nullopt : value; };
      std::vector<std::string> row = {markdown_table_cell(questionnaire_title(group, d.questionnaire)),
                                      markdown_table_cell(dimension_title(d)), figure(shown(d.index), 1)};
      if (with_bar) row.push_back(bar(shown(d.index)));
      if (d.withheld) {
        row.push_back(std::string(translate(language_, "withheld")));
      } else {
        row.push_back(d.band ? markdown_table_cell(band_label(*d.band)) : std::string(missing));
      }
      row.push_back(fmt::format("{}", d.n));
      row.push_back(figure(shown(d.sd), 1));
      row.push_back(figure(shown(d.alpha), 2));
      if (with_change) {
        row.push_back(format_change(shown(d.change), 1, missing));
        row.push_back(std::string(d.withheld || !d.significant ? missing
                                  : *d.significant             ? translate(language_, "yes")
                                                               : translate(language_, "no")));
        if (!d.change_note.empty()) {
          change_notes.push_back(markdown_inline(fmt::format("{}: {}", dimension_title(d), d.change_note)));
        }
      }
      any_withheld = any_withheld || d.withheld;
      rows.push_back(std::move(row));
    }
    doc_.add(table(columns, rows));
    if (with_change) {
      doc_.add(markdown_inline(fill(
          translate(language_, "Change: since {0}, the index as printed minus the one printed for {0}. Beyond noise: "
                               "yes when the change is at least the noise margin of Welch's t-test (95% level), no "
                               "when a change that size could be chance; {1} when there is no change to test (a "
                               "figure withheld, or the dimension measured differently)."),
          plain(*group.previous_period), missing)));
      if (!change_notes.empty()) doc_.add(bullet_list(change_notes));
    }
    if (any_withheld) {
      doc_.add(fill(translate(language_, "A dimension marked withheld has fewer than {} respondents with a score, so "
                                         "its figures are not shown."),
                    min_group_));
    }
  }

  std::optional<double> role_index(const RoleResult& role, const DimensionResult& d) const {
    for (const auto& cell : role.dimensions) {
      if (cell.questionnaire == d.questionnaire && cell.dimension == d.id) return cell.index;
    }
    return std::nullopt;
  }

  const GapResult* gap_for(const GroupResult& group, const DimensionResult& d) const {
    for (const auto& gap : group.gaps) {
      if (gap.questionnaire == d.questionnaire && gap.dimension == d.id) return &gap;
    }
    return nullptr;
  }

  void render_gaps(const GroupResult& group) {
    heading(3, translate(language_, "Perception gaps"));
    const std::string threshold = format_fixed(results_.options.gap_threshold, 1);
    if (group.role_counts.size() <= 1 && group.withheld_roles.empty()) {
      doc_.add(std::string(
          translate(language_, "All respondents share one role, so there are no perception gaps to show.")));
    } else if (group.roles.empty()) {
      doc_.add(fill(translate(language_, "No role can be shown on its own (each needs at least {} respondents, and no "
                                         "withheld role may be worked out from the others), so there are no "
                                         "perception gaps to show."),
                    min_group_));
    } else {
      doc_.add(fill(translate(language_, "Each role's index per dimension (0–100), for roles with at least {0} "
                                         "respondents. The gap is the highest role's index minus the lowest; a gap of "
                                         "at least {1} points is flagged for discussion."),
                    min_group_, threshold));
      std::vector<Column> columns = {column(translate(language_, "Questionnaire")),
                                     column(translate(language_, "Dimension"))};
      for (const auto& role : group.roles) {
        columns.push_back({markdown_table_cell(fmt::format("{} (n={})", role_name(role.role), role.n)), true});
      }
      columns.push_back(column(translate(language_, "Gap"), true));
      if (group.previous_period) columns.push_back(column(translate(language_, "Change"), true));
      columns.push_back(column(translate(language_, "Flag")));
      std::vector<std::vector<std::string>> rows;
      for (const auto& d : group.dimensions) {
        std::vector<std::string> row = {markdown_table_cell(questionnaire_title(group, d.questionnaire)),
                                        markdown_table_cell(dimension_title(d))};
        for (const auto& role : group.roles) row.push_back(figure(role_index(role, d), 1));
        const GapResult* gap = gap_for(group, d);
        row.push_back(figure(gap ? gap->gap : std::nullopt, 1));
        if (group.previous_period) row.push_back(format_change(gap ? gap->change : std::nullopt, 1, missing));
        row.push_back(gap && gap->flagged ? std::string(translate(language_, "⚑ discuss")) : std::string());
        rows.push_back(std::move(row));
      }
      doc_.add(table(columns, rows));
      if (group.roles.size() == 1) {
        doc_.add(fill(translate(language_, "A gap needs at least two roles shown on their own, each with at least {} "
                                           "respondents."),
                      min_group_));
      }
    }
    if (!group.withheld_roles.empty()) {
      doc_.add(std::string(translate(language_, "Not shown on their own, to protect their respondents:")));
      std::vector<std::string> items;
      for (const auto& withheld : group.withheld_roles) {
        std::string item = fmt::format("{} ({})", role_name(withheld.role), respondents(withheld.n));
        const std::string reason = single_line(withheld.reason);
        if (!reason.empty()) item += ": " + reason;
        items.push_back(markdown_inline(item));
      }
      doc_.add(bullet_list(items));
      doc_.add(std::string(translate(
          language_, "Their figures are never shown, and they take no part in any gap. To show smaller roles, lower "
                     "the threshold with `--min-group` (for example `--min-group 2`); this makes it easier to tell "
                     "who answered what, so agree on it with the respondents first.")));
    }
  }

  void render_items(const GroupResult& group) {
    heading(3, translate(language_, "Items needing attention"));
    if (group.attention_items.empty()) {
      doc_.add(std::string(translate(language_, "No item has enough answers to be listed.")));
    } else {
      doc_.add(std::string(
          translate(language_, "The lowest-scoring items, lowest first: the concrete practices to discuss.")));
      std::vector<Column> columns = {column(translate(language_, "Questionnaire")),
                                     column(translate(language_, "Item")),
                                     column(translate(language_, "Index"), true),
                                     column(translate(language_, "SD"), true),
                                     column(translate(language_, "n"), true),
                                     column(translate(language_, "n/a"), true)};
      const bool with_dont_know = std::any_of(group.attention_items.begin(), group.attention_items.end(),
                                              [](const ItemResult& item) { return item.dont_know > 0; });
      if (with_dont_know) columns.push_back(column(translate(language_, "Don't know"), true));
      std::vector<std::vector<std::string>> rows;
      for (const auto& item : group.attention_items) {
        const std::string item_text =
            item.reverse ? fill(translate(language_, "{} (reverse-keyed)"), plain(text(item.text), item.id))
                         : plain(text(item.text), item.id);
        rows.push_back({markdown_table_cell(questionnaire_title(group, item.questionnaire)),
                        markdown_table_cell(item_text),
                        figure(item.index, 1), figure(item.sd, 1), fmt::format("{}", item.n),
                        fmt::format("{}", item.not_applicable)});
        if (with_dont_know) rows.back().push_back(fmt::format("{}", item.dont_know));
      }
      doc_.add(table(columns, rows));
    }
    if (group.items_withheld > 0) {
      doc_.add(fill(translate_plural(language_,
                                     "{0} item is left out of this list because fewer than {1} respondents answered it.",
                                     "{0} items are left out of this list because fewer than {1} respondents answered "
                                     "them.",
                                     group.items_withheld),
                    group.items_withheld, min_group_));
    }
  }

  // The index role `name` gives dimension `d`, as printed ("—" when not shown).
  std::string role_figure(const GroupResult& group, const std::string& name, const DimensionResult& d) const {
    for (const auto& role : group.roles) {
      if (role.role == name) return figure(role_index(role, d), 1);
    }
    return std::string(missing);
  }

  // One dimension's entry: where it stands, which role sees it worse when its gap is flagged, and the advice.
  void render_advice_entry(const GroupResult& group, const DimensionResult& d, const std::string& title) {
    heading(4, title, d.id);
    doc_.add(markdown_inline(fill(translate(language_, "{0}: {1}, index {2} / 100."),
                                  questionnaire_title(group, d.questionnaire),
                                  d.band ? band_label(*d.band) : std::string(missing), figure(d.index, 1))));
    if (const GapResult* gap = flagged_gap(group, d)) {
      doc_.add(markdown_inline(fill(
          translate(language_, "Perception gap of {0} points: {1} rates this dimension lower ({2}) than {3} ({4}). "
                               "Talk about why the roles see it differently."),
          figure(gap->gap, 1), role_name(gap->lowest_role), role_figure(group, gap->lowest_role, d),
          role_name(gap->highest_role), role_figure(group, gap->highest_role, d))));
    }
    if (d.band && d.band->top) return;  // what works: no advice to give, only the gap to discuss
    const std::string advice = markdown_inline(text(d.advice));
    doc_.add(advice.empty() ? std::string(translate(language_, "The questionnaire gives no advice for this band."))
                            : advice);
  }

  void render_advice(const GroupResult& group) {
    heading(3, translate(language_, "What to do next"));
    const AdvicePlan plan = plan_advice(group);
    if (plan.priorities.empty()) {
      const bool any_band = std::any_of(group.dimensions.begin(), group.dimensions.end(),
                                        [](const DimensionResult& d) { return d.band && !d.withheld; });
      doc_.add(any_band ? markdown_inline(fill(translate(language_, "Every dimension is in its top band ({}). Keep "
                                                                    "doing what works, and check again at the next "
                                                                    "review."),
                                               top_band_labels(group)))
                        : std::string(translate(language_, "No dimension has a score, so there is no advice to give.")));
      return;
    }
    doc_.add(fill(translate_plural(language_,
                                   "Start with this priority: the lowest dimension below its top band, any dimension "
                                   "whose perception gap is flagged, then the next lowest (see docs/report-format.md).",
                                   "Start with these {} priorities: the lowest dimension below its top band, any "
                                   "dimension whose perception gap is flagged, then the next lowest (see "
                                   "docs/report-format.md).",
                                   plan.priorities.size()),
                  plan.priorities.size()));
    for (std::size_t p = 0; p < plan.priorities.size(); ++p) {
      const DimensionResult& d = group.dimensions[plan.priorities[p]];
      render_advice_entry(group, d, fill(translate(language_, "Priority {0}: {1}"), p + 1, dimension_title(d)));
    }
    if (plan.others.empty()) return;
    doc_.add(std::string(translate(language_, "The other dimensions below their top band, lowest index first:")));
    for (const std::size_t i : plan.others) {
      render_advice_entry(group, group.dimensions[i], dimension_title(group.dimensions[i]));
    }
  }

  // The labels of the top bands the group's dimensions are in, each once, in dimension order.
  std::string top_band_labels(const GroupResult& group) const {
    std::vector<std::string> labels;
    for (const auto& d : group.dimensions) {
      if (!d.band || d.withheld) continue;
      const std::string label = band_label(*d.band);
      if (std::find(labels.begin(), labels.end(), label) == labels.end()) labels.push_back(label);
    }
    return fmt::format("{}", fmt::join(labels, ", "));
  }

  void render_comments(const GroupResult& group) {
    std::vector<std::pair<const CommentGroup*, std::vector<std::string>>> shown;
    for (const auto& comment_group : group.comments) {
      std::vector<std::string> lines;
      for (const auto& comment : comment_group.comments) {
        std::string line = markdown_inline(comment);
        if (!line.empty()) lines.push_back(std::move(line));
      }
      if (!lines.empty()) shown.emplace_back(&comment_group, std::move(lines));
    }
    if (shown.empty()) return;
    heading(3, translate(language_, "Comments"));
    doc_.add(std::string(translate(language_, "Free-text comments as written, sorted and never attributed.")));
    for (const auto& [comment_group, lines] : shown) {
      heading(4, text(comment_group->item_text), comment_group->item);
      doc_.add(bullet_list(lines));
    }
  }

  // "Title (0.39); Title (-0.18)": the shown dimensions whose alpha is below low_alpha, in table order.
  std::string low_alpha_dimensions(const GroupResult& group) const {
    std::vector<std::string> low;
    for (const auto& d : group.dimensions) {
      if (d.withheld || !d.alpha || !std::isfinite(*d.alpha) || *d.alpha >= low_alpha) continue;
      low.push_back(fmt::format("{} ({})", dimension_title(d), format_fixed(*d.alpha, 2)));
    }
    return fmt::format("{}", fmt::join(low, "; "));
  }

  void render_method(const GroupResult& group) {
    heading(3, translate(language_, "Method"));
    std::vector<std::string> items;
    std::string answered = group.questionnaires.empty()
                               ? std::string(translate(language_, "Questionnaires answered: none"))
                               : std::string(translate(language_, "Questionnaires answered:"));
    for (const auto& use : group.questionnaires) {
      answered += "\n  - " + markdown_inline(fill(translate(language_, "{0} ({1}), version {2}: {3}"),
                                                  plain(text(use.title), use.id), plain(use.id), plain(use.version),
                                                  respondents(use.respondents)));
    }
    items.push_back(std::move(answered));
    items.push_back(fill(translate(language_, "Incomplete responses left out: {}"), group.incomplete_skipped));
    items.push_back(fill(translate(language_, "Dimension scores left out because fewer than half of their items were "
                                              "answered: {}"),
                         group.dimension_scores_missing));
    items.push_back(fill(translate(language_, "Minimum group size (`--min-group`): {} respondents; smaller roles, "
                                              "dimensions and items are withheld"),
                         min_group_));
    items.push_back(fill(translate(language_, "Perception gaps of at least {} points are flagged (`--gap-threshold`)"),
                         format_fixed(results_.options.gap_threshold, 1)));
    items.push_back(fill(translate(language_, "Index: the 0–100 mean of respondents' dimension scores; SD: sample "
                                              "standard deviation; Alpha: Cronbach's alpha over respondents who "
                                              "answered every item; {} marks a figure that is withheld or cannot be "
                                              "computed"),
                         missing));
    if (const std::string low = low_alpha_dimensions(group); !low.empty()) {
      items.push_back(markdown_inline(fill(translate(language_, "Alpha below {0}: {1}. The items of such a dimension "
                                                                "do not agree with each other, so read its items "
                                                                "rather than its index"),
                                           format_fixed(low_alpha, 1), low)));
    }
    items.push_back(std::string(translate(language_, "Respondent identities and organisations are never shown")));
    if (options_.comments) {
      items.push_back(fill(translate(language_, "Comments left out because their author's role, or its figures for "
                                                "the dimension, are withheld: {}"),
                           group.comments_withheld));
    }
    if (!fallen_back_.empty()) {
      items.push_back(fill(translate_plural(language_,
                                            "{} questionnaire text has no translation into this language and is shown "
                                            "in the questionnaire's own language",
                                            "{} questionnaire texts have no translation into this language and are "
                                            "shown in the questionnaire's own language",
                                            fallen_back_.size()),
                           fallen_back_.size()));
    }
    items.push_back(std::string(translate(
        language_, "Share one report per period, made after collection has closed: readers who hold two reports of "
                   "the same period made as responses arrived can subtract them and work out the answers of the "
                   "respondents added in between (see docs/scoring.md, \"Successive runs\")")));
    items.push_back(made_with(options_.tool_version, language_));
    doc_.add(bullet_list(items));
  }

  const Results& results_;
  const RenderOptions& options_;
  std::string_view language_;
  std::size_t min_group_;
  mutable std::set<const LocalizedText*> fallen_back_;  // this group's texts shown in their default language
  Document doc_;
  HeadingSet headings_;
  bool with_suffix_ = false;
  const GroupResult* group_ = nullptr;
};

}  // namespace

std::string render_markdown(const Results& results, const RenderOptions& options) {
  return MarkdownRenderer(results, options).render();
}

}  // namespace partnerpulse
