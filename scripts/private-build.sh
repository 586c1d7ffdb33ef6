#!/usr/bin/env bash
# Builds the library into .tmp/<name>/ (its own dist, package.json and a link to dictionaries/) and prints that
# folder, so several people can run the reference scorers at once without racing on dist/:
#   VIETNLP_DIR=$(bash scripts/private-build.sh me) node ../shared/tools/score/ner.mjs ../shared/corpus/dev
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:-private}
out=.tmp/$name
mkdir -p "$out"
npx tsup src/index.ts --format esm --out-dir "$out/dist" --no-dts --silent --target node20 --platform node >/dev/null
cp package.json "$out/package.json"
ln -sfn "$(pwd)/dictionaries" "$out/dictionaries"
echo "$(pwd)/$out"
