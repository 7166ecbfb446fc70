#!/usr/bin/env bash
# A Ballista scheduler and two executors on loopback (free ports picked at random), the test's
# queries through them, every row checked against the core library (examples/ballista_check.rs),
# and a check that both executors ran tasks. Everything started here is killed on exit.
#   bash crates/nerchinsk-datafusion/tests/ballista.sh [ROWS]
set -euo pipefail
cd "$(dirname "$0")/../../.."
rows="${1:-200000}"
# PROFILE=ci (what CI uses, see Cargo.toml) or release (the default)
profile="${PROFILE:-release}"
cargo build --profile "$profile" -p nerchinsk-datafusion --bins --example ballista_check
target="${CARGO_TARGET_DIR:-target}/$profile"
tmp="$(mktemp -d)"
pids=()
cleanup() {
    for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
    for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
    rm -rf "$tmp"
}
trap cleanup EXIT

taken=" "
free_port() { # a port nothing listens on, not handed out before
    local p
    while :; do
        p=$((20000 + RANDOM % 40000))
        [[ "$taken" == *" $p "* ]] && continue
        (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null && continue
        taken+="$p "
        echo "$p"
        return
    done
}
wait_port() { # wait_port PORT NAME LOG
    for _ in $(seq 1 300); do
        (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
        sleep 0.1
    done
    echo "$2 did not open port $1; its log:" >&2
    cat "$3" >&2
    exit 1
}

sp=$(free_port)
"$target/nerchinsk-ballista-scheduler" --bind-host 127.0.0.1 --external-host 127.0.0.1 \
    --bind-port "$sp" >"$tmp/scheduler.log" 2>&1 &
pids+=($!)
wait_port "$sp" scheduler "$tmp/scheduler.log"
for e in 1 2; do
    p=$(free_port)
    g=$(free_port)
    mkdir -p "$tmp/work$e"
    "$target/nerchinsk-ballista-executor" --bind-host 127.0.0.1 --external-host 127.0.0.1 \
        --bind-port "$p" --bind-grpc-port "$g" --scheduler-host 127.0.0.1 --scheduler-port "$sp" \
        --work-dir "$tmp/work$e" --vcores 2 >"$tmp/executor$e.log" 2>&1 &
    pids+=($!)
    wait_port "$p" "executor $e" "$tmp/executor$e.log"
done
sleep 1 # the executors register with the scheduler on their first heartbeat
status=0
"$target/examples/ballista_check" "df://127.0.0.1:$sp" "$rows" || status=$?
for e in 1 2; do
    n=$(grep -c "Finished task" "$tmp/executor$e.log" || true)
    echo "executor $e: $n tasks finished"
    if [ "$n" -eq 0 ]; then
        echo "executor $e ran no task; its log:" >&2
        cat "$tmp/executor$e.log" >&2
        status=1
    fi
done
if [ "$status" -ne 0 ]; then
    echo "--- scheduler log" >&2
    tail -50 "$tmp/scheduler.log" >&2
fi
exit "$status"
