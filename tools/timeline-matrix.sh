#!/usr/bin/env bash
# The timeline-under-load matrix (issue 17, docs/BENCHMARKS.md "The matrix"): one and four connections, at
# 250,000 frames/s per connection and at full pace, with follow on, follow off, a filter, the charts open.
# One TimelineUnderLoadBenchmark run (one JVM) per combination, one after the other; each report goes to
# target/matrix/<name>.txt and its table row to target/matrix/table.md.
#
#   tools/timeline-matrix.sh                      # 10 s floods, every combination (about 25 min)
#   SECONDS_=3 tools/timeline-matrix.sh           # smoke: 3 s floods
#   CONNS="1" RATES="0" CASES="filter charts" tools/timeline-matrix.sh
#   JVM_ARGS='-XX:StartFlightRecording=...' tools/timeline-matrix.sh   # passed as -Dbench.jvmArgs
# Other -D options go after: tools/timeline-matrix.sh -Dbench.probes=false
set -u
cd "$(dirname "$0")/.."
SECONDS_=${SECONDS_:-10}
CONNS=${CONNS:-"1 4"}
RATES=${RATES:-"250000 0"}
CASES=${CASES:-"follow nofollow filter charts"}
FILTER=${FILTER:-'dir:in and /^[0-9]{7}[02468]/'}   # the flood's frames carry their index: this matches half
out=target/matrix
mkdir -p "$out"
./mvnw -B -q -o test-compile -Djacoco.skip=true || exit 1
header_done=$(test -s "$out/table.md" && echo yes || echo no)
status=0
for conns in $CONNS; do
  for rate in $RATES; do
    for case in $CASES; do
      name="c${conns}-r${rate}-${case}"
      extra=()
      case $case in
        follow) extra=(-Dbench.follow=true) ;;
        nofollow) extra=(-Dbench.follow=false) ;;
        filter) extra=(-Dbench.follow=true "-Dbench.filter=$FILTER") ;;
        charts) extra=(-Dbench.follow=true -Dbench.charts=true) ;;
        *) echo "unknown case $case (follow nofollow filter charts)" >&2; exit 2 ;;
      esac
      echo "== $name ($(date -u +%H:%M:%S) UTC, load $(cut -d' ' -f1-3 /proc/loadavg))"
      ./mvnw -B -o verify -Djacoco.skip=true -Dtest=TimelineUnderLoadBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
          -Dbench.seconds="$SECONDS_" -Dbench.rate="$rate" -Dbench.connections="$conns" "${extra[@]}" \
          -Dbench.out="$out/$name.txt" ${JVM_ARGS:+"-Dbench.jvmArgs=$JVM_ARGS"} "$@" > "$out/$name.log" 2>&1
      rc=$?
      if [ $rc -ne 0 ] || [ ! -s "$out/$name.txt" ]; then
        echo "   FAILED (rc $rc): see $out/$name.log"; status=1; continue
      fi
      if [ "$header_done" = no ]; then
        grep -A1 '^table row' "$out/$name.txt" | sed -n 2p > "$out/table.md"
        echo "|$(sed -n 1p "$out/table.md" | sed 's/[^|]//g; s/|/---|/g' | sed 's/^---|//')" >> "$out/table.md"
        header_done=yes
      fi
      grep -A2 '^table row' "$out/$name.txt" | sed -n 3p >> "$out/table.md"
      tail -1 "$out/table.md"
    done
  done
done
echo "table: $out/table.md"
exit $status
