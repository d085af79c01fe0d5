"""CC-NEWS-shaped WARC files written from scratch, for the WARC and Spark
tests and scripts/spark-throughput.py: gzipped records (one per gzip member,
as Common Crawl writes them), a warcinfo record first, then for each page a
request record and a response record whose HTTP payload is an article built
from the templates below (invented people, places and sentences; nothing
copied from any corpus). Every article differs (names, numbers and sentence
choice come from a seeded random generator), so no page is a duplicate of
another and `newsgraph ingest` stores every one.

The damaged records of the tests (`bad_members`) are built the same way and
then broken: a corrupt gzip member, a record shorter than its
Content-Length, a binary payload, and a payload of 100 MB.
"""

from __future__ import annotations

import datetime
import gzip
import random
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Sequence

PEOPLE = [
    "Maria Lindqvist", "Tomas Okafor", "Aiko Tanabe", "Rafael Monteiro", "Leila Haddad",
    "Pieter van Aalst", "Grace Mwangi", "Sunil Rao", "Elena Petrescu", "Jonah Whitfield",
    "Nadia Karimova", "Oscar Villalba", "Hannah Brandt", "Kwame Asante", "Ingrid Solberg",
]
COUNTRIES = [
    ("France", "French", "Paris"), ("Kenya", "Kenyan", "Nairobi"), ("Brazil", "Brazilian", "Brasilia"),
    ("Japan", "Japanese", "Tokyo"), ("Egypt", "Egyptian", "Cairo"), ("Canada", "Canadian", "Ottawa"),
    ("India", "Indian", "New Delhi"), ("Norway", "Norwegian", "Oslo"), ("Chile", "Chilean", "Santiago"),
    ("Vietnam", "Vietnamese", "Hanoi"), ("Poland", "Polish", "Warsaw"), ("Nigeria", "Nigerian", "Abuja"),
]
ROLES = ["foreign minister", "prime minister", "defence minister", "trade minister", "president"]
TOPICS = ["trade", "energy", "fishing rights", "border security", "water sharing", "rail links"]

TEMPLATES = [
    "{Country1}'s {role} {Person} met {Country2}'s ambassador in {City1} on {day} to discuss {topic}.",
    "{Country1} condemned the attack on {Country2}'s embassy in {City1}, calling it a violation of international law.",
    '"We will not accept these terms," {Person} told reporters in {City1} on {day}.',
    "Police in {City2} arrested {n} protesters after clashes near the parliament on {day}.",
    "{Country1} and {Country2} signed an agreement on {day} to expand cooperation on {topic}.",
    "{Person}, a spokesman for the {adj1} government, said the talks on {topic} would continue next week.",
    "The government of {Country1} accused {Country2} of supporting rebels in the north.",
    "{Country1} pledged {n} million dollars in aid to {Country2} after the floods.",
    "{adj2} troops withdrew from the disputed area near {City2}, officials said.",
    "{Person2} said {Country2} was ready to resume negotiations on {topic} if the blockade ended.",
    "Analysts in {City1} said the decision could affect {topic} across the region for years.",
    "The meeting was the first of its kind since {year}, when relations collapsed over {topic}.",
    "{Country2} expelled {n} {adj1} diplomats on {day}, the foreign ministry said.",
    "Hundreds of people gathered in {City2} to demand the release of detained journalists.",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def article(rng: random.Random, number: int, paragraphs: tuple[int, int] = (5, 9)) -> tuple[str, str]:
    """A headline and its article: 5–9 paragraphs (by default) of 3–5
    sentences (about 400–800 words, the length of a wire story), each
    paragraph about the story's first country and one other."""
    (c1, a1, t1) = rng.choice(COUNTRIES)
    topic = rng.choice(TOPICS)
    texts = []
    for _ in range(rng.randint(*paragraphs)):
        (c2, a2, t2) = rng.choice([c for c in COUNTRIES if c[0] != c1])
        p1, p2 = rng.sample(PEOPLE, 2)
        slots = dict(
            Country1=c1, Country2=c2, adj1=a1, adj2=a2, City1=t1, City2=t2, Person=p1, Person2=p2,
            role=rng.choice(ROLES), topic=topic, day=rng.choice(DAYS),
            n=rng.randint(3, 400), year=rng.randint(1990, 2019),
        )
        texts.append(" ".join(t.format(**slots) for t in rng.sample(TEMPLATES, rng.randint(3, 5))))
    # A number no other article has, so that no two texts are the same.
    texts.append(f"The report was filed as dispatch {number} by the {t1} bureau.")
    title = f"{c1} at odds with its neighbours over {topic}"
    return title, "\n".join(f"<p>{p}</p>" for p in texts)


def page(title: str, body: str, published: datetime.date) -> str:
    """A news page around an article: navigation, headline, date, footer."""
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        f"<title>{title} | The Daily Ledger</title>"
        f'<meta property="article:published_time" content="{published.isoformat()}T08:00:00Z">'
        "</head><body><nav><a href=\"/\">Home</a> <a href=\"/world\">World</a> "
        "<a href=\"/business\">Business</a></nav>"
        f"<article><h1>{title}</h1><p class=\"byline\">By Staff Writer</p>\n{body}\n</article>"
        "<footer>Copyright The Daily Ledger. All rights reserved.</footer></body></html>\n"
    )


