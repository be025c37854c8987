#!/bin/sh
# Runs every comparison of actes with the git binary, in one go, on the same synthetic corpus
# (2,000 instruments x 50 conferences, seed 1, unless told otherwise), with the bench profile
# (optimised), and prints the ratios at the end:
#   build    actes::history::write      vs git fast-import
#   lineage  actes lineage (process)    vs git log --follow
#   blame    actes blame (process and in process) vs git blame
# Usage: benches/compare-with-git.sh [--instruments N] [--conferences M] [--seed S]
# (the options go to `build` and `lineage`; `blame` uses its fixed 2,000 x 50 corpus).
set -eu
cd "$(dirname "$0")/.."
log=$(mktemp -d)
trap 'rm -rf "$log"' EXIT
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(git --version)"
cargo bench --quiet --no-run --bench build --bench lineage --bench blame
for bench in build lineage blame; do
    echo "== $bench"
    cargo bench --quiet --bench "$bench" -- "$@" | tee "$log/$bench"
done
echo "== ratios"
for bench in build lineage blame; do
    grep -E 'ratio' "$log/$bench" | sed -e "s/^ *//" -e "s/^$bench: //" -e "s/^/$bench: /"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
