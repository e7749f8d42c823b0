#!/usr/bin/env bash
# The production server in one command (`make serve`): refuses to start on a database with
# unapplied migrations, collects the static files, then runs gunicorn (deploy/gunicorn.conf.py)
# and the background worker (manage.py db_worker) side by side. Ctrl-C or SIGTERM stops both;
# if either stops, the other is stopped too. Under systemd use deploy/systemd/ instead.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:-.venv/bin}

if ! output=$("$BIN/python" manage.py migrate --check 2>&1); then
  echo "$output" >&2
  echo >&2
  echo "serve: the database is not ready: it has unapplied migrations, or it cannot be reached." >&2
  echo "serve: after an upgrade run '$BIN/python manage.py migrate' (README, Production: Upgrades)," >&2
  echo "serve: and check DATABASE_URL. Nothing was started." >&2
  exit 1
fi
"$BIN/python" manage.py collectstatic --noinput --verbosity 0

# /metrics adds up the figures of every gunicorn worker through this folder (gunicorn's only).
metrics_dir=${PROMETHEUS_MULTIPROC_DIR:-$(mktemp -d -t csrportal-prometheus.XXXXXX)}

pids=()
stop() {
  trap - INT TERM
  kill -TERM "${pids[@]}" 2>/dev/null || true
  wait "${pids[@]}" 2>/dev/null || true
}
trap 'stop; exit 143' INT TERM

env -u PROMETHEUS_MULTIPROC_DIR "$BIN/python" manage.py db_worker --interval "${WORKER_INTERVAL:-2}" &
pids+=($!)
PROMETHEUS_MULTIPROC_DIR=$metrics_dir "$BIN/gunicorn" -c deploy/gunicorn.conf.py &
pids+=($!)

status=0
wait -n "${pids[@]}" || status=$?
echo "serve: a process stopped (status $status); stopping the other." >&2
stop
exit "$status"