def warc_record(warc_type: str, uri: str | None, date: datetime.date, block: bytes,
                content_type: str, declared_length: int | None = None) -> bytes:
    """One WARC/1.0 record; `declared_length` lies about the block's length."""
    headers = [
        ("WARC-Type", warc_type),
        ("WARC-Date", f"{date.isoformat()}T08:00:00Z"),
        ("WARC-Record-ID", f"<urn:uuid:{uuid.uuid4()}>"),
    ]
    if uri is not None:
        headers.append(("WARC-Target-URI", uri))
    headers += [
        ("Content-Type", content_type),
        ("Content-Length", str(len(block) if declared_length is None else declared_length)),
    ]
    head = "WARC/1.0\r\n" + "".join(f"{k}: {v}\r\n" for k, v in headers) + "\r\n"
    return head.encode("ascii") + block + b"\r\n\r\n"


def http_response(body: bytes, content_type: str = "text/html; charset=utf-8") -> bytes:
    head = f"HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nContent-Length: {len(body)}\r\n\r\n"
    return head.encode("ascii") + body


def response(uri: str, date: datetime.date, body: bytes, content_type: str = "text/html; charset=utf-8",
             declared_length: int | None = None) -> bytes:
    return warc_record("response", uri, date, http_response(body, content_type),
                       "application/http; msgtype=response", declared_length)


def member(record: bytes) -> bytes:
    """A record as its own gzip member (fast compression, as crawlers use)."""
    return gzip.compress(record, compresslevel=1)


@dataclass
class Archive:
    """What a generated WARC file holds."""

    path: Path
    pages: List[str] = field(default_factory=list)
    """The URIs of its good pages, in order."""
    html: Dict[str, str] = field(default_factory=dict)
    """Each good page's HTML, by URI."""
    bad: List[str] = field(default_factory=list)
    """What each damaged record is, in order (see `bad_members`)."""


def bad_members(date: datetime.date) -> List[tuple[str, bytes]]:
    """The damaged records: (kind, gzip member bytes)."""
    rng = random.Random(7)
    title, body = article(rng, 10**9)
    good = member(response("http://news.test/corrupt", date, page(title, body, date).encode()))
    corrupt = bytearray(good)
    mid = len(corrupt) // 2
    corrupt[mid:mid + 16] = bytes(b ^ 0x5A for b in corrupt[mid:mid + 16])
    html = page(title, body, date).encode()
    truncated = member(response("http://news.test/truncated", date, html, declared_length=len(html) * 2))
    binary = bytes(rng.randrange(256) for _ in range(4096))
    huge = b"<html><body><p>" + b"all work and no play " * (100 * 1024 * 1024 // 21) + b"</p></body></html>"
    return [
        ("corrupt gzip member", bytes(corrupt)),
        ("truncated record", truncated),
        ("binary payload", member(response("http://news.test/binary", date, binary,
                                           content_type="text/html; charset=utf-8"))),
        ("100 MB payload", member(response("http://news.test/huge", date, huge))),
    ]


def write_archives(folder: Path, files: int, pages_per_file: int, *, seed: int = 1,
                   with_bad: bool = False, paragraphs: tuple[int, int] = (5, 9)) -> List[Archive]:
    """Writes `files` CC-NEWS-shaped archives of `pages_per_file` pages each
    (dated over a week of March 2022); with `with_bad`, the damaged records
    go into the second file between its pages, plus a non-HTML response (an
    image), which is not a page and not an error. `paragraphs`: the range of
    an article's paragraph count (short articles make a quick test)."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    archives = []
    number = 0
    for f in range(files):
        archive = Archive(folder / f"CC-NEWS-20220313-{f:05d}.warc.gz")
        members = [member(warc_record("warcinfo", None, datetime.date(2022, 3, 13),
                                      b"software: warcgen\r\nformat: WARC/1.0\r\n",
                                      "application/warc-fields"))]
        for i in range(pages_per_file):
            number += 1
            date = datetime.date(2022, 3, 13) + datetime.timedelta(days=number % 7)
            uri = f"https://news.test/{date.isoformat()}/story-{number}"
            title, body = article(rng, number, paragraphs)
            request = f"GET /story-{number} HTTP/1.1\r\nHost: news.test\r\n\r\n".encode()
            members.append(member(warc_record("request", uri, date, request,
                                              "application/http; msgtype=request")))
            html = page(title, body, date)
            members.append(member(response(uri, date, html.encode())))
            archive.pages.append(uri)
            archive.html[uri] = html
            if with_bad and f == 1 and i == pages_per_file // 2:
                members.append(member(response("https://news.test/logo.png", date, b"\x89PNG\r\n\x1a\n" * 64,
                                               content_type="image/png")))
                for kind, bad in bad_members(date):
                    members.append(bad)
                    archive.bad.append(kind)
        archive.path.write_bytes(b"".join(members))
        archives.append(archive)
    return archives


def page_count(archives: Sequence[Archive]) -> int:
    return sum(len(a.pages) for a in archives)
