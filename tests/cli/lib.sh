# Shared set-up of the CLI shell tests (sourced): AMIP and SOURCE_DIR from the arguments, a
# private work folder removed on exit, fail(), and the extract tests/malformed/_base imported
# into $work/x.sqlite.
amip="$1"
src="$2"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
"$amip" import "$src/tests/malformed/_base" --db "$work/x.sqlite" >/dev/null || fail "import"
