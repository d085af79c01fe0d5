#!/usr/bin/env bash
# Actors as the unit of the record: ingests the 20 news-event dev articles
# (../shared/data/events/news_events_dev.jsonl) and the 122 extraction dev
# pages (../shared/data/extraction/html) into a fresh database and counts
# actor pages (all, with mentions, persons, countries), the persons linked
# across documents under more than one spelling, and the persons whose
# pages carry codes of two countries (listed, with the codes).
#
# Usage: scripts/eval/actors.sh      (from the repository root)
# Needs: target/release/newsgraph (built when missing), python3.
set -euo pipefail
cd "$(dirname "$0")/../.."

SHARED=../shared
EVENTS=$SHARED/data/events/news_events_dev.jsonl
PAGES=$SHARED/data/extraction/html
. scripts/eval/prelude.sh --skip "actors.sh: $EVENTS or $PAGES is absent; evaluation skipped" \
  "$EVENTS" "$PAGES"

# Regression floors over what was measured when they were set (3,279 actor
# pages, 0 persons with two countries): the pages must not split again by
# spelling, and no person may carry two countries the articles did not give.
MAX_PAGES=3400
MAX_TWO_COUNTRIES=0

"$bin" ingest --db "$tmp/dev.db" "$EVENTS" "$PAGES" 2>"$tmp/ingest.log" || { cat "$tmp/ingest.log"; exit 1; }
tail -1 "$tmp/ingest.log"
python3 - "$tmp/dev.db" "$MAX_PAGES" "$MAX_TWO_COUNTRIES" <<'PY'
import sqlite3, sys
db, max_pages, max_two = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
c = sqlite3.connect(db)
one = lambda q: c.execute(q).fetchone()[0]
pages = one("SELECT count(*) FROM actors")
mentioned = one("SELECT count(*) FROM actors WHERE mentions > 0")
persons = one("SELECT count(*) FROM actors WHERE type = 'PERSON'")
countries = one("SELECT count(*) FROM actors WHERE key LIKE 'CODE|%'")
spelled = one("""SELECT count(*) FROM (SELECT n.actor FROM actor_names n JOIN actors a USING (actor)
                 WHERE a.type = 'PERSON' GROUP BY n.actor HAVING count(*) > 1)""")
two = c.execute("""SELECT a.name, group_concat(c.code, ' ') FROM actors a
                   JOIN actor_codes c ON c.actor = a.actor
                   WHERE a.type = 'PERSON' AND substr(c.code, 1, 3) <> '---'
                   GROUP BY a.actor HAVING count(DISTINCT substr(c.code, 1, 3)) > 1""").fetchall()
print(f"actor pages: {pages} ({mentioned} with mentions): {persons} persons, {countries} countries")
print(f"persons seen under more than one spelling: {spelled}")
print(f"persons with codes of two countries: {len(two)}")
for name, codes in two:
    print(f"  {name}: {codes}")
fail = False
if pages > max_pages:
    print(f"REGRESSION: {pages} actor pages > {max_pages}")
    fail = True
if len(two) > max_two:
    print(f"REGRESSION: {len(two)} persons with two countries > {max_two}")
    fail = True
sys.exit(1 if fail else 0)
PY
