#!/usr/bin/env bash
# bench.sh runs the benchmark suite in bench/ (a module of its own), summarizes
# it with benchstat, prints each ucwa/peer ratio against its target with PASS
# or MISS, rewrites BENCHMARKS.md from the run, and draws the size sweep in
# BENCHMARKS-size.svg.
#
# Usage (from anywhere in the repository):
#   scripts/bench.sh                          # COUNT=6 BENCHTIME=500ms, about 10 minutes on 2 cores
#   COUNT=2 BENCHTIME=200ms scripts/bench.sh  # a quick run; BENCHMARKS.md says it is preliminary
#   REPORT_ONLY=1 scripts/bench.sh            # rewrite BENCHMARKS.md from the last bench/results.txt
#
# Environment:
#   COUNT       rounds (default 6; fewer than 6 marks the report preliminary)
#   BENCHTIME   -benchtime (default 500ms)
#   BENCH       -bench regexp (default .)
#   PARALLEL    -bench regexp of the benchmarks also run with -cpu 1, after
#               the suite in each round (default Parallel; empty: none)
#   RESULTS     raw `go test` output (default bench/results.txt)
#   REPORT      the markdown written (default BENCHMARKS.md)
#   PLOT        the SVG of the size sweep (default BENCHMARKS-size.svg); it is
#               left as it was when the results hold no sweep
#   REPORT_ONLY when set, do not run the benchmarks: report on RESULTS as it is
#
# The suite is built with GOEXPERIMENT=jsonv2, so that encoding/json/v2 joins
# the JSON peers (bench/jsonv2_test.go).
#
# benchstat comes from the Go module proxy through `go run`, pinned below. If
# it cannot be had, the report is written without its table (the ratios are
# computed here from the raw results, as medians over the runs). The plot is
# drawn by bench/internal/plot, a Go program of the repository.
set -euo pipefail

cd "$(dirname "$0")/.."

COUNT=${COUNT:-6}
BENCHTIME=${BENCHTIME:-500ms}
BENCH=${BENCH:-.}
PARALLEL=${PARALLEL-Parallel}
RESULTS=${RESULTS:-bench/results.txt}
REPORT=${REPORT:-BENCHMARKS.md}
PLOT=${PLOT:-BENCHMARKS-size.svg}
BENCHSTAT=golang.org/x/perf/cmd/benchstat@v0.0.0-20260908200009-22c9c6c9d4da

# The suite runs COUNT times with -count 1, not once with -count COUNT: that
# would run each sub-benchmark COUNT times in a row, ucwa's runs a minute
# apart from a peer's, and on a shared VM whose speed drifts over minutes
# the ratio would depend on which stretch each landed in. In rounds, ucwa and
# its peers run seconds apart every time.
#
# The parallel benchmarks (b.RunParallel) run with the suite at the machine's
# GOMAXPROCS, and again with -cpu 1: the two times per op give how decoding
# throughput grows with the cores. Their names keep the -cpu suffix here, as
# "@2" and "@1" ("DecodeResourceJSONParallel/ucwa@2").
once="GOEXPERIMENT=jsonv2 go test . -run '^\$' -bench '$BENCH' -count 1 -benchtime $BENCHTIME -timeout 60m"
if [[ -n $PARALLEL ]]; then
	once="$once && GOEXPERIMENT=jsonv2 go test . -run '^\$' -bench '$PARALLEL' -cpu 1 -count 1 -benchtime $BENCHTIME"
fi
cmd="for round in \$(seq $COUNT); do (cd bench && $once); done"
if [[ -z ${REPORT_ONLY:-} ]]; then
	echo "running: $cmd" >&2
	load_before=$(cut -d' ' -f1-3 /proc/loadavg)
	eval "$cmd" | tee "$RESULTS"
	load_after=$(cut -d' ' -f1-3 /proc/loadavg)
	# Record how the results were made, in lines benchstat ignores.
	{
		echo "# command: $cmd"
		echo "# count: $COUNT"
		echo "# loadavg before: $load_before"
		echo "# loadavg after: $load_after"
	} >>"$RESULTS"
