#!/usr/bin/env bash
# Whole-process benchmarks of SalesInsights against Hugo on the same generated corpus.
#
#   tests/benchmarks/run.sh check            list missing prerequisites (exit 2 when something is missing)
#   tests/benchmarks/run.sh install          install them on Debian/Ubuntu: hugo, GNU time, python3 (needs root)
#   tests/benchmarks/run.sh cold N...        cold builds of N generated articles by SalesInsights and by Hugo,
#                                            RUNS times each, alternating; prints medians and the ratio
#   tests/benchmarks/run.sh sample           cold builds of the repository's own sample site (input/, theme/)
#   tests/benchmarks/run.sh charts           a corpus with chart blocks over a 1,000,000-row table, built with
#                                            and without its charts (needs the charts layer in src/)
#   tests/benchmarks/run.sh incremental      one-article rebuild on the preview path (runs preview/preview-edit.sh)
#   tests/benchmarks/run.sh micro [FILTER]   the BenchmarkDotNet micro-benchmarks (tests/SalesInsights.Benchmarks)
#   tests/benchmarks/run.sh profile N        one build of N articles with --profile (where the time goes;
#                                            PROFILE_DLL=path/SalesInsights.dll, or a native
#                                            executable, to profile another build)
#   tests/benchmarks/run.sh targets [N]      every target of issue 20 in one run, each with its measured value and
#                                            ratio: N (10,000) articles plus the sample site against Hugo (JIT,
#                                            native, peak memory), the sample site cold and warm, the preview's
#                                            first page and save-to-served, page weights; QUICK=1 for N=1,000,
#                                            one run each and 5 saves
#   tests/benchmarks/run.sh clean            delete the generated corpora and moved-aside outputs
#   tests/benchmarks/run.sh [all]            check, then cold 1000 10000, sample, charts and incremental
#
# Prerequisites: the .NET SDK of global.json, python3 (standard library only), GNU time (/usr/bin/time), clang and
# zlib1g-dev (for the native executable), and Hugo (the Debian package, 0.111 when this was written) for the comparison.
#
# Every timed build is a cold build: the output folder and caches are moved aside first (a rename, outside the
# timing), and the timed process is the tool itself, run from its built binary (dotnet build -c Release, then
# dotnet SalesInsights.dll), so no MSBuild check is timed. Figures: wall seconds, CPU seconds (user + system)
# and peak resident memory of the whole process from /usr/bin/time -v, plus the 1-minute load average when the
# run started; the machine should be otherwise idle (load average below 1) for figures worth recording.
#
# Environment: BENCH_DIR (/tmp/salesinsights-bench), RUNS (3), SEED (42), CHART_POSTS (200), CHARTS (500),
# CHART_ROWS (1000000); for targets also QUICK, EDIT_ARTICLES (1000), EDIT_ROUNDS (20), PREVIEW_PORT (5183).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
BENCH_DIR="${BENCH_DIR:-/tmp/salesinsights-bench}"
RUNS="${RUNS:-3}"
SEED="${SEED:-42}"
CHART_POSTS="${CHART_POSTS:-200}"
CHARTS="${CHARTS:-500}"
CHART_ROWS="${CHART_ROWS:-1000000}"
DLL="$REPO/src/SalesInsights/bin/Release/net10.0/SalesInsights.dll"
NATIVE_DIR="$BENCH_DIR/publish-native"
NATIVE="$NATIVE_DIR/SalesInsights"
TRASH="$BENCH_DIR/.trash"
RESULTS="$BENCH_DIR/results.tsv"

die() { echo "run.sh: $*" >&2; exit 2; }

