// generate_bench: times `synth::Generate` and `contract::WriteExtractCsv` for one profile and
// prints the row counts, the seconds of each phase and the calibration result.
// Usage: generate_bench PROFILE [SEED] [OUT_DIR]   (no OUT_DIR: simulation only)
// Peak memory: run it under `/usr/bin/time -v`.
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "contract/extract_writer.h"
#include "synth/generator.h"
#include "synth/profile.h"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: generate_bench PROFILE [SEED] [OUT_DIR]\n");
    return 2;
  }
  const std::string profile_name = argv[1];
  const uint64_t seed = argc > 2 ? std::strtoull(argv[2], nullptr, 10) : 1;
  auto profile = amip::synth::LoadProfile(profile_name);
  if (!profile.ok()) {
    std::fprintf(stderr, "%s\n", profile.status().ToString().c_str());
    return 1;
  }
  const auto start = std::chrono::steady_clock::now();
  auto generated = amip::synth::Generate(*profile, seed);
  if (!generated.ok()) {
    std::fprintf(stderr, "%s\n", generated.status().ToString().c_str());
    return 1;
  }
  const auto simulated = std::chrono::steady_clock::now();
  if (argc > 3) {
    const auto status = amip::contract::WriteExtractCsv(generated->extract, argv[3]);
    if (!status.ok()) {
      std::fprintf(stderr, "%s\n", status.ToString().c_str());
      return 1;
    }
  }
  const auto written = std::chrono::steady_clock::now();
  const auto& extract = generated->extract;
  std::printf("profile %s seed %llu: jobcenters %zu, persons %zu, benefit_spells %zu, claims %zu, "
              "employment_spells %zu, measure_spells %zu, unemployment_spells %zu, bg_housing %zu\n",
              profile->name.c_str(), static_cast<unsigned long long>(seed),
              extract.jobcenters.size(), extract.persons.size(), extract.benefit_spells.size(),
              extract.claims.size(), extract.employment_spells.size(),
              extract.measure_spells.size(), extract.unemployment_spells.size(),
              extract.bg_housing.size());
  std::printf("generate+calibrate %.2f s, write %.2f s\n",
              std::chrono::duration<double>(simulated - start).count(),
              std::chrono::duration<double>(written - simulated).count());
  int failed = 0;
  for (const auto& row : generated->calibration) {
    std::printf("%s %-32s target %12.2f generated %12.2f deviation %9.4f\n",
                row.pass ? "pass" : "FAIL", row.quantity.c_str(), row.target, row.generated,
                row.deviation);
    failed += row.pass ? 0 : 1;
  }
  return failed == 0 ? 0 : 1;
}
