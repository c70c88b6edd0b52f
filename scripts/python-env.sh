# Sourced by scripts: python_env REQUIREMENTS makes a virtual environment
# with those packages (from PyPI, once per machine: it lives in the user's
# cache, so fresh clones reuse it) and sets XSELL_PY to its python.
python_env() {
  local venv="${XDG_CACHE_HOME:-$HOME/.cache}/xsell/python"
  local stamp="$venv/.installed-$(sha256sum "$1" | cut -c1-16)"
  if [ ! -f "$stamp" ]; then
    printf '\033[1m[setup]\033[0m installing %s into %s (once)\n' "$1" "$venv" >&2
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check -r "$1"
    touch "$stamp"
  fi
  XSELL_PY="$venv/bin/python"
}
