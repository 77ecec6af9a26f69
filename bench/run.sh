#!/bin/sh
# run.sh reproduces the table of bench/README.md: the peer benchmarks on one
# core, their benchstat summary, the throughput ratios, and the peak memory
# of each contender in a fresh process.
#
#	bench/run.sh                  # WINNOW_DATA defaults to ../shared/data beside the repository
#	COUNT=10 OUT=old.txt bench/run.sh
#	PROFILE=1 bench/run.sh        # also winnow's stages and a CPU profile of it, top 15
#
# Results go to bench/peers/$OUT (default new.txt); compare two runs with
# `benchstat old.txt new.txt`.
set -eu

cd "$(dirname "$0")/peers"
WINNOW_DATA=${WINNOW_DATA:-$(cd ../../.. && pwd)/shared/data}
export WINNOW_DATA
COUNT=${COUNT:-6}
OUT=${OUT:-new.txt}
BENCHSTAT=${BENCHSTAT:-$(command -v benchstat || echo "$(go env GOPATH)/bin/benchstat")}
if [ ! -x "$BENCHSTAT" ]; then
	go install golang.org/x/perf/cmd/benchstat@latest
fi

echo "# $(date -u +%Y-%m-%d) $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), nproc $(nproc), $(go version | cut -d' ' -f3)"
echo "# data: $WINNOW_DATA"

bin=$(mktemp -d)
trap 'rm -rf "$bin"' EXIT

# One test binary run COUNT times, each running the four contenders in turn,
# so that a burst of load on a shared machine hits all of them (go test
# -count N would run each contender N times in a row). -cpu 1: GOMAXPROCS=1,
# so the collector shares the one core with the extraction loop, which is
# sequential anyway.
go test -c -o "$bin/peers.test" .
: >"$OUT"
i=0
while [ "$i" -lt "$COUNT" ]; do
	"$bin/peers.test" -test.run '^$' -test.bench 'BenchmarkPeers$' -test.benchmem -test.cpu 1 |
		if [ "$i" -eq 0 ]; then cat; else grep '^Benchmark'; fi | tee -a "$OUT"
	i=$((i + 1))
done
if ! grep -q '^BenchmarkPeers/' "$OUT"; then
	echo "run.sh: no benchmark results: is the page set under $WINNOW_DATA?" >&2
	exit 1
fi
echo
"$BENCHSTAT" -col /contender "$OUT"

# Ratios of the medians, of wall-clock pages/s and of pages per CPU second.
echo
for unit in pages/s cpu-pages/s; do
	awk -v unit="$unit" '
	/^BenchmarkPeers\/contender=/ {
		split($1, a, "="); x = a[2]
		for (i = 2; i < NF; i++) if ($(i+1) == unit) v[x, ++n[x]] = $i
	}
	function median(x,   i, j, t, m) {
		m = n[x]
		for (i = 1; i <= m; i++) for (j = i + 1; j <= m; j++)
			if (v[x, j] + 0 < v[x, i] + 0) { t = v[x, i]; v[x, i] = v[x, j]; v[x, j] = t }
		return m % 2 ? v[x, (m + 1) / 2] : (v[x, m / 2] + v[x, m / 2 + 1]) / 2
	}
	END {
		w = median("winnow"); p = median("parse"); t = median("trafilatura"); r = median("readability")
		printf "median %s: parse %.1f, winnow %.1f, trafilatura %.1f, readability %.1f\n", unit, p, w, t, r
		printf "  winnow/parse       %.2fx (goal >= 0.7x)\n", w / p
		printf "  winnow/trafilatura %.2fx (goal >= 3.5x)\n", w / t
		printf "  winnow/readability %.2fx (goal >= 2.5x)\n", w / r
	}' "$OUT"
done

# Peak memory: one binary per contender, so each links only its own
# dependencies; "none" reads the pages and extracts nothing.
echo
header=-header
for x in none parse winnow trafilatura readability; do
	go build -tags "$x" -o "$bin/peakmem-$x" ./cmd/peakmem
	"$bin/peakmem-$x" -data "$WINNOW_DATA" $header "$x"
	header=
done

if [ "${PROFILE:-}" ]; then
	echo
	i=0
	while [ "$i" -lt "$COUNT" ]; do
		"$bin/peers.test" -test.run '^$' -test.bench 'BenchmarkWinnowStages$' -test.benchmem -test.cpu 1 | grep '^Benchmark'
		i=$((i + 1))
	done >"$bin/stages.txt"
	"$BENCHSTAT" -col /stage -filter '.unit:(cpu-pages/s OR B/page)' "$bin/stages.txt"
	echo
	"$bin/peers.test" -test.run '^$' -test.bench 'Peers/contender=winnow$' -test.cpu 1 -test.benchtime 10x -test.cpuprofile "$bin/winnow.pprof" >/dev/null
	go tool pprof -top -nodecount 15 "$bin/peers.test" "$bin/winnow.pprof"
fi
