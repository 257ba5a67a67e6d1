#!/usr/bin/env bash
# Edit-to-reload benchmark of the preview (issue 5): a 1,000-article site, one article saved at a time, time
# from the save to the rebuilt page being served. Usage, from the repository root:
#   tests/benchmarks/preview/preview-edit.sh [articles=1000] [rounds=20]
# Needs python3 and a free port 5181. Prints the client-side numbers and the server's own build times;
# PROFILE=1 also prints where the last rebuild's time went (preview --profile).
set -euo pipefail

ARTICLES="${1:-1000}"
ROUNDS="${2:-20}"
PORT="${PORT:-5181}"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../../.." && pwd)"
SITE="$(mktemp -d)"
LOG="$SITE/preview.log"
SERVER_PID=""
cleanup() {
  if [[ -n "$SERVER_PID" ]]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
  rm -rf "$SITE"
}
trap cleanup EXIT

# SKIP_BUILD=1: the caller (run.sh targets) has just built it.
[ -n "${SKIP_BUILD:-}" ] || dotnet build "$REPO/src/SalesInsights" -c Release --nologo -v quiet >/dev/null
mkdir -p "$SITE/input"
python3 "$HERE/../gen_corpus.py" --n "$ARTICLES" --out "$SITE/input/posts" --layout plain --seed 42 >/dev/null
cp "$REPO/input/site.yml" "$SITE/input/"
# The repository's own pages link to its articles, which the generated corpus does not have.
mkdir -p "$SITE/input/pages"
printf -- '---\ntitle: "About"\nslug: about\n---\n\nA benchmark site.\n' >"$SITE/input/pages/about.md"
cp -r "$REPO/theme" "$SITE/theme"

start=$(date +%s.%N)
dotnet "$REPO/src/SalesInsights/bin/Release/net10.0/SalesInsights.dll" preview \
  --input "$SITE/input" --theme "$SITE/theme" --port "$PORT" --no-open ${PROFILE:+--profile} >"$LOG" 2>&1 &
SERVER_PID=$!
until [[ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/")" == 200 ]]; do
  kill -0 "$SERVER_PID" 2>/dev/null || { cat "$LOG"; exit 1; }
  sleep 0.1
done
echo "articles=$ARTICLES first build and serve: $(echo "$(date +%s.%N) - $start" | bc) s"

python3 "$HERE/measure_edit.py" --port "$PORT" --posts "$SITE/input/posts" --rounds "$ROUNDS"
echo "server build times (first line is the cold build):"
grep -E "^(✓|✗) " "$LOG" | sed -E 's/^(.) (Built in [0-9]+ ms).*rendered ([0-9]+) article\(s\) and laid out ([0-9]+) page.*/\1 \2, rendered \3, laid out \4/' | head -3
grep -oE "Built in [0-9]+ ms" "$LOG" | tail -n +2 | grep -oE "[0-9]+" | sort -n | awk '{a[NR]=$1} END {print "server build ms: median=" a[int((NR+1)/2)] " min=" a[1] " max=" a[NR] " (n=" NR ")"}'
if [[ -n "${PROFILE:-}" ]]; then
  echo "the last rebuild's profile:"
  awk '/^Profile: /{block=""} {block=block $0 "\n"} END {printf "%s", block}' "$LOG" | grep -v "^\s*$" | head -60
fi
