#include "budget/plan.h"

#include <fmt/format.h>

#include <cmath>
#include <cstdlib>

#include "yamlio/document.h"
#include "yamlio/reader.h"
#include "core/code_list.h"
#include "fileio/read_file.h"
#include "resources/resources.h"

namespace amip::budget {

namespace {

namespace yaml = ::amip::yamlio;
using yamlio::CheckKeys;
using yamlio::Error;

// Parsing context: the file name and the plan year (for instrument validity).
struct Ctx {
  std::string_view file;
  const BudgetCatalogue& catalogue;
  int jahr = 0;
};

// A money figure: scalar "123.45" (exact or rounded to `default_rounding`) or
// {betrag: 123.45, gerundet_auf: 10000.00}. REQUIRES: node defined.
core::Result<MoneyFigure> ParseMoney(const Ctx& ctx, const yamlio::Node& node, std::string_view key,
                                     core::Cents default_rounding, bool allow_negative = false) {
  MoneyFigure figure;
  figure.present = true;
  figure.line = node.position().line;
  figure.rounding = default_rounding;
  const yamlio::Node& amount = node.IsMap() ? node["betrag"] : node;
  if (node.IsMap()) {
    AMIP_RETURN_IF_ERROR(CheckKeys(ctx.file, node, key, {"betrag", "gerundet_auf"}));
    if (!amount) return Error(ctx.file, node, key, "'betrag' fehlt");
    if (node["gerundet_auf"]) {
      AMIP_ASSIGN_OR_RETURN(figure.rounding, yaml::Money(ctx.file, node["gerundet_auf"], "gerundet_auf"));
    }
  }
  AMIP_ASSIGN_OR_RETURN(figure.value, yaml::Money(ctx.file, amount, key));
  if (!allow_negative && figure.value < core::Cents()) {
    return Error(ctx.file, amount, key, "darf nicht negativ sein");
  }
  return figure;
}

// Reads node[key] into `out` if present.
core::Status OptMoney(const Ctx& ctx, const yamlio::Node& parent, const char* key, MoneyFigure& out,
                      core::Cents default_rounding, bool allow_negative = false) {
  const yamlio::Node& node = parent[key];
  if (!node) return core::Status::Ok();
  AMIP_ASSIGN_OR_RETURN(out, ParseMoney(ctx, node, key, default_rounding, allow_negative));
  return core::Status::Ok();
}

// A number: 84.8 (rounding 0.1), 756 (rounding 1 for counts, 0 for exact), "<100" (upper
// bound 99), or {wert: 20.2, gerundet_auf: 0.1}.
core::Result<NumberFigure> ParseNumber(const Ctx& ctx, const yamlio::Node& node,
                                       std::string_view key) {
  NumberFigure figure;
  figure.present = true;
  figure.line = node.position().line;
  const yamlio::Node& value = node.IsMap() ? node["wert"] : node;
  if (node.IsMap()) {
    AMIP_RETURN_IF_ERROR(CheckKeys(ctx.file, node, key, {"wert", "gerundet_auf"}));
    if (!value) return Error(ctx.file, node, key, "'wert' fehlt");
  }
  if (value.IsScalar() && !value.scalar().empty() && value.scalar()[0] == '<') {
    const std::string digits = value.scalar().substr(1);
    char* end = nullptr;
    const long long limit = std::strtoll(digits.c_str(), &end, 10);
    if (digits.empty() || end != digits.c_str() + digits.size() || limit < 1) {
      return Error(ctx.file, value, key, "erwartet eine Zahl oder eine Obergrenze wie <100");
    }
    figure.value = static_cast<double>(limit - 1);
    figure.upper_bound = true;
  } else {
    int decimals = 0;
    AMIP_ASSIGN_OR_RETURN(figure.value, yaml::Number(ctx.file, value, key, &decimals));
    figure.rounding = decimals == 0 ? 0.0 : std::pow(10.0, -decimals);
  }
  if (node.IsMap() && node["gerundet_auf"]) {
    AMIP_ASSIGN_OR_RETURN(figure.rounding, yaml::Number(ctx.file, node["gerundet_auf"], "gerundet_auf"));
  }
  if (figure.value < 0) return Error(ctx.file, value, key, "darf nicht negativ sein");
  return figure;
}

core::Status OptNumber(const Ctx& ctx, const yamlio::Node& parent, const char* key,
                       NumberFigure& out) {
  const yamlio::Node& node = parent[key];
  if (!node) return core::Status::Ok();
  AMIP_ASSIGN_OR_RETURN(out, ParseNumber(ctx, node, key));
  return core::Status::Ok();
}

core::Result<NumberFigure> ParseShare(const Ctx& ctx, const yamlio::Node& node, std::string_view key) {
  AMIP_ASSIGN_OR_RETURN(NumberFigure figure, ParseNumber(ctx, node, key));
  if (figure.value > 100.0) return Error(ctx.file, node, key, "ein Anteil über 100 %");
  return figure;
}

core::Result<core::Cents> SectionRounding(const Ctx& ctx, const yamlio::Node& section) {
  if (!section["gerundet_auf"]) return core::Cents();
  return yaml::Money(ctx.file, section["gerundet_auf"], "gerundet_auf");
}

// The codes of `eingliederungsbudget.zuteilung_stand`.
constexpr core::CodeTable<ZuteilungStand, 2> kZuteilungStandCodes{{
    {"vor_umschichtung", ZuteilungStand::kVorUmschichtung},
    {"nach_umschichtung", ZuteilungStand::kNachUmschichtung},
}};

core::Status ParseEgt(const Ctx& ctx, const yamlio::Node& node, Eingliederungsbudget& egt) {
  AMIP_RETURN_IF_ERROR(CheckKeys(ctx.file, node, "eingliederungsbudget",
                                 {"zuteilung", "zuteilung_stand", "ausfinanzierung", "pauschale_erstattungen",
                                  "umschichtung_egt_nach_vk", "gesamtbudget", "vorbindungen",
                                  "neugeschaeft", "gerundet_auf"}));
  if (node["zuteilung_stand"]) {
    AMIP_ASSIGN_OR_RETURN(std::string stand, yaml::Text(ctx.file, node["zuteilung_stand"], "zuteilung_stand"));
    const core::Result<ZuteilungStand> parsed = core::ParseCode(stand, kZuteilungStandCodes);
    if (!parsed.ok()) {
      return Error(ctx.file, node["zuteilung_stand"], "zuteilung_stand",
                   "erwartet vor_umschichtung oder nach_umschichtung");
    }
    egt.zuteilung_stand = *parsed;
    egt.zuteilung_stand_line = node["zuteilung_stand"].position().line;
  }
  AMIP_ASSIGN_OR_RETURN(core::Cents rounding, SectionRounding(ctx, node));
  AMIP_RETURN_IF_ERROR(OptMoney(ctx, node, "zuteilung", egt.zuteilung, rounding));
  AMIP_RETURN_IF_ERROR(OptMoney(ctx, node, "ausfinanzierung", egt.ausfinanzierung, rounding));
  AMIP_RETURN_IF_ERROR(
      OptMoney(ctx, node, "pauschale_erstattungen", egt.pauschale_erstattungen, rounding));
  AMIP_RETURN_IF_ERROR(OptMoney(ctx, node, "umschichtung_egt_nach_vk",
                                egt.umschichtung_egt_nach_vk, rounding, /*allow_negative=*/true));
  AMIP_RETURN_IF_ERROR(OptMoney(ctx, node, "gesamtbudget", egt.gesamtbudget, rounding));
  const yamlio::Node& vorbindungen = node["vorbindungen"];
  if (vorbindungen && vorbindungen.IsScalar() && vorbindungen.scalar() == "aus_daten") {
    egt.vorbindungen_aus_daten = true;
  } else {
    AMIP_RETURN_IF_ERROR(OptMoney(ctx, node, "vorbindungen", egt.vorbindungen, rounding));
  }
  AMIP_RETURN_IF_ERROR(OptMoney(ctx, node, "neugeschaeft", egt.neugeschaeft, rounding));
  if (!egt.zuteilung.present) return Error(ctx.file, node, "eingliederungsbudget", "'zuteilung' fehlt");
  if (egt.umschichtung_egt_nach_vk.present && egt.zuteilung_stand == ZuteilungStand::kNichtAngegeben) {
    return Error(ctx.file, node, "eingliederungsbudget",
                 "'zuteilung_stand' fehlt: ist die Zuteilung vor oder nach der Umschichtung EGT → VK "
                 "gedruckt? (vor_umschichtung oder nach_umschichtung)");
  }
  return core::Status::Ok();
}

core::Status ParseVk(const Ctx& ctx, const yamlio::Node& node, Verwaltungsbudget& vk) {
  AMIP_RETURN_IF_ERROR(CheckKeys(ctx.file, node, "verwaltungsbudget",
                                 {"zuteilung", "aufwand_vorjahr", "aufwand", "steigerung_prozent",
                                  "kuerzung_bundesmittel", "unterfinanzierung_vorjahr",
                                  "unterfinanzierung", "gerundet_auf"}));
  AMIP_ASSIGN_OR_RETURN(core::Cents rounding, SectionRounding(ctx, node));
  AMIP_RETURN_IF_ERROR(OptMoney(ctx, node, "zuteilung", vk.zuteilung, rounding));
  AMIP_RETURN_IF_ERROR(OptMoney(ctx, node, "aufwand_vorjahr", vk.aufwand_vorjahr, rounding));
  AMIP_RETURN_IF_ERROR(OptMoney(ctx, node, "aufwand", vk.aufwand, rounding));
  AMIP_RETURN_IF_ERROR(OptNumber(ctx, node, "steigerung_prozent", vk.steigerung_prozent));
  AMIP_RETURN_IF_ERROR(
      OptMoney(ctx, node, "kuerzung_bundesmittel", vk.kuerzung_bundesmittel, rounding));
  AMIP_RETURN_IF_ERROR(
      OptMoney(ctx, node, "unterfinanzierung_vorjahr", vk.unterfinanzierung_vorjahr, rounding));
  AMIP_RETURN_IF_ERROR(OptMoney(ctx, node, "unterfinanzierung", vk.unterfinanzierung, rounding));
  return core::Status::Ok();
}

core::Status ParseHaushaltsansatz(const Ctx& ctx, const yamlio::Node& node, Haushaltsansatz& out) {
  AMIP_RETURN_IF_ERROR(
      CheckKeys(ctx.file, node, "haushaltsansatz", {"gesamt", "vk", "egt", "gerundet_auf"}));
  AMIP_ASSIGN_OR_RETURN(core::Cents rounding, SectionRounding(ctx, node));
  AMIP_RETURN_IF_ERROR(OptMoney(ctx, node, "gesamt", out.gesamt, rounding));
  AMIP_RETURN_IF_ERROR(OptMoney(ctx, node, "vk", out.vk, rounding));
  AMIP_RETURN_IF_ERROR(OptMoney(ctx, node, "egt", out.egt, rounding));
  return core::Status::Ok();
}

core::Status ParsePauschale(const Ctx& ctx, const yamlio::Node& node, PauschaleErstattung& out) {
  AMIP_RETURN_IF_ERROR(CheckKeys(ctx.file, node, "pauschale_erstattung",
                                 {"erstattung", "verpflichtungen", "differenz", "instrumente", "gerundet_auf"}));
  if (node["instrumente"]) {
    const yamlio::Node& list = node["instrumente"];
    if (!list.IsSequence()) return Error(ctx.file, list, "instrumente", "erwartet eine Liste von Instrumentcodes");
    out.instrumente_line = list.position().line;
    for (const yamlio::Node& item : list.items()) {
      AMIP_ASSIGN_OR_RETURN(std::string code, yaml::Text(ctx.file, item, "instrumente"));
      if (ctx.catalogue.instruments().Find(code) == nullptr) {
        return Error(ctx.file, item, "instrumente", "unbekanntes Instrument '" + code + "'");
      }
      out.instrumente.push_back(code);
    }
  }
  AMIP_ASSIGN_OR_RETURN(core::Cents rounding, SectionRounding(ctx, node));
  AMIP_RETURN_IF_ERROR(OptMoney(ctx, node, "erstattung", out.erstattung, rounding));
  AMIP_RETURN_IF_ERROR(OptMoney(ctx, node, "verpflichtungen", out.verpflichtungen, rounding));
  AMIP_RETURN_IF_ERROR(OptMoney(ctx, node, "differenz", out.differenz, rounding, true));
  return core::Status::Ok();
}

core::Status ParseVorjahr(const Ctx& ctx, const yamlio::Node& node, Vorjahresvergleich& out) {
  AMIP_RETURN_IF_ERROR(CheckKeys(ctx.file, node, "vorjahresvergleich",
                                 {"neugeschaeft", "zuteilung_einschl_ausfinanzierung",
                                  "umschichtung_egt_nach_vk", "vorbindungen", "gerundet_auf"}));
  AMIP_ASSIGN_OR_RETURN(core::Cents rounding, SectionRounding(ctx, node));
  AMIP_RETURN_IF_ERROR(OptMoney(ctx, node, "neugeschaeft", out.neugeschaeft, rounding, true));
  AMIP_RETURN_IF_ERROR(OptMoney(ctx, node, "zuteilung_einschl_ausfinanzierung",
                                out.zuteilung_einschl_ausfinanzierung, rounding, true));
  AMIP_RETURN_IF_ERROR(OptMoney(ctx, node, "umschichtung_egt_nach_vk",
                                out.umschichtung_egt_nach_vk, rounding, true));
  AMIP_RETURN_IF_ERROR(OptMoney(ctx, node, "vorbindungen", out.vorbindungen, rounding, true));
  return core::Status::Ok();
}

core::Status ParseDrittmittel(const Ctx& ctx, const yamlio::Node& node,
                              std::vector<Drittmittelprojekt>& out) {
  if (!node.IsSequence()) return Error(ctx.file, node, "drittmittel", "erwartet eine Liste");
  for (const yamlio::Node& entry : node.items()) {
    AMIP_RETURN_IF_ERROR(CheckKeys(ctx.file, entry, "drittmittel entry",
                                   {"name", "volumen", "kofinanzierung", "eintritte",
                                    "erwartete_integrationen"}));
    Drittmittelprojekt project;
    project.line = entry.position().line;
    if (!entry["name"]) return Error(ctx.file, entry, "drittmittel", "'name' fehlt");
    AMIP_ASSIGN_OR_RETURN(project.name, yaml::Text(ctx.file, entry["name"], "name"));
    AMIP_RETURN_IF_ERROR(OptMoney(ctx, entry, "volumen", project.volumen, core::Cents()));
    AMIP_RETURN_IF_ERROR(OptMoney(ctx, entry, "kofinanzierung", project.kofinanzierung, core::Cents()));
    AMIP_RETURN_IF_ERROR(OptNumber(ctx, entry, "eintritte", project.eintritte));
    AMIP_RETURN_IF_ERROR(
        OptNumber(ctx, entry, "erwartete_integrationen", project.erwartete_integrationen));
    if (!project.volumen.present) return Error(ctx.file, entry, "drittmittel", "'volumen' fehlt");
    out.push_back(std::move(project));
  }
  return core::Status::Ok();
}

core::Status CheckInstrumentCode(const Ctx& ctx, const yamlio::Node& node,
                                 const PlanInstrument** out) {
  AMIP_ASSIGN_OR_RETURN(std::string code, yaml::Text(ctx.file, node, "instrument"));
  const PlanInstrument* entry = ctx.catalogue.Find(code);
  if (entry == nullptr) {
    return Error(ctx.file, node, "instrument",
                 "unbekanntes Instrument (bekannt: " + ctx.catalogue.CodeList() + ")");
  }
  const core::Date first = core::Date::FromYmd(ctx.jahr, 1, 1);
  const core::Date last = core::Date::FromYmd(ctx.jahr, 12, 31);
  for (const std::string& member : entry->instruments) {
    const contract::Instrument* instrument = ctx.catalogue.instruments().Find(member);
    if (instrument != nullptr && !instrument->IsValidOn(first) && !instrument->IsValidOn(last)) {
      return Error(ctx.file, node, "instrument",
                   fmt::format("Instrument '{}' gibt es {} nicht", member, ctx.jahr));
    }
  }
  *out = entry;
  return core::Status::Ok();
}

void NoteCodes(const BudgetCatalogue& catalogue, const std::vector<InstrumentLine>& lines,
               std::map<std::string, std::string>& out) {
  for (const InstrumentLine& line : lines) {
    out[line.code] = catalogue.Find(line.code)->finanzposition;
    NoteCodes(catalogue, line.darunter, out);
  }
}

core::Status ParseAnteile(const Ctx& ctx, const yamlio::Node& node, std::vector<Anteile>& out) {
  if (!node.IsSequence()) return Error(ctx.file, node, "anteile_neugeschaeft", "erwartet eine Liste");
  for (const yamlio::Node& entry : node.items()) {
    AMIP_RETURN_IF_ERROR(CheckKeys(ctx.file, entry, "anteile_neugeschaeft entry",
                                   {"jahr", "finanzpositionen", "instrumente"}));
    Anteile shares;
    shares.line = entry.position().line;
    if (!entry["jahr"]) return Error(ctx.file, entry, "anteile_neugeschaeft", "'jahr' fehlt");
    AMIP_ASSIGN_OR_RETURN(int64_t jahr, yaml::Integer(ctx.file, entry["jahr"], "jahr"));
    shares.jahr = static_cast<int>(jahr);
    if (entry["finanzpositionen"]) {
      const yamlio::Node& positions = entry["finanzpositionen"];
      if (!positions.IsMap()) return Error(ctx.file, positions, "finanzpositionen", "erwartet einen Abschnitt (Schlüssel: Wert)");
      for (const auto& item : positions.entries()) {
        const std::string code = item.key.scalar();
        if (ctx.catalogue.FindPosition(code) == nullptr) {
          return Error(ctx.file, item.key, "finanzposition", "unbekannte Finanzposition (I, II, III, IV, K)");
        }
        AMIP_ASSIGN_OR_RETURN(shares.finanzpositionen[code], ParseShare(ctx, item.value, code));
      }
    }
    if (entry["instrumente"]) {
      const yamlio::Node& instruments = entry["instrumente"];
      if (!instruments.IsMap()) return Error(ctx.file, instruments, "instrumente", "erwartet einen Abschnitt (Schlüssel: Wert)");
      for (const auto& item : instruments.entries()) {
        const PlanInstrument* code = nullptr;
        AMIP_RETURN_IF_ERROR(CheckInstrumentCode(ctx, item.key, &code));
        AMIP_ASSIGN_OR_RETURN(shares.instrumente[code->code], ParseShare(ctx, item.value, code->code));
      }
    }
    out.push_back(std::move(shares));
  }
  return core::Status::Ok();
}

core::Result<InstrumentLine> ParseInstrumentLine(const Ctx& ctx, const yamlio::Node& node,
                                                 bool sub_line) {
  AMIP_RETURN_IF_ERROR(CheckKeys(ctx.file, node, "instrumente entry",
                                 {"instrument", "eintritte", "plaetze", "vorjahr",
                                  "kosten_je_eintritt", "dauer_monate", "profil", "finanzierung",
                                  "wirkung", "min_eintritte", "max_eintritte", "zielgruppen",
                                  "darunter", "darunter_vollstaendig"}));
  InstrumentLine line;
  line.line = node.position().line;
  if (!node["instrument"]) return Error(ctx.file, node, "instrumente entry", "'instrument' fehlt");
  const PlanInstrument* code = nullptr;
  AMIP_RETURN_IF_ERROR(CheckInstrumentCode(ctx, node["instrument"], &code));
  line.code = code->code;
  line.covered = code->instruments;
  if (node["eintritte"] && node["plaetze"]) {
    return Error(ctx.file, node["plaetze"], "plaetze", "entweder 'eintritte' oder 'plaetze' angeben");
  }
  if (node["plaetze"]) {
    AMIP_ASSIGN_OR_RETURN(line.eintritte, ParseNumber(ctx, node["plaetze"], "plaetze"));
    line.plaetze = true;
  } else if (node["eintritte"]) {
    AMIP_ASSIGN_OR_RETURN(line.eintritte, ParseNumber(ctx, node["eintritte"], "eintritte"));
  } else {
    return Error(ctx.file, node, "instrumente entry", "'eintritte' oder 'plaetze' fehlt");
  }
  AMIP_RETURN_IF_ERROR(OptNumber(ctx, node, "vorjahr", line.eintritte_vorjahr));
  AMIP_RETURN_IF_ERROR(OptMoney(ctx, node, "kosten_je_eintritt", line.kosten_je_eintritt, core::Cents()));
  if (node["dauer_monate"]) {
    AMIP_ASSIGN_OR_RETURN(int64_t months, yaml::Integer(ctx.file, node["dauer_monate"], "dauer_monate"));
    if (months < 1 || months > 60) {
      return Error(ctx.file, node["dauer_monate"], "dauer_monate", "muss 1 bis 60 Monate sein");
    }
    line.dauer_monate = static_cast<int>(months);
  }
  if (node["profil"]) {
    const yamlio::Node& profile = node["profil"];
    if (!profile.IsSequence() || profile.size() != 12) {
      return Error(ctx.file, profile, "profil", "erwartet 12 Monatsgewichte");
    }
    double total = 0;
    for (const yamlio::Node& weight : profile.items()) {
      AMIP_ASSIGN_OR_RETURN(double value, yaml::Number(ctx.file, weight, "profil"));
      if (value < 0) return Error(ctx.file, weight, "profil", "darf nicht negativ sein");
      line.profil.push_back(value);
      total += value;
    }
    if (total <= 0) return Error(ctx.file, profile, "profil", "die Gewichte ergeben zusammen 0");
  }
  if (node["finanzierung"]) {
    AMIP_ASSIGN_OR_RETURN(line.finanzierung, yaml::Text(ctx.file, node["finanzierung"], "finanzierung"));
    if (line.finanzierung != "egt" && line.finanzierung != "ba" &&
        line.finanzierung != "drittmittel" && line.finanzierung != "kommune") {
      return Error(ctx.file, node["finanzierung"], "finanzierung",
                   "erwartet egt, ba, drittmittel oder kommune");
    }
  }
  if (node["wirkung"]) {
    AMIP_ASSIGN_OR_RETURN(double effect, yaml::Number(ctx.file, node["wirkung"], "wirkung"));
    if (effect < 0 || effect > 1) {
      return Error(ctx.file, node["wirkung"], "wirkung", "erwartet Integrationen je Eintritt zwischen 0 und 1");
    }
    line.wirkung = effect;
  }
  for (const char* key : {"min_eintritte", "max_eintritte"}) {
    if (!node[key]) continue;
    AMIP_ASSIGN_OR_RETURN(int64_t bound, yaml::Integer(ctx.file, node[key], key));
    if (bound < 0) return Error(ctx.file, node[key], key, "darf nicht negativ sein");
    (std::string_view(key) == "min_eintritte" ? line.min_eintritte : line.max_eintritte) = bound;
  }
  if (line.min_eintritte && line.max_eintritte && *line.min_eintritte > *line.max_eintritte) {
    return Error(ctx.file, node["min_eintritte"], "min_eintritte", "größer als max_eintritte");
  }
  if (node["zielgruppen"]) {
    const yamlio::Node& groups = node["zielgruppen"];
    if (!groups.IsMap()) return Error(ctx.file, groups, "zielgruppen", "erwartet einen Abschnitt Name: Prozent");
    for (const auto& item : groups.entries()) {
      AMIP_ASSIGN_OR_RETURN(NumberFigure share, ParseShare(ctx, item.value, item.key.scalar()));
      line.zielgruppen[item.key.scalar()] = share.value / 100.0;
    }
  }
  if (node["darunter"]) {
    if (sub_line) return Error(ctx.file, node["darunter"], "darunter", "'darunter' darf nicht verschachtelt werden");
    const yamlio::Node& subs = node["darunter"];
    if (!subs.IsSequence()) return Error(ctx.file, subs, "darunter", "erwartet eine Liste");
    for (const yamlio::Node& sub : subs.items()) {
      AMIP_ASSIGN_OR_RETURN(InstrumentLine child, ParseInstrumentLine(ctx, sub, true));
      if (!sub["finanzierung"]) child.finanzierung = line.finanzierung;
      for (const std::string& covered : child.covered) {
        bool known = false;
        for (const std::string& mine : line.covered) known = known || mine == covered;
        if (!known) line.covered.push_back(covered);
      }
      line.darunter.push_back(std::move(child));
    }
  }
  if (node["darunter_vollstaendig"]) {
    AMIP_ASSIGN_OR_RETURN(line.darunter_vollstaendig,
                          yaml::Bool(ctx.file, node["darunter_vollstaendig"], "darunter_vollstaendig"));
  }
  return line;
}

core::Result<KdUPosition> ParseKdUPosition(const Ctx& ctx, const yamlio::Node& node, bool named) {
  if (named) {
    AMIP_RETURN_IF_ERROR(CheckKeys(ctx.file, node, "kdu position",
                                   {"name", "ansatz_vorjahr", "ist_vorjahr", "ansatz"}));
  } else {
    AMIP_RETURN_IF_ERROR(
        CheckKeys(ctx.file, node, "kdu gesamt", {"ansatz_vorjahr", "ist_vorjahr", "ansatz"}));
  }
  KdUPosition position;
  position.line = node.position().line;
  if (named) {
    if (!node["name"]) return Error(ctx.file, node, "kdu position", "'name' fehlt");
    AMIP_ASSIGN_OR_RETURN(position.name, yaml::Text(ctx.file, node["name"], "name"));
  } else {
    position.name = "Gesamt";
  }
  AMIP_RETURN_IF_ERROR(OptMoney(ctx, node, "ansatz_vorjahr", position.ansatz_vorjahr, core::Cents()));
  AMIP_RETURN_IF_ERROR(OptMoney(ctx, node, "ist_vorjahr", position.ist_vorjahr, core::Cents()));
  AMIP_RETURN_IF_ERROR(OptMoney(ctx, node, "ansatz", position.ansatz, core::Cents()));
  return position;
}

core::Status ParseKdU(const Ctx& ctx, const yamlio::Node& node, KdUBudget& out) {
  AMIP_RETURN_IF_ERROR(CheckKeys(ctx.file, node, "kdu", {"positionen", "gesamt"}));
  out.present = true;
  out.line = node.position().line;
  if (!node["positionen"] || !node["positionen"].IsSequence()) {
    return Error(ctx.file, node, "kdu", "Liste 'positionen' fehlt");
  }
  for (const yamlio::Node& entry : node["positionen"].items()) {
    AMIP_ASSIGN_OR_RETURN(KdUPosition position, ParseKdUPosition(ctx, entry, true));
    out.positionen.push_back(std::move(position));
  }
  if (node["gesamt"]) {
    AMIP_ASSIGN_OR_RETURN(out.gesamt, ParseKdUPosition(ctx, node["gesamt"], false));
  }
  return core::Status::Ok();
}

core::Status ParseAusgaben(const Ctx& ctx, const yamlio::Node& node, Ausgaben& out) {
  AMIP_RETURN_IF_ERROR(CheckKeys(ctx.file, node, "ausgaben", {"positionen", "gesamt", "gerundet_auf"}));
  out.present = true;
  AMIP_ASSIGN_OR_RETURN(core::Cents rounding, SectionRounding(ctx, node));
  if (!node["positionen"] || !node["positionen"].IsSequence()) {
    return Error(ctx.file, node, "ausgaben", "Liste 'positionen' fehlt");
  }
  for (const yamlio::Node& entry : node["positionen"].items()) {
    AMIP_RETURN_IF_ERROR(CheckKeys(ctx.file, entry, "ausgaben position", {"name", "betrag"}));
    if (!entry["name"] || !entry["betrag"]) {
      return Error(ctx.file, entry, "ausgaben position", "braucht 'name' und 'betrag'");
    }
    AMIP_ASSIGN_OR_RETURN(std::string name, yaml::Text(ctx.file, entry["name"], "name"));
    AMIP_ASSIGN_OR_RETURN(MoneyFigure amount, ParseMoney(ctx, entry["betrag"], "betrag", rounding));
    out.positionen.emplace_back(std::move(name), amount);
  }
  AMIP_RETURN_IF_ERROR(OptMoney(ctx, node, "gesamt", out.gesamt, rounding));
  return core::Status::Ok();
}

core::Status ParseZiele(const Ctx& ctx, const yamlio::Node& node, std::vector<Zielwert>& out) {
  if (!node.IsSequence()) return Error(ctx.file, node, "ziele", "erwartet eine Liste");
  for (const yamlio::Node& entry : node.items()) {
    AMIP_RETURN_IF_ERROR(
        CheckKeys(ctx.file, entry, "ziele entry", {"name", "art", "frauen", "maenner", "gesamt"}));
    Zielwert target;
    target.line = entry.position().line;
    if (!entry["name"] || !entry["art"]) return Error(ctx.file, entry, "ziele", "braucht 'name' und 'art'");
    AMIP_ASSIGN_OR_RETURN(target.name, yaml::Text(ctx.file, entry["name"], "name"));
    AMIP_ASSIGN_OR_RETURN(std::string kind, yaml::Text(ctx.file, entry["art"], "art"));
    if (kind != "quote" && kind != "anzahl") {
      return Error(ctx.file, entry["art"], "art", "erwartet 'quote' oder 'anzahl'");
    }
    target.quote = kind == "quote";
    if (target.quote) {
      for (const char* key : {"frauen", "maenner", "gesamt"}) {
        if (!entry[key]) continue;
        AMIP_ASSIGN_OR_RETURN(NumberFigure share, ParseShare(ctx, entry[key], key));
        (std::string_view(key) == "frauen"    ? target.frauen
         : std::string_view(key) == "maenner" ? target.maenner
                                              : target.gesamt) = share;
      }
    } else {
      AMIP_RETURN_IF_ERROR(OptNumber(ctx, entry, "frauen", target.frauen));
      AMIP_RETURN_IF_ERROR(OptNumber(ctx, entry, "maenner", target.maenner));
      AMIP_RETURN_IF_ERROR(OptNumber(ctx, entry, "gesamt", target.gesamt));
    }
    out.push_back(std::move(target));
  }
  return core::Status::Ok();
}

core::Status ParseOptimierung(const Ctx& ctx, const yamlio::Node& node, Optimierung& out) {
  AMIP_RETURN_IF_ERROR(CheckKeys(ctx.file, node, "optimierung",
                                 {"wirkungsfenster_monate", "mindestfaelle", "ve_grenzen",
                                  "finanzpositionen", "zielgruppen"}));
  out.present = true;
  if (node["wirkungsfenster_monate"]) {
    AMIP_ASSIGN_OR_RETURN(int64_t months, yaml::Integer(ctx.file, node["wirkungsfenster_monate"],
                                                        "wirkungsfenster_monate"));
    if (months < 1 || months > 36) {
      return Error(ctx.file, node["wirkungsfenster_monate"], "wirkungsfenster_monate", "muss 1 bis 36 sein");
    }
    out.wirkungsfenster_monate = static_cast<int>(months);
  }
  if (node["mindestfaelle"]) {
    AMIP_ASSIGN_OR_RETURN(out.mindestfaelle,
                          yaml::Integer(ctx.file, node["mindestfaelle"], "mindestfaelle"));
  }
  if (node["ve_grenzen"]) {
    const yamlio::Node& limits = node["ve_grenzen"];
    if (!limits.IsMap()) return Error(ctx.file, limits, "ve_grenzen", "erwartet einen Abschnitt Jahr: Euro");
    for (const auto& item : limits.entries()) {
      AMIP_ASSIGN_OR_RETURN(int64_t year, yaml::Integer(ctx.file, item.key, "ve_grenzen"));
      if (year <= ctx.jahr) {
        return Error(ctx.file, item.key, "ve_grenzen", "eine VE-Grenze muss für ein späteres Jahr gelten");
      }
      AMIP_ASSIGN_OR_RETURN(MoneyFigure limit, ParseMoney(ctx, item.value, "ve_grenzen", core::Cents()));
      out.ve_grenzen[static_cast<int>(year)] = limit.value;
    }
  }
  if (node["finanzpositionen"]) {
    AMIP_ASSIGN_OR_RETURN(const std::vector<yamlio::Node>* entries,
                          yaml::Items(ctx.file, node["finanzpositionen"], "finanzpositionen"));
    for (const yamlio::Node& entry : *entries) {
      AMIP_RETURN_IF_ERROR(CheckKeys(ctx.file, entry, "optimierung finanzpositionen entry",
                                     {"code", "min_anteil", "max_anteil"}));
      FinanzpositionGrenze bound;
      bound.line = entry.position().line;
      if (!entry["code"]) return Error(ctx.file, entry, "finanzpositionen", "'code' fehlt");
      AMIP_ASSIGN_OR_RETURN(bound.code, yaml::Text(ctx.file, entry["code"], "code"));
      if (ctx.catalogue.FindPosition(bound.code) == nullptr) {
        return Error(ctx.file, entry["code"], "code", "unbekannte Finanzposition");
      }
      if (entry["min_anteil"]) {
        AMIP_ASSIGN_OR_RETURN(NumberFigure share, ParseShare(ctx, entry["min_anteil"], "min_anteil"));
        bound.min_anteil = share.value / 100.0;
      }
      if (entry["max_anteil"]) {
        AMIP_ASSIGN_OR_RETURN(NumberFigure share, ParseShare(ctx, entry["max_anteil"], "max_anteil"));
        bound.max_anteil = share.value / 100.0;
      }
      out.finanzpositionen.push_back(std::move(bound));
    }
  }
  if (node["zielgruppen"]) {
    AMIP_ASSIGN_OR_RETURN(const std::vector<yamlio::Node>* entries,
                          yaml::Items(ctx.file, node["zielgruppen"], "zielgruppen"));
    for (const yamlio::Node& entry : *entries) {
      AMIP_RETURN_IF_ERROR(CheckKeys(ctx.file, entry, "optimierung zielgruppen entry",
                                     {"name", "mindestanteil"}));
      Zielgruppenquote quota;
      quota.line = entry.position().line;
      if (!entry["name"] || !entry["mindestanteil"]) {
        return Error(ctx.file, entry, "zielgruppen", "braucht 'name' und 'mindestanteil'");
      }
      AMIP_ASSIGN_OR_RETURN(quota.name, yaml::Text(ctx.file, entry["name"], "name"));
      AMIP_ASSIGN_OR_RETURN(NumberFigure share,
                            ParseShare(ctx, entry["mindestanteil"], "mindestanteil"));
      quota.mindestanteil = share.value / 100.0;
      out.zielgruppen.push_back(std::move(quota));
    }
  }
  return core::Status::Ok();
}

core::Result<Plan> ParsePlanImpl(std::string_view yaml_text, std::string_view file,
                                 const BudgetCatalogue& catalogue) {
  AMIP_ASSIGN_OR_RETURN(const yamlio::Document doc, yamlio::Parse(yaml_text, file));
  const yamlio::Node& root = doc.root;
  if (!root.IsMap()) {
    return core::InvalidArgumentError(fmt::format("{}: erwartet einen Plan (Abschnitte mit Schlüssel: Wert)", file));
  }
  AMIP_RETURN_IF_ERROR(CheckKeys(file, root, "plan",
                                 {"jahr", "jobcenter", "quelle", "eingliederungsbudget",
                                  "verwaltungsbudget", "haushaltsansatz", "pauschale_erstattung",
                                  "vorjahresvergleich", "drittmittel", "anteile_neugeschaeft",
                                  "instrumente", "kdu", "ausgaben", "ziele", "optimierung",
                                  "controlling"}));
  Plan plan;
  plan.file = std::string(file);
  if (!root["jahr"]) {
    return core::InvalidArgumentError(
        fmt::format("{}:1:1: 'jahr' fehlt (das Planjahr, z. B. jahr: 2025)", file));
  }
  AMIP_ASSIGN_OR_RETURN(int64_t jahr, yaml::Integer(file, root["jahr"], "jahr"));
  if (jahr < 2005 || jahr > 2100) return Error(file, root["jahr"], "jahr", "erwartet ein Jahr von 2005 bis 2100");
  plan.jahr = static_cast<int>(jahr);
  Ctx ctx{file, catalogue, plan.jahr};
  if (root["jobcenter"]) {
    AMIP_ASSIGN_OR_RETURN(plan.jobcenter, yaml::Text(file, root["jobcenter"], "jobcenter"));
  }
  if (root["quelle"]) {
    AMIP_ASSIGN_OR_RETURN(plan.quelle, yaml::Text(file, root["quelle"], "quelle"));
  }
  if (!root["eingliederungsbudget"]) {
    return core::InvalidArgumentError(fmt::format("{}:1:1: 'eingliederungsbudget' fehlt", file));
  }
  AMIP_RETURN_IF_ERROR(ParseEgt(ctx, root["eingliederungsbudget"], plan.egt));
  if (root["verwaltungsbudget"]) AMIP_RETURN_IF_ERROR(ParseVk(ctx, root["verwaltungsbudget"], plan.vk));
  if (root["haushaltsansatz"]) {
    AMIP_RETURN_IF_ERROR(ParseHaushaltsansatz(ctx, root["haushaltsansatz"], plan.haushaltsansatz));
  }
  if (root["pauschale_erstattung"]) {
    AMIP_RETURN_IF_ERROR(ParsePauschale(ctx, root["pauschale_erstattung"], plan.pauschale));
  }
  if (root["vorjahresvergleich"]) {
    AMIP_RETURN_IF_ERROR(ParseVorjahr(ctx, root["vorjahresvergleich"], plan.vorjahr));
  }
  if (root["drittmittel"]) AMIP_RETURN_IF_ERROR(ParseDrittmittel(ctx, root["drittmittel"], plan.drittmittel));
  if (root["anteile_neugeschaeft"]) {
    AMIP_RETURN_IF_ERROR(ParseAnteile(ctx, root["anteile_neugeschaeft"], plan.anteile));
  }
  if (root["instrumente"]) {
    const yamlio::Node& lines = root["instrumente"];
    if (!lines.IsSequence()) return Error(file, lines, "instrumente", "erwartet eine Liste");
    for (const yamlio::Node& node : lines.items()) {
      AMIP_ASSIGN_OR_RETURN(InstrumentLine line, ParseInstrumentLine(ctx, node, false));
      for (const InstrumentLine& existing : plan.instrumente) {
        if (existing.code == line.code) {
          return Error(file, node["instrument"], "instrument", "doppelt aufgeführt");
        }
      }
      plan.instrumente.push_back(std::move(line));
    }
  }
  NoteCodes(catalogue, plan.instrumente, plan.finanzposition_of);
  for (const Anteile& shares : plan.anteile) {
    for (const auto& [code, figure] : shares.instrumente) {
      plan.finanzposition_of[code] = catalogue.Find(code)->finanzposition;
    }
  }
  if (root["kdu"]) AMIP_RETURN_IF_ERROR(ParseKdU(ctx, root["kdu"], plan.kdu));
  if (root["ausgaben"]) AMIP_RETURN_IF_ERROR(ParseAusgaben(ctx, root["ausgaben"], plan.ausgaben));
  if (root["ziele"]) AMIP_RETURN_IF_ERROR(ParseZiele(ctx, root["ziele"], plan.ziele));
  if (root["optimierung"]) AMIP_RETURN_IF_ERROR(ParseOptimierung(ctx, root["optimierung"], plan.optimierung));
  if (root["controlling"]) {
    const yamlio::Node& node = root["controlling"];
    AMIP_RETURN_IF_ERROR(
        CheckKeys(file, node, "controlling", {"schwelle_prozent", "vorbindungen_schwelle_prozent"}));
    if (node["vorbindungen_schwelle_prozent"]) {
      AMIP_ASSIGN_OR_RETURN(NumberFigure threshold, ParseShare(ctx, node["vorbindungen_schwelle_prozent"],
                                                              "vorbindungen_schwelle_prozent"));
      plan.controlling.vorbindungen_schwelle_prozent = threshold.value;
    }
    if (node["schwelle_prozent"]) {
      AMIP_ASSIGN_OR_RETURN(NumberFigure threshold,
                            ParseShare(ctx, node["schwelle_prozent"], "schwelle_prozent"));
      plan.controlling.schwelle_prozent = threshold.value;
    }
  }
  return plan;
}

}  // namespace

core::Result<Plan> ParsePlan(std::string_view yaml_text, std::string_view file,
                             const BudgetCatalogue& catalogue) {
  return ParsePlanImpl(yaml_text, file, catalogue);
}

core::Result<Plan> LoadPlanFile(const std::string& path, const BudgetCatalogue& catalogue) {
  AMIP_ASSIGN_OR_RETURN(const std::string text,
                        fileio::ReadRegularFile(path, fileio::kMaxYamlBytes));
  return ParsePlan(text, path, catalogue);
}

core::Result<Plan> LoadEmbeddedPlan(std::string_view path, const BudgetCatalogue& catalogue) {
  const std::optional<std::string_view> text = resources::Find(path);
  if (!text) return core::NotFoundError(fmt::format("{}: dieser Plan ist nicht in das Programm eingebettet", path));
  return ParsePlan(*text, path, catalogue);
}

std::vector<double> EntryProfile(const InstrumentLine& line) {
  std::vector<double> weights = line.profil.empty() ? std::vector<double>(12, 1.0) : line.profil;
  double total = 0;
  for (double weight : weights) total += weight;
  for (double& weight : weights) weight /= total;
  return weights;
}

}  // namespace amip::budget