cmd_check() {
  local missing=()
  command -v dotnet >/dev/null || missing+=("dotnet: the .NET SDK of global.json (https://dot.net/install)")
  command -v python3 >/dev/null || missing+=("python3: apt-get install -y python3")
  [ -x /usr/bin/time ] || missing+=("GNU time: apt-get install -y time")
  command -v hugo >/dev/null || missing+=("hugo: apt-get install -y hugo")
  command -v clang >/dev/null || compgen -c clang- | grep -qx 'clang-[0-9]*' \
    || missing+=("clang (for the native executable): apt-get install -y clang zlib1g-dev")
  if [ ${#missing[@]} -gt 0 ]; then
    echo "Missing prerequisites (or run: sudo tests/benchmarks/run.sh install):" >&2
    printf '  %s\n' "${missing[@]}" >&2
    return 2
  fi
  echo "prerequisites: $(dotnet --version) SDK, $(python3 --version), $(hugo version | cut -d' ' -f1-2), GNU time"
}

cmd_install() {
  command -v apt-get >/dev/null || die "install knows apt-get only; install python3, GNU time and hugo yourself"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq hugo time python3 clang zlib1g-dev >/dev/null
  command -v dotnet >/dev/null || echo "Install the .NET SDK of global.json yourself: https://dot.net/install" >&2
  cmd_check
}

# Two builds of the same code are timed: the plain `dotnet build -c Release` output (JIT at run time) and the
# native executable (`dotnet publish -p:PublishAot=true`: compiled ahead of time for linux-x64, no JIT; needs clang).
build_release() {
  if [ -z "${SKIP_BUILD:-}" ]; then
    (cd "$REPO" && dotnet build src/SalesInsights -c Release -nologo -v q >/dev/null) || die "dotnet build failed"
    (cd "$REPO" && dotnet publish src/SalesInsights -c Release -r linux-x64 -p:PublishAot=true \
      -o "$NATIVE_DIR" -nologo -v q >/dev/null) || die "dotnet publish -p:PublishAot=true failed (is clang installed?)"
  fi
  [ -f "$DLL" ] || die "no $DLL: run dotnet build src/SalesInsights -c Release"
  [ -x "$NATIVE" ] || die "no $NATIVE: run without SKIP_BUILD"
}

load1() { cut -d' ' -f1 /proc/loadavg; }

# Outputs of earlier runs are moved into the trash and deleted only when the command ends. ext4 without a journal
# (the project machine's disk) skips, when it allocates an inode, every inode freed less than a minute ago, and
# reads each one to find that out: deleting the previous run's ~12,000 files just before a run made every file
# and folder the next run created pay for that scan (perf: find_get_block in recently_deleted under ext4_create and
# ext4_mkdir), and system time grew run after run, 2 s to 28 s for the same build. So a command deletes what an
# earlier one left, and its first run waits until a minute has passed since the last deletion (stamped in a file).
DELETED_AT="$BENCH_DIR/.trash-deleted-at"
empty_trash() {
  if [ -d "$TRASH" ]; then rm -rf "$TRASH"; sync; date +%s >"$DELETED_AT"; fi
}
empty_trash_before_runs() {
  empty_trash
  local wait
  wait=$(( $(cat "$DELETED_AT" 2>/dev/null || echo 0) + 65 - $(date +%s) ))
  if [ "$wait" -gt 0 ]; then
    echo "waiting ${wait} s: files were deleted less than a minute ago, and new files would pay for it" >&2
    sleep "$wait"
  fi
  trap empty_trash EXIT
}

move_away() { # PATH...: rename into the trash (same file system: O(1), outside the timing)
  mkdir -p "$TRASH"
  local p
  for p in "$@"; do
    if [ -e "$p" ]; then mv "$p" "$TRASH/$(basename "$p").$(date +%s%N)"; fi
  done
}

# corpus LAYOUT N [ARGS...]: generate once per (layout, N, seed, generator version) into $BENCH_DIR
corpus() {
  local layout="$1" n="$2"; shift 2
  local dir="$BENCH_DIR/$layout-$n${CORPUS_SUFFIX:-}"
  local stamp
  stamp="$(sha1sum "$HERE/gen_corpus.py" | cut -c1-12) $SEED $* $(sha1sum "$HERE/hugo-site/hugo.toml" | cut -c1-8)"
  if [ "$(cat "$dir/.stamp" 2>/dev/null)" != "$stamp" ]; then
    move_away "$dir"
    mkdir -p "$dir"
    python3 "$HERE/gen_corpus.py" --n "$n" --out "$dir" --seed "$SEED" --layout "$layout" "$@" >&2
    if [ "$layout" = hugo ]; then cp -r "$HERE/hugo-site/." "$dir/"; fi
    echo "$stamp" > "$dir/.stamp"
  fi
  echo "$dir"
}

# timed LABEL N OUTDIR CMD...: one cold run under /usr/bin/time -v, appended to $RESULTS
timed() {
  local label="$1" n="$2" out="$3"; shift 3
  local tv="$BENCH_DIR/time.txt" log="$BENCH_DIR/last-$label.log" load
  # Start every run from the same state: nothing of earlier runs still being written back.
  sync
  load="$(load1)"
  if ! /usr/bin/time -v -o "$tv" "$@" >"$log" 2>&1; then
    cat "$log" >&2; die "$label failed: $*"
  fi
  local wall user sys rss files pages
  wall="$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$tv")"
  user="$(awk -F': ' '/User time/ { print $2 }' "$tv")"
  sys="$(awk -F': ' '/System time/ { print $2 }' "$tv")"
  rss="$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$tv")"
  files="$(find "$out" -type f | wc -l)"
  pages="$(find "$out" -type f -name '*.html' | wc -l)"
  [ "$label" = warm-up ] && return 0
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$label" "$n" "$wall" "$user" "$sys" "$rss" "$files" "$pages" "$load" >>"$RESULTS"
  printf '  %-22s N=%-6s wall %6.2f s  cpu %6.2f s  rss %5d MiB  %6d files  (load %s)\n' \
    "$label" "$n" "$wall" "$(awk "BEGIN { print $user + $sys }")" "$((rss / 1024))" "$files" "$load" >&2
}

