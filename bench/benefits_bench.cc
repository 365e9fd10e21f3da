// benefits_bench: household evaluations per second (Google Benchmark), one thread.
// Mixed synthetic households on 26 dates 2014-01..2026-07 (singles, couples, single parents,
// families, a young adult in training, an adult child of 25+ forming a BG of its own; no,
// mini-, midi- and full-time earnings; a Kreis Unna municipality with its KdU ceiling and
// Mietstufe or an explicit Mietstufe; Karenzzeit from 2023). The law is resolved once per date
// outside the timed loop. Goal (issue 11 item 5): >= 1,000,000
// evaluations per second per core without trace.
//   BM_Evaluate/64, /256        Evaluate without trace (the default path), 64 or 256 households per date
//   BM_EvaluateWithTrace        Evaluate with a trace of every step
//   BM_EvaluateResolvingLaw     ResolveLaw per household + Evaluate (what --batch did per case)
// Run: build/bench/benefits_bench --benchmark_repetitions=3 --benchmark_report_aggregates_only=true
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>
#include <vector>

#include "benefits/evaluate.h"
#include "law/law_snapshot.h"
#include "law/local_rules.h"

namespace {

using amip::core::Cents;
using amip::core::Date;
namespace benefits = amip::benefits;

struct Case {
  benefits::Household household;
  const amip::law::LawSnapshot* law = nullptr;
};

// Small deterministic generator (splitmix64) so every run evaluates the same households.
class Rng {
 public:
  explicit Rng(uint64_t seed) : state_(seed) {}
  uint64_t Next() {
    uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  int Between(int lo, int hi) { return lo + static_cast<int>(Next() % static_cast<uint64_t>(hi - lo + 1)); }

 private:
  uint64_t state_;
};

Cents Earnings(Rng& rng) {
  switch (rng.Between(0, 5)) {
    case 0: return Cents::FromEuros(rng.Between(100, 520));
    case 1: return Cents::FromEuros(rng.Between(600, 1900));
    case 2: return Cents::FromEuros(rng.Between(2000, 3800));
    default: return Cents();
  }
}

benefits::Person Adult(const std::string& id, Rng& rng) {
  benefits::Person p;
  p.id = id;
  p.alter = rng.Between(19, 66);
  p.bruttolohn_m = Earnings(rng);
  if (rng.Between(0, 9) == 0) p.sonstiges_einkommen_m = Cents::FromEuros(rng.Between(100, 900));
  return p;
}

benefits::Household MakeHousehold(Date date, Rng& rng, const std::vector<std::string>& municipalities) {
  benefits::Household h;
  h.datum = date;
  const int kind = rng.Between(0, 9);  // 0-3 single, 4-5 single parent, 6-8 couple, 9 with adult child
  h.personen.push_back(Adult("a", rng));
  if (kind >= 6) {
    h.personen.push_back(Adult("b", rng));
    h.personen[0].partner = "b";
    h.personen[1].partner = "a";
  }
  const int children = kind <= 3 ? 0 : rng.Between(kind == 9 ? 1 : 1, 3);
  for (int child = 0; child < children; ++child) {
    benefits::Person c;
    c.id = "k" + std::to_string(child + 1);
    c.alter = rng.Between(0, 17);
    if (kind == 9 && child == 0) {
      c.alter = rng.Between(18, 27);  // in training if under 25; 25+ heads a BG of its own
      c.in_ausbildung = c.alter < 25;
      c.bruttolohn_m = Earnings(rng);
    }
    c.eltern.push_back("a");
    if (kind >= 6) c.eltern.push_back("b");
    if (c.alter < 18 && rng.Between(0, 3) == 0) c.unterhaltsvorschuss_m = Cents::FromEuros(rng.Between(150, 300));
    h.personen.push_back(c);
  }
  for (benefits::Person& p : h.personen) p.alter = std::max(p.alter, p.eltern.empty() ? 19 : 0);
  const int n = static_cast<int>(h.personen.size());
  h.wohnung.bruttokaltmiete_m = Cents::FromEuros(rng.Between(250, 450) + 90 * n);
  h.wohnung.heizkosten_m = Cents::FromEuros(rng.Between(50, 90) + 15 * n);
  h.wohnung.wohnflaeche_qm = 35.0 + 15.0 * n;
  if (rng.Between(0, 3) > 0) {
    h.wohnung.gemeinde = municipalities[rng.Next() % municipalities.size()];
  } else {
    h.wohnung.mietstufe = rng.Between(1, 6);
  }
  h.karenzzeit = date.year() >= 2023 && rng.Between(0, 2) == 0;
  return h;
}

struct Corpus {
  std::vector<Case> cases;
  const amip::law::LocalRules* local = nullptr;
  const amip::law::ParameterStore* store = nullptr;
};

const Corpus& TheCorpus() {
  static const Corpus* corpus = [] {
    auto* out = new Corpus;
    auto store = amip::law::EmbeddedStore();
    auto local = amip::law::EmbeddedLocalRules();
    if (!store.ok() || !local.ok()) {
      std::fprintf(stderr, "benefits_bench: cannot load the embedded law\n");
      std::exit(1);
    }
    out->store = *store;
    out->local = *local;
    std::vector<std::string> municipalities;
    for (const auto& [ags, muni] : out->local->municipalities()) municipalities.push_back(ags);
    // The law once per date (as benefits::LawCache does; kept local so that this file also
    // builds against older trees for same-minute baselines).
    static std::map<Date, amip::law::LawSnapshot> laws;
    Rng rng(20260101);
    int rejected = 0;
    for (int year = 2014; year <= 2026; ++year) {
      for (int month : {1, 7}) {
        const Date date = Date::FromYmd(year, month, 1);
        auto resolved = amip::law::ResolveLaw(**store, date);
        if (!resolved.ok()) continue;
        const amip::law::LawSnapshot* law = &laws.emplace(date, std::move(*resolved)).first->second;
        for (int idx = 0; idx < 256; ++idx) {
          Case c{MakeHousehold(date, rng, municipalities), law};
          if (!benefits::Evaluate(c.household, *c.law, out->local, {}, nullptr).ok()) {
            ++rejected;
            continue;
          }
          out->cases.push_back(std::move(c));
        }
      }
    }
    std::fprintf(stderr, "benefits_bench: %zu households on %zu dates (%d rejected by the engine)\n",
                 out->cases.size(), laws.size(), rejected);
    return out;
  }();
  return *corpus;
}

// The households in turn, round and round.
const Case& Next(const Corpus& corpus, size_t& next) {
  const Case& c = corpus.cases[next];
  next = next + 1 == corpus.cases.size() ? 0 : next + 1;
  return c;
}

// Arg: households taken per date (64: 1,664 households, ~1.5 MB, mostly in cache; 256: all
// 6,656, ~6 MB, each evaluation starts from memory).
void BM_Evaluate(benchmark::State& state) {
  const Corpus& full = TheCorpus();
  Corpus corpus{{}, full.local, full.store};
  for (size_t idx = 0; idx < full.cases.size(); ++idx) {
    if (static_cast<int64_t>(idx % 256) < state.range(0)) corpus.cases.push_back(full.cases[idx]);
  }
  size_t next = 0;
  int64_t paid = 0;
  for (auto _ : state) {
    const Case& c = Next(corpus, next);
    auto e = benefits::Evaluate(c.household, *c.law, corpus.local, {}, nullptr);
    paid += e->sgb2_betrag_m_bg.value();
    benchmark::DoNotOptimize(paid);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Evaluate)->Arg(64)->Arg(256);

void BM_EvaluateWithTrace(benchmark::State& state) {
  const Corpus& corpus = TheCorpus();
  size_t next = 0;
  for (auto _ : state) {
    const Case& c = Next(corpus, next);
    benefits::Trace trace(c.law);
    auto e = benefits::Evaluate(c.household, *c.law, corpus.local, {}, &trace);
    benchmark::DoNotOptimize(trace.steps().size());
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_EvaluateWithTrace);

void BM_EvaluateResolvingLaw(benchmark::State& state) {
  const Corpus& corpus = TheCorpus();
  size_t next = 0;
  for (auto _ : state) {
    const Case& c = Next(corpus, next);
    auto law = amip::law::ResolveLaw(*corpus.store, c.household.datum);
    auto e = benefits::Evaluate(c.household, *law, corpus.local, {}, nullptr);
    benchmark::DoNotOptimize(e->sgb2_betrag_m_bg);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_EvaluateResolvingLaw);

}  // namespace

BENCHMARK_MAIN();
