#!/usr/bin/env bash
# Builds the project and runs the end-to-end overhead benchmark (benchmarks/README.md).
# Needs wrk on the PATH (Debian: apt-get install wrk). Arguments go to the benchmark,
# e.g. --stacks=mvc --rounds=5 --seconds=15. E2E_SERVER_CPUS and E2E_WRK_CPUS (taskset
# CPU lists, e.g. 0 and 1) pin the applications' JVMs and wrk to separate cores;
# E2E_JAVA_OPTS (space-separated) are added to the applications' JVMs, e.g. a profiler.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { echo "wrk is not installed: apt-get install wrk" >&2; exit 1; }
./mvnw -q -pl benchmarks -am package -DskipTests
pin=()
if [[ -n "${E2E_SERVER_CPUS:-}" ]]; then
	pin=(taskset -c "$E2E_SERVER_CPUS")
fi
exec "${pin[@]}" java -Xmx256m \
	-cp "benchmarks/target/classes:$(cat benchmarks/target/e2e-classpath.txt)" \
	io.queuekeeper.benchmarks.e2e.EndToEndBenchmark "$@"