tool() { # PROGRAM: the command line that runs it: a .dll through `dotnet`, the native executable as it is
  case "$1" in *.dll) echo dotnet "$1" ;; *) echo "$1" ;; esac
}

si_build() { # DIR N [LABEL [PROGRAM]]: one cold SalesInsights build of DIR/input into DIR/output
  local dir="$1" n="$2" label="${3:-SalesInsights}" program="${4:-$DLL}"
  move_away "$dir/output" "$dir/.cache"
  timed "$label" "$n" "$dir/output" $(tool "$program") build --input "$dir/input" --theme "$REPO/theme" --output "$dir/output"
}

hugo_build() { # DIR N [LABEL]
  local dir="$1" n="$2" label="${3:-Hugo}"
  move_away "$dir/public" "$dir/resources" "$dir/.hugo_cache"
  timed "$label" "$n" "$dir/public" hugo --quiet --source "$dir" --destination "$dir/public" --cacheDir "$dir/.hugo_cache"
}

# table REF LABEL...: medians per (label, N) from $RESULTS, and each label's ratio to REF's
table() {
  python3 - "$RESULTS" "$@" <<'PY'
import statistics as st, sys
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1]) if l.strip()]
labels = sys.argv[2:]
by = {}
for label, n, wall, user, sys_, rss, files, pages, load in rows:
    by.setdefault((label, int(n)), []).append((float(wall), float(user) + float(sys_), int(rss) / 1024, int(files), int(pages), float(load)))
ns = sorted({n for _, n in by})
print("| tool | N | runs | wall s (median) | wall min-max | CPU s (median) | peak RSS MiB (median) | pages (.html) | files | load avg (1 min) at start |")
print("| --- | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | --- |")
med = {}
for n in ns:
    for label in labels:
        runs = by.get((label, n))
        if not runs:
            continue
        wall = st.median(r[0] for r in runs); cpu = st.median(r[1] for r in runs); rss = st.median(r[2] for r in runs)
        med[(label, n)] = (wall, cpu, rss)
        loads = ", ".join("%.2f" % r[5] for r in runs)
        print("| %s | %s | %d | **%.2f** | %.2f-%.2f | %.2f | %.0f | %d | %d | %s |" % (
            label, f"{n:,}", len(runs), wall, min(r[0] for r in runs), max(r[0] for r in runs), cpu, rss, runs[0][4], runs[0][3], loads))