else
	cmd=$(sed -n 's/^# command: //p' "$RESULTS" | head -1)
	COUNT=$(sed -n 's/^# count: //p' "$RESULTS" | head -1)
	load_before=$(sed -n 's/^# loadavg before: //p' "$RESULTS" | head -1)
	load_after=$(sed -n 's/^# loadavg after: //p' "$RESULTS" | head -1)
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

stat="$tmp/benchstat.txt"
if ! go run "$BENCHSTAT" "$RESULTS" >"$stat" 2>"$tmp/benchstat.err"; then
	echo "benchstat failed; the report has no benchstat table:" >&2
	cat "$tmp/benchstat.err" >&2
	echo "(benchstat could not be run: $(head -1 "$tmp/benchstat.err"))" >"$stat"
fi

# Medians per benchmark and unit: "Workload/impl unit median" (see above for
# the parallel ones).
awk '/^Benchmark/ {
	name = $1; sub(/^Benchmark/, "", name)
	cpu = 1
	if (match(name, /-[0-9]+$/)) { cpu = substr(name, RSTART + 1); name = substr(name, 1, RSTART - 1) }
	if (name ~ /Parallel\//) name = name "@" cpu
	for (i = 3; i < NF; i += 2) print name, $(i+1), $i
}' "$RESULTS" | sort -k1,1 -k2,2 -k3,3g | awk '
function flush() {
	if (n == 0) return
	if (n % 2) m = v[(n+1)/2]; else m = (v[n/2] + v[n/2+1]) / 2
	print key, m
}
{ k = $1 " " $2; if (k != key) { flush(); key = k; n = 0 } v[++n] = $3 }
END { flush() }' >"$tmp/medians.txt"

# Each round's time per op: "Workload/impl round ns", the round counted per
# benchmark, so that a ratio can be taken within each round.
awk '/^Benchmark/ {
	name = $1; sub(/^Benchmark/, "", name)
	cpu = 1
	if (match(name, /-[0-9]+$/)) { cpu = substr(name, RSTART + 1); name = substr(name, 1, RSTART - 1) }
	if (name ~ /Parallel\//) name = name "@" cpu
	print name, ++round[name], $3
}' "$RESULTS" >"$tmp/rounds.txt"

# Targets: workload, subject (a ucwa implementation), peer ("-" for an
# absolute target on the subject; "Workload/impl" for one of another
# workload), unit, limit. A ratio target is met when subject/peer time per op
# is at most the limit; an absolute one when the subject's median is at most
# the limit. A target whose subject or peer has no result in the run (a run
# of some of the benchmarks only) is reported as such, apart from the misses.
# Lines starting with # are comments.
cat >"$tmp/targets.txt" <<'EOF'
EncodeInputJSON ucwa goccy ns/op 0.3
EncodeInputJSON ucwa encoding-json ns/op 0.2
EncodeInputXML ucwa encoding-xml ns/op 0.025
EncodeInputXML ucwa etree ns/op 0.025
EncodeTypedInputJSON ucwa goccy ns/op 0.3
EncodeTypedInputJSON ucwa - allocs/op 0
DecodeResourceJSON ucwa goccy-struct ns/op 0.5
DecodeResourceJSON ucwa - allocs/op 40
DecodeResourceXML ucwa encoding-xml ns/op 0.1
DecodeResourceXML ucwa etree ns/op 0.08
EncodeResourceJSON ucwa goccy ns/op 0.5
EncodeResourceJSON ucwa - allocs/op 0
EncodeResourceXML ucwa - allocs/op 0
DecodeEventsJSON ucwa goccy-map ns/op 0.5
DecodeEventsXML ucwa etree ns/op 0.1
# Performance, round two: the reusable decoder against the fastest peers,
# and the encoder against goccy and the plain copy.
DecodeResourceJSON ucwa-reused fastjson-reused ns/op 1.0
DecodeResourceJSON ucwa-reused goccy-struct ns/op 0.35
DecodeResourceJSON ucwa-reused - allocs/op 0
DecodeResourceXML ucwa-reused gosax ns/op 1.5
DecodeResourceXML ucwa-reused DecodeResourceJSON/ucwa-reused ns/op 1.2
DecodeResourceXML ucwa-reused - allocs/op 0
DecodeEventsJSON ucwa-reused - allocs/op 0
DecodeEventsXML ucwa-reused - allocs/op 0
EncodeResourceJSON ucwa goccy ns/op 0.3
EncodeResourceJSON ucwa copy ns/op 15
# At least 1.8x the throughput on two cores: at most 1/1.8 of the time per op.
DecodeResourceJSONParallel ucwa-reused@2 DecodeResourceJSONParallel/ucwa-reused@1 ns/op 0.556
EOF

