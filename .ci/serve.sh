#!/usr/bin/env bash
# `nerchinsk serve` end to end: the explorer page in Debian's headless Chromium driven by
# Playwright (playwright-core from npm, in target/e2e, which git ignores), then a bounded load
# test on loopback (10,000 requests from 32 clients, zero failures). Starts the server on a free
# port and stops it on exit. Run from anywhere: bash .ci/serve.sh
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TERM_COLOR=never

sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
if [ ! -x /usr/bin/chromium ]; then
    echo "installing chromium"
    $sudo apt-get update
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium
fi
e2e=target/e2e
mkdir -p "$e2e"
[ -d "$e2e/node_modules/playwright-core" ] ||
    npm install --prefix "$e2e" --no-audit --no-fund --no-save playwright-core@1

cargo build --release -p nerchinsk-cli --bin nerchinsk --example load

log=$(mktemp)
server=""
cleanup() {
    if [ -n "$server" ]; then
        kill "$server" 2>/dev/null || true
        wait "$server" 2>/dev/null || true
    fi
    rm -f "$log"
}
trap cleanup EXIT
# port 0: the kernel picks a free port; the server prints the address it got
target/release/nerchinsk serve --bind 127.0.0.1 --port 0 2>"$log" &
server=$!
url=""
for _ in $(seq 1 100); do
    url=$(grep -o 'http://127\.0\.0\.1:[0-9]*/' "$log" | head -n 1 || true)
    [ -n "$url" ] && curl -fsS -o /dev/null "${url}api/meta" && break
    kill -0 "$server" 2>/dev/null || { cat "$log"; echo "the server did not start"; exit 1; }
    url=""
    sleep 0.1
done
[ -n "$url" ] || { cat "$log"; echo "the server did not answer in 10 s"; exit 1; }
echo "server at $url"

# the browser test; its screenshot goes to target/e2e (docs/explorer.png is the committed copy)
NODE_PATH="$PWD/$e2e/node_modules" timeout 300 node crates/nerchinsk-cli/e2e/explorer.cjs "$url" "$e2e/explorer.png"

# the load test: exits non-zero on any failure
timeout 600 target/release/examples/load "$url" --requests 10000 --clients 32