ref = labels[0]
for label in labels[1:]:
    for n in ns:
        if (ref, n) in med and (label, n) in med:
            r, o = med[(ref, n)], med[(label, n)]
            print(f"\n{label} ÷ {ref} at N={n:,}: wall **{o[0] / r[0]:.2f}**, CPU {o[1] / r[1]:.2f}, peak memory {o[2] / r[2]:.2f}", end="")
print()
PY
}

cmd_cold() {
  [ $# -gt 0 ] || set -- 1000 10000
  build_release
  cmd_check >/dev/null || die "prerequisites missing: run tests/benchmarks/run.sh check"
  : >"$RESULTS"
  echo "$(date -u +%FT%TZ) cold builds, $RUNS runs each, $(nproc) cores, load average now $(cut -d' ' -f1-3 /proc/loadavg)" >&2
  local n si hugo r
  for n in "$@"; do
    si="$(corpus salesinsights "$n")"
    hugo="$(corpus hugo "$n")"
    # One untimed build each first: it warms the OS page cache for the corpus, nothing else (each run is cold).
    si_build "$si" "$n" warm-up; hugo_build "$hugo" "$n" warm-up
    for r in $(seq "$RUNS"); do
      si_build "$si" "$n"
      si_build "$si" "$n" SalesInsights-native "$NATIVE"
      hugo_build "$hugo" "$n"
    done
  done
  echo
  echo "Command: tests/benchmarks/run.sh cold $*   (RUNS=$RUNS SEED=$SEED; $(hugo version | cut -d' ' -f1-2); $(dotnet --version) SDK)"
  table Hugo SalesInsights SalesInsights-native
}

cmd_sample() {
  build_release
  : >"$RESULTS"
  local dir="$BENCH_DIR/sample" r
  mkdir -p "$dir"
  move_away "$dir/input"
  cp -r "$REPO/input" "$dir/input"
  si_build "$dir" 0 warm-up
  local n
  n="$(find "$dir/input/posts" -name '*.md' | wc -l)"
  for r in $(seq "$RUNS"); do
    si_build "$dir" "$n" sample-site
    si_build "$dir" "$n" sample-site-native "$NATIVE"
  done
  echo
  echo "Command: tests/benchmarks/run.sh sample   (RUNS=$RUNS; the repository's input/ and theme/, output and caches moved aside before each run)"
  table sample-site sample-site-native
}

cmd_charts() {
  if [ ! -d "$REPO/src/SalesInsights/Charts" ]; then
    echo "charts: skipped, the charts layer (src/SalesInsights/Charts) is not in this branch yet" >&2
    return 0
  fi
  build_release
  : >"$RESULTS"
  local plain charted r
  plain="$(corpus salesinsights "$CHART_POSTS")"
  charted="$(CORPUS_SUFFIX="-charts-$CHARTS-$CHART_ROWS" corpus salesinsights "$CHART_POSTS" --charts "$CHARTS" --rows "$CHART_ROWS")"
  for r in $(seq "$RUNS"); do
    si_build "$plain" "$CHART_POSTS" no-charts
    si_build "$charted" "$CHART_POSTS" "with-$CHARTS-charts"
  done
  echo
  echo "Command: tests/benchmarks/run.sh charts   (CHART_POSTS=$CHART_POSTS CHARTS=$CHARTS CHART_ROWS=$CHART_ROWS RUNS=$RUNS)"
  table no-charts "with-$CHARTS-charts"
  python3 - "$RESULTS" "$CHARTS" <<'PY'
import statistics as st, sys
rows = [l.split("\t") for l in open(sys.argv[1]) if l.strip()]
k = int(sys.argv[2])
w = st.median(float(r[2]) for r in rows if r[0].startswith("with-"))
p = st.median(float(r[2]) for r in rows if r[0] == "no-charts")
print(f"\ncharts: {k} chart blocks cost {w - p:.2f} s of wall time over the same articles without them: {k / max(w - p, 1e-9):.0f} charts/s (dataset load and queries included)")
PY
}

cmd_incremental() {
  # The preview's own edit-to-reload benchmark (issue 5) is the incremental measurement: one article saved,
  # time until the rebuilt page is served, 1,000 articles.
  if [ ! -x "$HERE/preview/preview-edit.sh" ]; then
    echo "incremental: skipped, tests/benchmarks/preview/preview-edit.sh is not in this branch" >&2
    return 0
  fi
  echo "load average $(cut -d' ' -f1-3 /proc/loadavg)"
  "$HERE/preview/preview-edit.sh" "${1:-1000}" "${2:-20}"
}

cmd_profile() {
  local n="${1:-1000}" dir
  build_release
  dir="$(corpus salesinsights "$n")"
  move_away "$dir/output" "$dir/.cache"
  echo "load average $(cut -d' ' -f1-3 /proc/loadavg)"
  /usr/bin/time -f "whole process: wall %e s, user %U s, system %S s, peak RSS %M KiB" \
    $(tool "${PROFILE_DLL:-$DLL}") build --input "$dir/input" --theme "$REPO/theme" --output "$dir/output" --profile
}

# ---- Issue 20's targets, every one in one run -------------------------------------------------------------------
# targets [N]: the figures BENCHMARKS.md's table holds, each against its target, in one run of this script:
#   1. N generated articles plus the sample site in one input (input/ copied, the articles added to its posts/),
#      cold, with the JIT build and the native executable, against Hugo building the same N articles: wall time,
#      ratio to Hugo, peak memory;
#   2. the sample site cold (output and caches moved aside) and warm (caches kept), JIT and native;
#   3. the preview: from the program's start to its first page served, with no caches and with the caches of an
#      earlier run (JIT build, as `dotnet run` starts it);
#   4. the preview: a saved article to its page served, median of EDIT_ROUNDS saves at EDIT_ARTICLES articles;
#   5. page weights of the sample site: the largest article, the largest dashboard view, each feed.
# QUICK=1 (or N given) keeps it short: N=1000, one run each, 5 saves.
PREVIEW_PORT="${PREVIEW_PORT:-5183}"
METRICS="$BENCH_DIR/metrics.tsv"

metric() { printf '%s\t%s\n' "$1" "$2" >>"$METRICS"; }

mixed_site() { # N: the sample site with N generated articles added, once per (N, seed, generator, sample input)
  local n="$1" dir="$BENCH_DIR/sample-plus-$n" stamp corpus_dir
  stamp="$(sha1sum "$HERE/gen_corpus.py" | cut -c1-12) $SEED $(cd "$REPO" && git ls-files -s input | sha1sum | cut -c1-12)"
  if [ "$(cat "$dir/.stamp" 2>/dev/null)" != "$stamp" ]; then
    move_away "$dir"
    mkdir -p "$dir"
    cp -r "$REPO/input" "$dir/input"
    corpus_dir="$(corpus salesinsights "$n")"
    cp "$corpus_dir"/input/posts/*.md "$dir/input/posts/"
    echo "$stamp" >"$dir/.stamp"
  fi
  echo "$dir"
}

si_warm_build() { # DIR N LABEL [PROGRAM]: a build that keeps the caches (and the output) of the build before it
  local dir="$1" n="$2" label="$3" program="${4:-$DLL}"
  timed "$label" "$n" "$dir/output" $(tool "$program") build --input "$dir/input" --theme "$REPO/theme" --output "$dir/output"
}

first_page() { # DIR LABEL [PROGRAM]: seconds from starting `preview` to its first page served (200 for /)
  local dir="$1" label="$2" program="${3:-$DLL}" log="$BENCH_DIR/last-$2.log" start pid elapsed
  start=$(date +%s.%N)
  $(tool "$program") preview --input "$dir/input" --theme "$REPO/theme" --port "$PREVIEW_PORT" --no-open >"$log" 2>&1 &
  pid=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PREVIEW_PORT/")" = 200 ]; do
    kill -0 "$pid" 2>/dev/null || { cat "$log" >&2; die "$label: the preview stopped"; }
    sleep 0.02
  done
  elapsed=$(echo "$(date +%s.%N) - $start" | bc)
  # Let the complete build finish (it fills the chart cache for the next start), then stop it.
  for _ in $(seq 600); do
    grep -q "serving it while" "$log" || break
    [ "$(grep -c '^✓ Built' "$log")" -ge 2 ] && break
    sleep 0.5
  done
  kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true
  metric "$label" "$elapsed"
  printf '  %-22s first page served after %.2f s (load %s)\n' "$label" "$elapsed" "$(load1)" >&2
}

cmd_targets() {
  local n="${1:-}" runs="$RUNS" rounds="${EDIT_ROUNDS:-20}" articles="${EDIT_ARTICLES:-1000}"
  if [ -n "${QUICK:-}" ]; then n="${n:-1000}"; runs=1; rounds="${EDIT_ROUNDS:-5}"; fi
  n="${n:-10000}"
  build_release
  cmd_check >/dev/null || die "prerequisites missing: run tests/benchmarks/run.sh check"
  command -v curl >/dev/null || die "curl is needed for the preview's figures"
  : >"$RESULTS"; : >"$METRICS"
  local started_load commit
  started_load="$(cut -d' ' -f1-3 /proc/loadavg)"
  commit="$(cd "$REPO" && git rev-parse --short HEAD)$(cd "$REPO" && git diff --quiet HEAD -- src theme || echo '+changes')"
  echo "$(date -u +%FT%TZ) targets of issue 20 at $commit: N=$n, $runs run(s) each, $(nproc) cores, load average $started_load" >&2

  local big hugo sample r
  big="$(mixed_site "$n")"
  hugo="$(corpus hugo "$n")"
  si_build "$big" "$n" warm-up; hugo_build "$hugo" "$n" warm-up
  for r in $(seq "$runs"); do
    si_build "$big" "$n" large-jit
    si_build "$big" "$n" large-native "$NATIVE"
    hugo_build "$hugo" "$n" large-hugo
  done

  sample="$BENCH_DIR/sample"
  mkdir -p "$sample"; move_away "$sample/input"; cp -r "$REPO/input" "$sample/input"
  si_build "$sample" 0 warm-up
  for r in $(seq "$runs"); do
    si_build "$sample" 0 sample-cold-jit
    si_warm_build "$sample" 0 sample-warm-jit
    si_build "$sample" 0 sample-cold-native "$NATIVE"
    si_warm_build "$sample" 0 sample-warm-native "$NATIVE"
  done
  local weights
  weights="$(python3 - "$sample/output" <<'PY'
import os, sys
root = sys.argv[1]
def size(p): return os.path.getsize(os.path.join(root, p))
def pages(prefix):
    for folder, _, files in os.walk(os.path.join(root, prefix)):
        if "index.html" in files:
            yield os.path.relpath(os.path.join(folder, "index.html"), root)
article = max(pages("posts"), key=size)
view = max((p for p in pages("dashboard")), key=size)
print("weight-article\t%d\t%s" % (size(article), article))
print("weight-dashboard\t%d\t%s" % (size(view), view))
for feed in sorted(f for f in os.listdir(root) if f.endswith(".xml") and f not in ("sitemap.xml",)):
    print("weight-feed\t%d\t%s" % (size(feed), feed))
PY
)"
  printf '%s\n' "$weights" >>"$METRICS"

  # The preview as a writer starts it: no caches, then the caches that run left.
  move_away "$sample/.cache"
  first_page "$sample" preview-first-cold
  first_page "$sample" preview-first-warm

  echo "  preview edit -> served: $articles articles, $rounds saves (load $(load1))" >&2
  local edit
  edit="$(SKIP_BUILD=1 "$HERE/preview/preview-edit.sh" "$articles" "$rounds" | tee /dev/stderr | grep -oE '^rounds=.*median=[0-9.]+' | grep -oE '[0-9.]+$')"
  metric edit-median-ms "$edit"

  echo
  echo "Command: tests/benchmarks/run.sh targets $n   (RUNS=$runs; commit $commit; $(hugo version | cut -d' ' -f1-2); $(dotnet --version) SDK; load average at start $started_load, at end $(cut -d' ' -f1-3 /proc/loadavg))"
  python3 - "$RESULTS" "$METRICS" "$n" <<'PY'
import statistics as st, sys
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1]) if l.strip()]
metrics = [l.rstrip("\n").split("\t") for l in open(sys.argv[2]) if l.strip()]
n = int(sys.argv[3])
def med(label, i):
    values = [float(r[i]) for r in rows if r[0] == label]
    return st.median(values) if values else None
wall = lambda l: med(l, 2)
rss = lambda l: (med(l, 5) or 0) / 1024
m = {}
for r in metrics:
    m.setdefault(r[0], []).append(r[1:])
def one(key):
    return float(m[key][0][0]) if key in m and m[key][0][0] else None

lines = []
def row(target, measured, goal, ratio, met, how):
    lines.append("| %s | %s | %s | %s | %s | %s |" % (target, measured, goal, ratio, "yes" if met else "**no**", how))

hugo = wall("large-hugo")
for label, goal, name in (("large-jit", 0.6, "JIT"), ("large-native", 0.5, "native")):
    w = wall(label)
    if w and hugo:
        row(f"N={n:,} + sample site, {name}, wall vs Hugo", "%.2f s (Hugo %.2f s)" % (w, hugo), "≤ %.1f× Hugo" % goal, "%.2f×" % (w / hugo), w / hugo <= goal, label)
for label, name in (("large-jit", "JIT"), ("large-native", "native")):
    r = rss(label)
    row(f"N={n:,} + sample site, {name}, peak memory", "%.0f MiB" % r, "< 1 GB (953 MiB)", "%.2f" % (r / 953.7), r < 953.7, label)
for label, goal, name in (("sample-cold-jit", 3.0, "sample site cold, JIT"), ("sample-cold-native", 1.5, "sample site cold, native"),
                          ("sample-warm-jit", 1.0, "sample site warm, JIT"), ("sample-warm-native", 1.0, "sample site warm, native")):
    w = wall(label)
    if w is not None:
        row(name, "%.2f s" % w, "≤ %.1f s" % goal, "%.2f" % (w / goal), w <= goal, label)
for key, name in (("preview-first-cold", "preview: program start → first page, no caches"), ("preview-first-warm", "preview: program start → first page, caches kept")):
    v = one(key)
    if v is not None:
        row(name, "%.2f s" % v, "≤ 2 s", "%.2f" % (v / 2), v <= 2, key)
v = one("edit-median-ms")
if v is not None:
    row("preview: save → page served, median", "%.0f ms" % v, "≤ 50 ms", "%.2f" % (v / 50), v <= 50, "edit-median-ms")
for key, goal, name in (("weight-article", 150, "heaviest article"), ("weight-dashboard", 120, "heaviest dashboard view"), ("weight-feed", 300, "feed")):
    for size, page in m.get(key, []):
        kb = int(size) / 1000
        row(f"{name} ({page})", "%.0f KB" % kb, "≤ %d KB" % goal, "%.2f" % (kb / goal), kb <= goal, key)

print()
print("| target | measured | goal | ratio to goal | met | label |")
print("| --- | ---: | --- | ---: | --- | --- |")
print("\n".join(lines))
PY
}

cmd_micro() {
  (cd "$REPO" && dotnet run -c Release --project tests/SalesInsights.Benchmarks -- --filter "${1:-*}")
}

cmd_clean() { rm -rf "$BENCH_DIR"; }

cmd="${1:-all}"
[ $# -gt 0 ] && shift
mkdir -p "$BENCH_DIR"
case "$cmd" in cold|sample|charts|profile|targets|all) empty_trash_before_runs ;; esac
case "$cmd" in
  check) cmd_check ;;
  install) cmd_install ;;
  cold) cmd_cold "$@" ;;
  sample) cmd_sample ;;
  charts) cmd_charts ;;
  incremental) cmd_incremental "$@" ;;
  profile) cmd_profile "$@" ;;
  targets) cmd_targets "$@" ;;
  micro) cmd_micro "$@" ;;
  clean) cmd_clean ;;
  all) cmd_check; cmd_cold 1000 10000; cmd_sample; cmd_charts; cmd_incremental ;;
  *) sed -n '2,21p' "$0"; exit 2 ;;
esac
