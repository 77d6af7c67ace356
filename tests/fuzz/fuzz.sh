#!/bin/sh
# fuzz.sh — what `make fuzz` and `make fuzz-report` run (see the Makefile's
# fuzzing section); from the top of the repository.
#
#   sh tests/fuzz/fuzz.sh run NAME...   each harness build-fuzz/fuzz_NAME for
#                                       FUZZ_SECONDS, two at a time (FUZZ_JOBS),
#                                       then its corpus merged into the kept one
#   sh tests/fuzz/fuzz.sh one NAME      one harness (what `run` starts)
#   sh tests/fuzz/fuzz.sh report        a table of the last run, from its logs
#
# A harness's dictionary is tests/fuzz/NAME.dict, its extra libFuzzer flags
# tests/fuzz/NAME.flags (if any).
# Per harness NAME, in FUZZ_DIR (build-fuzz):
#   corpus/NAME/     the inputs it found (its working corpus; kept between runs)
#   crashes/NAME/    what broke a promise (crash-*, leak-*, timeout-*, oom-*)
#   fuzz_NAME.log    libFuzzer's log (-print_final_stats=1)
#   fuzz_NAME.run    seconds, kept corpus before and after the merge
# The kept corpus tests/fuzz/corpus/NAME (replayed by make check) is read
# as a seed, then receives, with -merge=1 -use_counters=0, only the inputs
# that cover new edges, no bigger than FUZZ_MAXLEN bytes: the next run starts where
# this one ended, and the folder stays small.
set -u

FUZZ_DIR=${FUZZ_DIR:-build-fuzz}
FUZZ_SECONDS=${FUZZ_SECONDS:-60}
FUZZ_JOBS=${FUZZ_JOBS:-2}
FUZZ_MAXLEN=${FUZZ_MAXLEN:-4096}
export LSAN_OPTIONS="suppressions=$PWD/tests/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1

count() {
	find "$1" -maxdepth 1 -type f 2>/dev/null | wc -l | tr -d ' '
}

one() {
	n=$1
	bin=$FUZZ_DIR/fuzz_$n
	log=$FUZZ_DIR/fuzz_$n.log
	kept=tests/fuzz/corpus/$n
	mkdir -p "$FUZZ_DIR/corpus/$n" "$FUZZ_DIR/crashes/$n" "$kept"
	dict=
	[ -f "tests/fuzz/$n.dict" ] && dict=-dict=tests/fuzz/$n.dict
	# Extra flags of a harness, one or more a line, # comments.
	flags=
	[ -f "tests/fuzz/$n.flags" ] &&
	    flags=$(sed 's/#.*//' "tests/fuzz/$n.flags" | tr '\n' ' ')
	before=$(count "$kept")
	echo "fuzz_$n: $FUZZ_SECONDS s, log in $log"
	t0=$(date +%s)
	rc=0
	"$bin" -max_total_time="$FUZZ_SECONDS" -timeout=10 -max_len="$FUZZ_MAXLEN" \
	    -print_final_stats=1 $dict $flags -artifact_prefix="$FUZZ_DIR/crashes/$n/" \
	    "$FUZZ_DIR/corpus/$n" "$kept" >"$log" 2>&1 || rc=$?
	t1=$(date +%s)
	# Minimise into the kept corpus: only what adds coverage to it.
	# (A leak at exit, libhyphen's, makes libFuzzer retry: its artifact
	# stays in FUZZ_DIR, neither a crash of the run nor in the checkout.)
	"$bin" -merge=1 -use_counters=0 -max_len="$FUZZ_MAXLEN" -timeout=10 $flags \
	    -artifact_prefix="$FUZZ_DIR/merge_$n-" \
	    "$kept" "$FUZZ_DIR/corpus/$n" >"$FUZZ_DIR/merge_$n.log" 2>&1 ||
	    echo "fuzz_$n: the merge failed, see $FUZZ_DIR/merge_$n.log"
	after=$(count "$kept")
	printf 'seconds %s\nkept_before %s\nkept_after %s\nstatus %s\n' \
	    $((t1 - t0)) "$before" "$after" "$rc" >"$FUZZ_DIR/fuzz_$n.run"
	if [ "$rc" -ne 0 ]; then
		echo "fuzz_$n: FAILED (status $rc), see $log;" \
		    "inputs in $FUZZ_DIR/crashes/$n/"
		return 1
	fi
	echo "fuzz_$n: done, kept corpus $before -> $after files"
}

run() {
	[ $# -gt 0 ] || { echo "usage: fuzz.sh run NAME..." >&2; exit 2; }
	for n; do
		[ -x "$FUZZ_DIR/fuzz_$n" ] ||
		    { echo "fuzz.sh: $FUZZ_DIR/fuzz_$n is missing" >&2; exit 2; }
	done
	printf '%s\n' "$@" |
	    xargs -P "$FUZZ_JOBS" -n 1 sh "$0" one
	rc=$?
	report "$@"
	[ $rc -eq 0 ]
}

# A value of libFuzzer's final stats, or "-".
stat() {
	v=$(sed -n "s/^stat::$1: *//p" "$2" | tail -1)
	echo "${v:--}"
}

report() {
	if [ $# -eq 0 ]; then
		set -- $(ls "$FUZZ_DIR"/fuzz_*.log 2>/dev/null |
		    sed 's|.*/fuzz_\(.*\)\.log$|\1|')
	fi
	[ $# -gt 0 ] || { echo "no fuzzing logs in $FUZZ_DIR (make fuzz)"; exit 0; }
	printf '%-10s %8s %12s %8s %8s %7s %8s %s\n' harness seconds execs \
	    exec/s new cov kept crashes
	for n; do
		log=$FUZZ_DIR/fuzz_$n.log
		[ -f "$log" ] || continue
		secs=$(sed -n 's/^seconds //p' "$FUZZ_DIR/fuzz_$n.run" 2>/dev/null)
		kb=$(sed -n 's/^kept_before //p' "$FUZZ_DIR/fuzz_$n.run" 2>/dev/null)
		ka=$(sed -n 's/^kept_after //p' "$FUZZ_DIR/fuzz_$n.run" 2>/dev/null)
		cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | cut -d' ' -f2)
		crashes=$(grep -c 'Test unit written to' "$log")
		printf '%-10s %8s %12s %8s %8s %7s %8s %s\n' "$n" "${secs:--}" \
		    "$(stat number_of_executed_units "$log")" \
		    "$(stat average_exec_per_sec "$log")" \
		    "$(stat new_units_added "$log")" "${cov:--}" \
		    "${kb:--}->${ka:--}" "$crashes"
		grep 'Test unit written to' "$log" | sed 's/^.*written to /    /'
	done
}

cmd=${1:-}
[ $# -gt 0 ] && shift
case $cmd in
run) run "$@" ;;
one) one "$1" ;;
report) report "$@" ;;
*) echo "usage: fuzz.sh run NAME... | one NAME | report [NAME...]" >&2; exit 2 ;;
esac
