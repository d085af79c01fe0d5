#!/usr/bin/env bash
# Source this file, from the repository's root, to serve a database for the
# length of a script:
#   . scripts/test-server.sh              # sets $work, a scratch directory
#   start_server "$db" [serve flags]      # with $bin set: sets $port and $base
# start_server runs `$bin serve` on a free loopback port (its output in
# $work/serve.log), waits until /api/stats answers, and ends the script
# with the server's log if it never does. On exit the server is stopped and
# $work removed.
work=$(mktemp -d)
server_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

start_server() {
  local db=$1
  shift
  # Port 0 would be best, but the clients need to know the port: pick a free one.
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  base="http://127.0.0.1:$port"
  "$bin" serve --db "$db" --addr "127.0.0.1:$port" "$@" >"$work/serve.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 100); do curl -sf "$base/api/stats" >/dev/null 2>&1 && break; sleep 0.1; done
  curl -sf "$base/api/stats" >/dev/null || { cat "$work/serve.log"; exit 1; }
}
