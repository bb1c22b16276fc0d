#!/bin/sh
# Side-by-side throughput: compromise (with and without its dates plugin) and tidings bench on
# the same folder of plain-text articles, and the ratio of articles per CPU second (per core).
#
#   scripts/compare/compare.sh [FOLDER]   (default: the PolNeAR dev articles in ../shared)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
folder=${1:-$root/../shared/bench/quotes/dev/text}
[ -d "$here/node_modules/compromise" ] || (cd "$here" && npm install --no-audit --no-fund >/dev/null)
bin=$(mktemp -d)/tidings
(cd "$root" && go build -o "$bin" ./cmd/tidings)

rate() { sed -n 's/.*"articles_per_cpu_second": *\([0-9.]*\).*/\1/p' | head -n 1; }
c=$(node "$here/compromise.mjs" --json "$folder" | rate)
cn=$(node "$here/compromise.mjs" --json --no-dates "$folder" | rate)
# tidings over the same articles, cycled so that the run lasts long enough to time
t=$("$bin" bench --json --repeat 20 --now 2026-01-17T06:00:00 "$folder" | rate)
echo "articles per CPU second (one core): tidings $t, compromise+dates $c, compromise $cn"
awk -v t="$t" -v c="$c" -v n="$cn" 'BEGIN { printf "tidings is %.0fx compromise+dates, %.0fx compromise without dates\n", t / c, t / n }'
