#!/usr/bin/env bash
# Builds the libFuzzer targets with clang++ (ASan + UBSan) into build-fuzz/ and runs each for
# SECONDS (default 60) on a copy of its seed corpus fuzz/corpus/<target>/. Exits non-zero on
# any crash, hang (> 10 s per input), leak or sanitizer report.
#   bash fuzz/run.sh 60
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
seconds="${1:-60}"
out="$root/build-fuzz"
mkdir -p "$out"
cxx="${CXX_FUZZ:-clang++}"
flags=(-std=c++20 -O1 -g -fno-omit-frame-pointer -fsanitize=fuzzer,address,undefined
       -fno-sanitize-recover=undefined -I"$root/src")
core=("$root"/src/core/*.cc)
core=("${core[@]/*_test.cc/}")
csv=("$root"/src/csv/reader.cc)
# Every non-test source of the low modules the extract reader and the catalogue use.
low=()
for module in fileio yamlio; do
  for f in "$root/src/$module"/*.cc; do
    case "$f" in *_test.cc) ;; *) low+=("$f") ;; esac
  done
done

echo "== building csv_reader_fuzzer"
"$cxx" "${flags[@]}" "$root/fuzz/csv_reader_fuzzer.cc" "${csv[@]}" ${core[@]} \
  -o "$out/csv_reader_fuzzer"
echo "== building extract_fuzzer"
"$cxx" "${flags[@]}" "$root/fuzz/extract_fuzzer.cc" "${csv[@]}" ${core[@]} \
  "$root/src/ingest/extract_reader.cc" "$root/src/ingest/schema.cc" \
  "$root/src/contract/extract.cc" "$root/src/contract/table_description.cc" "$root/src/contract/instrument_catalogue.cc" \
  "$root/src/resources/resources.cc" "$root/fuzz/resources_stub.cc" "${low[@]}" \
  -lyaml-cpp -lcrypto -o "$out/extract_fuzzer"

for target in csv_reader_fuzzer extract_fuzzer; do
  corpus="$out/corpus-${target%_fuzzer}"
  mkdir -p "$corpus"
  echo "== running $target for ${seconds}s"
  (cd "$out" && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
    "./$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    "$corpus" "$root/fuzz/corpus/${target%_fuzzer}")
done
echo "== fuzzing finished without findings"
