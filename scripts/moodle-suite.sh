#!/usr/bin/env bash
# npm run test:moodle — the Moodle suite: the built zips in a real Moodle 4.5.6.
# Builds when the zips are missing or older than their sources, brings Moodle up
# with the harness beside the project (../shared/moodle, or $MOODLE_HARNESS), then
# runs tests/moodle with playwright.moodle.config.ts. Extra arguments go to Playwright.
set -euo pipefail
cd "$(dirname "$0")/.."

fail() { echo "test:moodle: $*" >&2; exit 1; }

HARNESS="${MOODLE_HARNESS:-../shared/moodle}"
[ -x "$HARNESS/up.sh" ] || fail "no Moodle harness at $HARNESS (expected ../shared/moodle beside the project; set MOODLE_HARNESS to its folder)"
HARNESS="$(cd "$HARNESS" && pwd)"
[ "$(id -u)" = 0 ] || fail "must run as root: $HARNESS/up.sh installs Debian packages and starts PostgreSQL and Apache"
. "$HARNESS/env.sh"
if [ ! -f "${MOODLE_DIR}/.harness-source" ] && [ ! -f "${MOODLE_TARBALL:-$HARNESS/moodle-4.5.6.tar.xz}" ]; then
  fail "no Moodle to install: ${MOODLE_TARBALL:-$HARNESS/moodle-4.5.6.tar.xz} is missing and ${MOODLE_DIR} holds no Moodle"
fi
# the port must be free, or already Moodle's
if (exec 3<>"/dev/tcp/${MOODLE_HOST}/${MOODLE_PORT}") 2>/dev/null; then
  page="$(curl -fsS -m 60 "${MOODLE_URL}/login/index.php" 2>/dev/null || true)"
  grep -qi moodle <<<"$page" ||
    fail "port ${MOODLE_PORT} on ${MOODLE_HOST} is taken by something that is not this Moodle; free it or set MOODLE_PORT"
fi

stale=""
for zip in dist/gijutsu-joho-kanri-scorm12.zip dist/gijutsu-joho-kanri-scorm2004.zip; do
  if [ ! -f "$zip" ] || [ -n "$(find src content scorm scripts/package scripts/content index.html vite.config.ts -newer "$zip" -type f -print -quit)" ]; then stale=1; fi
done
if [ -n "$stale" ]; then
  echo "test:moodle: building the zips" >&2
  npm run build
fi

echo "test:moodle: bringing up Moodle ($HARNESS/up.sh)" >&2
if ! "$HARNESS/up.sh"; then
  fail "$HARNESS/up.sh failed (its message is above; its log files are under /tmp/moodle-harness-*)"
fi

# Every test logs in as student1 before it imports its own activity, and only import.sh creates
# student1 (with the harness course) — on a Moodle just installed, no test could log in. One
# activity of the suite's own, reused while the zip is unchanged, makes sure the learner exists.
echo "test:moodle: the harness course and its learner (import.sh)" >&2
"$HARNESS/import.sh" dist/gijutsu-joho-kanri-scorm12.zip "suite-moodle learner" >/dev/null ||
  fail "$HARNESS/import.sh could not create the harness course and its learner (its message is above)"

export MOODLE_HARNESS="$HARNESS" MOODLE_URL
exec npx playwright test -c playwright.moodle.config.ts "$@"