# report.awk reads the medians, then the targets, and prints the markdown
# table; the same verdicts, for the terminal, go to stderr.
cat >"$tmp/report.awk" <<'EOF'
function dur(ns) {
	if (ns >= 1e6) return sprintf("%.2f ms", ns / 1e6)
	if (ns >= 1e3) return sprintf("%.2f µs", ns / 1e3)
	return sprintf("%.1f ns", ns)
}
function absent(what) {
	printf("| %s | %s | no result | | | %s | not run |\n", w, what, limit)
	printf("%-20s %-40s no result (not in this run)\n", w, what) > "/dev/stderr"
	none++
}
FILENAME == ARGV[1] { med[$1, $2] = $3; next }
FILENAME == ARGV[2] { t[$1, $2] = $3; if ($2 > rounds[$1]) rounds[$1] = $2; next }
/^#/ || NF < 5 { next }
{
	w = $1; subj = $2; peer = $3; unit = $4; limit = $5
	sk = w "/" subj
	pk = (peer ~ /\//) ? peer : w "/" peer
	u = med[sk, unit]
	if (peer == "-") {
		if (u == "") { absent(subj " " unit); next }
		ok = (u + 0 <= limit + 0)
		line = sprintf("| %s | %s %s | %g | | | ≤ %g | %s |", w, subj, unit, u, limit, ok ? "PASS" : "**MISS**")
		printf("%-20s %-40s %10g    target ≤ %-7s %s\n", w, subj " " unit, u, limit, ok ? "PASS" : "MISS") > "/dev/stderr"
	} else {
		pv = med[pk, unit]
		# A peer of the same workload is named by its impl alone.
		pname = (index(peer, w "/") == 1) ? substr(peer, length(w) + 2) : peer
		if (u == "" || pv == "" || pv + 0 == 0) { absent(subj "/" pname " time"); next }
		r = u / pv; ok = (r <= limit + 0)
		# The ratio within each round, the subject's run over the peer's of
		# the same round: its range shows how far one round can be from the
		# median.
		lo = ""; hi = ""; below = 0; n = 0
		for (k = 1; k <= rounds[sk] && k <= rounds[pk]; k++) {
			if (t[pk, k] + 0 == 0) continue
			rk = t[sk, k] / t[pk, k]; n++
			if (lo == "" || rk < lo) lo = rk
			if (hi == "" || rk > hi) hi = rk
			if (rk <= limit + 0) below++
		}
		spread = n ? sprintf("%.3f–%.3fx (%d of %d)", lo, hi, below, n) : ""
		line = sprintf("| %s | %s/%s time | %.3fx | %s vs %s | %s | ≤ %gx | %s |", w, subj, pname, r, dur(u), dur(pv), spread, limit, ok ? "PASS" : "**MISS**")
		printf("%-20s %-40s %9.3fx    target ≤ %-7s %s\n", w, subj "/" pname, r, limit "x", ok ? "PASS" : "MISS") > "/dev/stderr"
	}
	print line
	if (!ok) miss++
}
END { printf("%d target(s) missed, %d without a result\n", miss, none) > "/dev/stderr" }
EOF

{
	echo "| Workload | Measure | Value | Time/op (subject vs peer) | Rounds: range (at target) | Target | Result |"
	echo "| --- | --- | --- | --- | --- | --- | --- |"
	awk -f "$tmp/report.awk" "$tmp/medians.txt" "$tmp/rounds.txt" "$tmp/targets.txt"
} >"$tmp/targets.md" 2>"$tmp/targets.term"

# Every ratio, target or not, in the order of the suite: each ucwa
# implementation (ucwa, ucwa-reused, …) over each peer of its workload.
awk -v workloads="EncodeInputJSON EncodeInputXML EncodeTypedInputJSON DecodeResourceJSON DecodeResourceXML EncodeResourceJSON EncodeResourceXML DecodeEventsJSON DecodeEventsXML" '
function dur(ns) {
	if (ns >= 1e6) return sprintf("%.2f ms", ns / 1e6)
	if (ns >= 1e3) return sprintf("%.2f µs", ns / 1e3)
	return sprintf("%.1f ns", ns)
}
{ split($1, p, "/"); med[$1, $2] = $3 }
$2 == "ns/op" && p[2] ~ /^ucwa/ && !seenS[$1]++ { subjects[p[1]] = subjects[p[1]] " " p[2] }
$2 == "ns/op" && p[2] !~ /^ucwa/ && !seenP[$1]++ { peers[p[1]] = peers[p[1]] " " p[2] }
END {
	print "| Benchmark | ucwa | ucwa time/op | peer time/op | ucwa/peer | ucwa allocs/op | peer allocs/op |"
	print "| --- | --- | --- | --- | --- | --- | --- |"
	nw = split(workloads, ws, " ")
	for (i = 1; i <= nw; i++) {
		ns = split(subjects[ws[i]], ss, " ")
		np = split(peers[ws[i]], ps, " ")
		for (k = 1; k <= ns; k++) {
			u = ws[i] "/" ss[k]
			for (j = 1; j <= np; j++) {
				b = ws[i] "/" ps[j]
				printf("| %s | %s | %s | %s | %.3fx | %g | %g |\n", b, ss[k], dur(med[u, "ns/op"]), dur(med[b, "ns/op"]),
					med[u, "ns/op"] / med[b, "ns/op"], med[u, "allocs/op"], med[b, "allocs/op"])
			}
		}
	}
}' "$tmp/medians.txt" >"$tmp/ratios.md"

# The size sweep: time per op (and MB/s) per size, a column per format and
# series found, sizes in growing order. The same medians make the plot.
awk -v sizes="1KB 4KB 16KB 64KB 256KB 1MB" '
function colKey(c,   f) { split(c, f, " "); return f[1] " " (f[2] ~ /^ucwa/ ? "0" : "1") f[2] }
function dur(ns) {
	if (ns >= 1e6) return sprintf("%.2f ms", ns / 1e6)
	if (ns >= 1e3) return sprintf("%.2f µs", ns / 1e3)
	return sprintf("%.1f ns", ns)
}
{ n = split($1, p, "/") }
p[1] == "DecodeResourceSize" && n == 4 {
	col = p[2] " " p[4]
	if (!(col in seen)) { seen[col] = 1; cols[++nc] = col }
	v[p[3], col, $2] = $3
}
END {
	if (nc == 0) { print "(no size sweep in this run)"; exit }
	# By format, then the ucwa series first: the medians come sorted by name.
	for (a = 1; a <= nc; a++) for (b = a + 1; b <= nc; b++) if (colKey(cols[b]) < colKey(cols[a])) { x = cols[a]; cols[a] = cols[b]; cols[b] = x }
	head = "| Body |"; rule = "| --- |"
	for (c = 1; c <= nc; c++) { head = head " " cols[c] " |"; rule = rule " --- |" }
	print head; print rule
	ns = split(sizes, s, " ")
	for (i = 1; i <= ns; i++) {
		line = "| " s[i] " |"; any = 0
		for (c = 1; c <= nc; c++) {
			t = v[s[i], cols[c], "ns/op"]; m = v[s[i], cols[c], "MB/s"]
			if (t == "") { line = line " |"; continue }
			any = 1
			line = line sprintf(" %s (%.0f MB/s) |", dur(t), m)
		}
		if (any) print line
	}
}' "$tmp/medians.txt" >"$tmp/sweep.md"

# Scaling with cores: each parallel decoder's time per op at one core over
# its time at the most cores the run has.
awk '
function dur(ns) {
	if (ns >= 1e6) return sprintf("%.2f ms", ns / 1e6)
	if (ns >= 1e3) return sprintf("%.2f µs", ns / 1e3)
	return sprintf("%.1f ns", ns)
}
$2 == "ns/op" && $1 ~ /Parallel\/.*@[0-9]+$/ {
	at = index($1, "@"); b = substr($1, 1, at - 1); cpu = substr($1, at + 1) + 0
	if (!(b in seen)) { seen[b] = 1; order[++n] = b }
	t[b, cpu] = $3
	if (cpu > top[b]) top[b] = cpu
}
END {
	if (n == 0) { print "(no parallel benchmark in this run)"; exit }
	print "| Benchmark | time/op, 1 core | time/op, N cores | throughput N cores / 1 core |"
	print "| --- | --- | --- | --- |"
	for (i = 1; i <= n; i++) {
		b = order[i]; c = top[b]
		if (t[b, 1] == "" || c < 2) { printf("| %s | %s | | |\n", b, dur(t[b, 1])); continue }
		printf("| %s | %s | %s (N = %d) | %.2fx |\n", b, dur(t[b, 1]), dur(t[b, c]), c, t[b, 1] / t[b, c])
	}
}' "$tmp/medians.txt" >"$tmp/cores.md"

# The plot, by the repository's own program; kept as it was when the run has
# no sweep.
results_abs=$(cd "$(dirname "$RESULTS")" && pwd)/$(basename "$RESULTS")
plot_abs=$(cd "$(dirname "$PLOT")" && pwd)/$(basename "$PLOT")
if grep -q '^BenchmarkDecodeResourceSize/' "$RESULTS"; then
	(cd bench && go run ./internal/plot -in "$results_abs" -out "$plot_abs") && echo "wrote $PLOT" >&2
else
	echo "no size sweep in $RESULTS: $PLOT left as it was" >&2
fi

# sonic skips its cases where it would run encoding/json in its place.
if grep -q '^BenchmarkDecodeResourceJSON/sonic-struct' "$RESULTS"; then
	sonic_note="sonic ran natively: its just-in-time compiler supports this toolchain and CPU (sonic.APIKind is UseSonicJSON; the sonic cases skip themselves where it is not)."
else
	sonic_note="sonic has no result in this run: $(grep -m1 -A1 'SKIP: BenchmarkDecodeResourceJSON/sonic' "$RESULTS" | tail -1 | sed 's/^[[:space:]]*//')"
fi

cat "$tmp/targets.term" >&2

status="Full run."
if ((COUNT < 6)); then
	status="**Preliminary**: $COUNT runs per benchmark (6 or more are needed for benchstat's confidence intervals to mean much), on a shared 2-core machine. Rerun \`scripts/bench.sh\` for numbers to quote."
fi

{
	cat <<EOF
# Benchmarks

$status

Generated by \`scripts/bench.sh\` on $(date -u +%Y-%m-%d); do not edit by hand. Raw
results: \`bench/results.txt\` (compare two runs with benchstat). The suite is
\`bench/\`, a Go module of its own, so that its peers stay out of the
library's go.mod.

Every workload runs ucwa and the codecs a user would otherwise use on the
same input in the same binary, so read the **ratios**, not the absolute
times. Each benchmark checks its result once before timing (encoders: the
exact bytes, or a ucwa re-decode where a peer cannot write the same bytes;
decoders: self link, embedded resources, link and property counts and
selected values); \`go test ./...\` in \`bench/\` runs all those checks in
about a second. The input encoders, whose op takes nanoseconds, each loop in
their own function, as a user's loop would: a call per op through the
harness cost ucwa's XML input encoding about 2.5 ns, a sixth of its time.
The other workloads pay that call, a thousandth of their op or less (a
fortieth of the plain copy's).

## Bodies

The bodies are the project's own: \`bench/internal/bodies\` builds them as
ucwa values with made-up values under UCWA's names, encodes them with the
ucwa encoder and indents them as a UCWA server does; \`bench/testdata/\`
holds the result for reading, and a test checks that it is what the
generator builds. They have the shape, and within 4% the size, of the
reference's examples that the suite read until it generated its own, so the
ratios compare with earlier runs of this report.

## Workloads

- **EncodeInputJSON / EncodeInputXML**: the continuePhoneAudio POST body
  (operationId, phoneNumber). ucwa: \`ContinuePhoneAudio.AppendJSON/AppendXML\`
  into a reused buffer. goccy and encoding/json: a struct with json tags
  through \`NewEncoder\` on a reused \`bytes.Buffer\`, HTML escaping off,
  newline trimmed (faster than \`Marshal\`, which allocates the result).
  encoding/xml: \`Encoder.EncodeToken\` on a reused buffer with the
  value-independent tokens built once (faster than \`Encode\` of a tagged
  struct, which cannot write UCWA's declaration anyway). etree: the document
  built once; each op sets the two values and calls \`Document.WriteTo\` on a
  reused buffer. All write exactly the same bytes.
- **EncodeTypedInputJSON**: the startMessaging POST body (operationId, to,
  importance, subject, threadId, and its message as a link to a 160-byte
  base64 data URI), typed. ucwa: \`api.StartMessaging.AppendJSON\` into a
  reused buffer, validating the input first as it always does; ucwa-input:
  the generic \`Input\` of the same parameters, built once. goccy and
  encoding/json: a tagged struct (the optional parameters \`omitempty\`, the
  link a pointer), as in EncodeInputJSON. All write exactly the same bytes.
- **DecodeResourceJSON / DecodeResourceXML**: the application resource as a
  server answers GET on it, with its four embedded resources (communication,
  me, onlineMeetings, people: 50 links and 33 properties in all;
  \`bench/testdata/application.json\`, 7.1 KB indented; \`application.xml\`,
  6.9 KB). goccy-map and encoding-json-map: \`Unmarshal\` into
  \`map[string]any\`. goccy-struct, sonic-struct and jsonv2-struct:
  \`Unmarshal\` into a typed struct of the resource (links as
  \`map[string]Link\`, each embedded resource typed) with goccy/go-json,
  bytedance/sonic (\`sonic.Unmarshal\`, default configuration: like goccy's,
  it copies the body first) and encoding/json/v2 (built with
  \`GOEXPERIMENT=jsonv2\`). fastjson-reused: valyala/fastjson's \`Parser\`,
  reused: it checks the syntax and builds its own tree of values, leaving
  strings unescaped until read; the tree stays valid until the next
  \`Parse\`. encoding-xml: a \`Decoder.Token\` loop building the same tree
  (rel, href, links, properties, lists, embedded resources); etree:
  \`ReadFromBytes\` into a new document. gosax: orisano/gosax's tokenizer
  over the whole body, its \`Reader\` and buffer reused, counting the start
  tags: no tree, no names or attributes parsed, no check that tags match
  (its check reads the same tokens into a tree once). ucwa-reused: a
  \`ucwa.Decoder\` reused for every op, which reads each body in the memory of
  the last: its values stay valid until its next decode, as fastjson's
  until the next \`Parse\`. Every other op decodes into a fresh value.
- **EncodeResourceJSON / EncodeResourceXML**: the same resource, decoded once,
  written into a reused buffer. goccy encodes the typed struct through an
  \`Encoder\`, sonic with \`encoder.EncodeInto\` into a reused slice;
  encoding/xml writes the token loop's tree with \`EncodeToken\`; etree
  writes the document it read, unindented. copy appends the bytes ucwa
  writes to a reused buffer: the floor no encoder can go below.
- **DecodeEventsJSON / DecodeEventsXML**: an event-channel response with four
  senders, nine events and five embedded resources
  (\`bench/testdata/events.{json,xml}\`, 5.8 and 5.2 KB), the shape of the
  reference's examples in EventChannelDetails, EventsInUCWA and
  OperationResource. ucwa and ucwa-reused as for the resource; goccy-map:
  \`Unmarshal\` into \`map[string]any\`; etree: \`ReadFromBytes\`.
- **DecodeResourceSize**: the application resource scaled: compact bodies
  embedding 1 to about 860 copies of its embedded resources (each rel's
  copies in an array), from 1.3 KB to 1 MB of JSON; the XML of the same
  resource is about a fifth larger. JSON: ucwa, ucwa-reused, goccy-struct
  (the embedded resources in typed slices) and fastjson-reused; XML: ucwa,
  ucwa-reused and gosax. Named
  \`format/size/series\`; the plot below draws whichever series the run has.
- **DecodeResourceJSONParallel**: the body of DecodeResourceJSON decoded on
  every goroutine of \`b.RunParallel\` by ucwa, ucwa-reused and fastjson-reused,
  each goroutine with its own decoder or parser (fastjson's growth shows what
  the machine gives a decoder that allocates nothing);
  \`@2\` is the run at GOMAXPROCS (2 here), \`@1\` the run with \`-cpu 1\`.

## Machine

\`\`\`
$(go version)
$(uname -a)
$(grep -m1 'model name' /proc/cpuinfo | sed 's/^model name[[:space:]]*: //') ($(nproc) cores)
\`\`\`

$sonic_note

The machine is a VM shared with other work (other agents build and test on
the same two cores while the suite runs): read the ratios, not the times.
Load average (1, 5, 15 min) before the run: ${load_before:-unknown}; after:
${load_after:-unknown}. A load above the number of cores means other work
shared the CPUs and the times are noisy; the ratios suffer less, as both
sides ran under it.

The VM's speed drifts over minutes, which is why the suite runs in rounds
(see Command). Even so, whole runs vary more than the rounds within one: on
the 2-core VM these numbers were first made on, runs of the same code, with
\`-count 6\` twenty minutes apart, gave ucwa/goccy-struct 0.52x to 0.66x for
DecodeResourceJSON. Read a ratio near its target as a range.

The decoders' times depend on the garbage collector as much as on their own
code. A collection runs every few MB allocated, and on this VM a cycle's
fixed cost (the signals, futex waits and wake-ups of each cycle: a quarter
of the samples of \`perf record\` on DecodeResourceJSON/ucwa) lands on the
decoding goroutine, or beside it when the second core is free. So time per
op follows the bytes allocated per op (B/op in the benchstat table) as well
as the work of the decode, and a ratio moves with the peer's share of that
cost: between two full runs, ucwa's median for that workload moved from
10.3 to 9.9 µs and goccy-struct's from 19.9 to 15.9 µs.

## Command

\`\`\`
$cmd
\`\`\`

## Targets

Ratios are the subject's median time per op over the peer's (lower is
better); the verdict is the median's. Rounds gives the lowest and highest
ratio of the subject's run over the peer's run of the same round, and in how
many rounds the ratio was at the target: how far a single run can land from
the median. The subject ucwa is the one-shot decoder or the encoder;
ucwa-reused is the reusable decoder, \`ucwa.Decoder\`; a row whose
benchmarks the run did not include reads "not run".

$(cat "$tmp/targets.md")

## All ratios

$(cat "$tmp/ratios.md")

## Size sweep

Time per op (and throughput) of each decoder on the application resource
scaled from 1 KB to 1 MB; medians of the rounds.

![Time per op against body size, log-log, one line per decoder](${PLOT})

$(cat "$tmp/sweep.md")

## Scaling with cores

\`DecodeResourceJSONParallel\` decodes the application resource on every
goroutine of \`b.RunParallel\`, each with its own decoder, in the suite (at
GOMAXPROCS, N) and again with \`-cpu 1\`; medians of the rounds. With N cores
and nothing else running, the throughput could reach N times one core's.

$(cat "$tmp/cores.md")

## benchstat

\`\`\`
$(cat "$stat")
\`\`\`
EOF
} >"$REPORT"

echo "wrote $REPORT" >&2
