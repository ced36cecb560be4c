#!/usr/bin/env bash
# Builds nnviz's libFuzzer targets (Fuzz/Package.swift) with -sanitize=fuzzer,address and runs each
# for FUZZ_SECONDS seconds (or FUZZ_RUNS inputs), seeded from Fuzz/Corpus/<target>. Usage:
#   scripts/fuzz.sh [EventLine EventFile Config IDX TensorBoard]     (default: all five)
# Environment: FUZZ_SECONDS (60), FUZZ_RUNS (unset: time only), FUZZ_JOBS (1), FUZZ_BUILD (1; 0 skips the build).
# A crash, a hang (> 10 s for one input) or running out of memory (> 2 GiB) stops that target, leaves the input in
# Fuzz/Crashes/<target>/ and makes the script exit 1 with the input's path printed. New corpus entries found go to
# .build-fuzz/corpus/<target> (not committed). See docs/FUZZING.md.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH="${FUZZ_SECONDS:-60}"
RUNS="${FUZZ_RUNS:-}"
JOBS="${FUZZ_JOBS:-1}"
SCRATCH="$PWD/.build-fuzz"
TARGETS=("$@")
[ ${#TARGETS[@]} -gt 0 ] || TARGETS=(EventLine EventFile Config IDX TensorBoard)

# Longest input per target: an event line or file of a few KiB reaches every branch, as does a TensorBoard file of
# 4 KiB (every kind of record the importer reads); YAML up to 16 KiB, deep enough to reach the nesting limit that is
# checked before Yams (which recurses without one: see docs/FUZZING.md).
max_len() {
  case "$1" in
    EventLine) echo 8192 ;; EventFile) echo 4096 ;; Config) echo 16384 ;; IDX) echo 4096 ;; TensorBoard) echo 4096 ;;
    *) echo "fuzz: unknown target '$1' (known: EventLine EventFile Config IDX TensorBoard)" >&2; exit 2 ;;
  esac
}
for t in "${TARGETS[@]}"; do max_len "$t" >/dev/null; done

if [ "${FUZZ_BUILD:-1}" != 0 ]; then
  # lld: gold fails on the sanitizer's objects (internal error in dwarf_reader.cc).
  ${SWIFT:-swift} build -c release --manifest-cache none --package-path Fuzz --scratch-path "$SCRATCH" \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -use-ld=lld
fi
BIN="$(${SWIFT:-swift} build -c release --manifest-cache none --package-path Fuzz --scratch-path "$SCRATCH" --show-bin-path)"

failed=()
for t in "${TARGETS[@]}"; do
  exe="$BIN/Fuzz$t"
  work="$SCRATCH/corpus/$t"
  crashes="Fuzz/Crashes/$t"
  mkdir -p "$work" "$crashes"
  limit=(-max_total_time="$SECONDS_EACH")
  [ -z "$RUNS" ] || limit=(-runs="$RUNS")
  jobs=()
  [ "$JOBS" = 1 ] || jobs=(-jobs="$JOBS" -workers="$JOBS")
  dict=()
  [ ! -f "Fuzz/Dicts/$t.dict" ] || dict=(-dict="Fuzz/Dicts/$t.dict")
  log="$SCRATCH/fuzz-$t.log"
  echo "fuzz: $t (${RUNS:+$RUNS runs}${RUNS:-$SECONDS_EACH s}, max_len $(max_len "$t"), log $log)"
  # The regression inputs first: each must pass before new inputs are tried.
  # (the folder's own files: pending/ holds inputs that still crash, waiting for another change).
  mapfile -t regressions < <(find "Fuzz/Regressions/$t" -maxdepth 1 -type f ! -name 'README*' | sort)
  if [ ${#regressions[@]} -gt 0 ]; then
    "$exe" -runs=1 -timeout=10 -rss_limit_mb=2048 "${regressions[@]}" >"$SCRATCH/regressions-$t.log" 2>&1 || {
      echo "fuzz: $t: a regression input fails again; see $SCRATCH/regressions-$t.log"; failed+=("$t"); continue; }
  fi
  before=$(ls "$crashes" | wc -l)
  set +e
  "$exe" "${limit[@]}" "${dict[@]}" "${jobs[@]}" -timeout=10 -rss_limit_mb=2048 -max_len="$(max_len "$t")" \
    -artifact_prefix="$crashes/" -print_final_stats=1 -detect_leaks=0 "$work" "Fuzz/Corpus/$t" >"$log" 2>&1
  status=$?
  set -e
  # With -jobs, libFuzzer writes each job's output to fuzz-N.log in the current folder.
  if [ "$JOBS" != 1 ]; then cat fuzz-*.log >>"$log" 2>/dev/null || true; rm -f fuzz-*.log; fi
  grep -E "^(Done|stat::|#[0-9]+ +DONE)" "$log" | sed "s/^/  /" || true
  echo "  corpus: $(ls "$work" | wc -l) new + $(ls "Fuzz/Corpus/$t" | wc -l) seeds"
  after=$(ls "$crashes" | wc -l)
  if [ "$status" != 0 ] || [ "$after" != "$before" ]; then
    echo "fuzz: $t FAILED (exit $status); inputs:"
    ls -t "$crashes" | head -n $((after - before > 0 ? after - before : 1)) | sed "s|^|  $crashes/|"
    grep -E "ERROR: |SUMMARY: |Fatal error|==ERROR" "$log" | head -5 | sed "s/^/  /" || true
    failed+=("$t")
  fi
done
if [ ${#failed[@]} -gt 0 ]; then echo "fuzz: failed: ${failed[*]}"; exit 1; fi
echo "fuzz: all ${#TARGETS[@]} targets ran without a crash"
