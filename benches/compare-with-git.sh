#!/bin/sh
# Times actes' git writer against `git fast-import` on the same synthetic corpus (2,000
# instruments x 50 conferences unless told otherwise) and prints the ratio and peak memory.
# Usage: benches/compare-with-git.sh [--instruments N] [--conferences M] [--seed S]
set -eu
cd "$(dirname "$0")/.."
exec cargo bench --bench build -- "$@"
