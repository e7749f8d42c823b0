#!/usr/bin/env sh
# manage.py with the server's variables, for the steps of README "Production":
#   sudo -u csrportal deploy/manage.sh migrate
# ENV_FILE names another file of variables (default /etc/csrportal/env).
set -eu
cd "$(dirname "$0")/.."
set -a
. "${ENV_FILE:-/etc/csrportal/env}"
set +a
exec "${BIN:-.venv/bin}/python" manage.py "$@"
