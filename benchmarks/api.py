"""HTTP API latency beside the same work done in-process, measured in one run.

    python benchmarks/api.py [--events 1000000] [--requests 40] [--code-requests 15]

1. Builds a database of N synthetic event mentions (default one million) with SQL straight into the
   DuckDB schema, so no coder runs for it.
2. Starts the real app (``brinkwatch.api.create_app``) under uvicorn on 127.0.0.1 in a thread, sharing
   one ``Coder`` with the in-process baseline.
3. Times ``GET /v1/events`` (first page, a filtered page, a page deep in the cursor walk) against
   ``Store.events`` with the same filter, and ``POST /v1/code`` on a ~600-word article against
   ``Coder.code_articles``, and prints p50/p95 for each and the server/in-process ratio.
Never fails on time: the numbers are for reading, not for asserting.
"""

from __future__ import annotations

import argparse
import datetime as dt
import socket
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

import httpx
import uvicorn

from brinkwatch.api import create_app
from brinkwatch.model import Article
from brinkwatch.store import EventFilter, Store

# Synthetic mentions: 50 actor codes x 20 CAMEO codes spread over ~4 years; every column the queries read
# is filled, and ``record`` is a valid Event record so the API validates and serialises real work.
FILL_SQL = """
INSERT INTO event_mentions
SELECT
    printf('m%08d', i) AS mention_id, NULL AS event_id, printf('doc%06d', i // 20) AS doc_id,
    CAST(i % 20 AS INTEGER) AS sentence_index,
    src AS source_code, src[1:3] AS source_country, src[4:6] AS source_sector, src AS source_text,
    0 AS source_start, 4 AS source_end,
    tgt AS target_code, tgt[1:3] AS target_country, tgt[4:6] AS target_sector, tgt AS target_text,
    20 AS target_start, 24 AS target_end,
    code AS cameo_code, code[1:2] AS cameo_root, 'Synthetic' AS cameo_name,
    CASE WHEN code[1:2] >= '14' THEN -7.0 ELSE 3.0 END AS goldstein,
    CAST(CASE WHEN code[1:2] >= '18' THEN 4 WHEN code[1:2] >= '14' THEN 3 WHEN code[1:2] >= '06' THEN 2 ELSE 1 END
         AS TINYINT) AS quad_class,
    'CONSULT' AS plover_type, NULL AS plover_mode, 'asserted' AS modality, false AS is_opinion,
    day AS event_date, 'day' AS date_precision,
    NULL AS place_name, NULL AS place_country, NULL AS place_admin1, NULL AS lat, NULL AS lon,
    NULL AS place_precision, NULL AS killed, NULL AS injured, '[]' AS numbers, NULL AS attribution,
    NULL AS speaker_code, NULL AS speaker_anonymous,
    'Synthetic evidence sentence number ' || i AS evidence_text, 0 AS evidence_start, 40 AS evidence_end,
    10 AS trigger_start, 16 AS trigger_end, 'bench.synthetic' AS pattern_id, 0.8 AS confidence,
    'Bench Wire' AS publisher, day AS pub_date,
    json_object(
        'event_id', printf('m%08d', i), 'doc_id', printf('doc%06d', i // 20), 'sentence_index', i % 20,
        'source', json_object('code', src, 'country', src[1:3], 'text', src, 'start', 0, 'end', 4),
        'target', json_object('code', tgt, 'country', tgt[1:3], 'text', tgt, 'start', 20, 'end', 24),
        'cameo', json_object('code', code, 'root', code[1:2], 'name', 'Synthetic'),
        'goldstein', 3.0, 'quad_class', 1, 'plover', json_object('type', 'CONSULT'),
        'modality', 'asserted', 'is_opinion', false, 'date', CAST(day AS VARCHAR), 'date_precision', 'day',
        'evidence', json_object('text', 'Synthetic evidence sentence number ' || i, 'start', 0, 'end', 40,
                                'trigger_start', 10, 'trigger_end', 16),
        'pattern', 'bench.synthetic', 'confidence', 0.8
    ) AS record
FROM (
    SELECT i,
        ['USA','IRN','IRQ','ISR','RUS','CHN','UKR','SYR','TUR','SAU'][1 + i % 10]
            || ['GOV','MIL','REB','OPP','LEG'][1 + (i // 10) % 5] AS src,
        ['IRN','USA','ISR','IRQ','UKR','RUS','TWN','LBN','YEM','EGY'][1 + (i // 7) % 10]
            || ['GOV','MIL','REB','OPP','LEG'][1 + (i // 3) % 5] AS tgt,
        ['010','020','036','040','042','043','051','057','061','073',
         '111','112','130','138','141','172','173','190','193','195'][1 + (i // 11) % 20] AS code,
        DATE '2021-01-01' + CAST(i % 1460 AS INTEGER) AS day
    FROM range(?) t(i)
)
"""

SENTENCES = (
    "Iranian forces attacked a US military base in Iraq on Monday, officials said.",
    "The United States condemned the attack and threatened to retaliate against Tehran.",
    "Iraqi Prime Minister Mohammed Shia al-Sudani met the US ambassador in Baghdad on Tuesday.",
    "Russia called on both sides to show restraint and offered to mediate.",
    "Israel's defence minister warned Hezbollah against opening a second front.",
    "Saudi Arabia and Iran agreed to resume talks in Beijing next month.",
    "Protesters in Tehran demanded the release of detained students.",
    "Turkey accused Kurdish militants of shelling a border town and vowed to respond.",
)


def article_600_words() -> Article:
    words, parts = 0, []
    while words < 600:
        sentence = SENTENCES[len(parts) % len(SENTENCES)]
        parts.append(sentence)
        words += len(sentence.split())
    return Article(doc_id="bench-600", text=" ".join(parts), pub_date=dt.date(2024, 5, 6))


def build_db(path: Path, n_events: int) -> float:
    started = time.perf_counter()
    with Store(path) as store:
        store.con.execute(FILL_SQL, [n_events])
        store.con.execute("CHECKPOINT")
    return time.perf_counter() - started


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(app, port: int) -> uvicorn.Server:
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="off"))
    threading.Thread(target=server.run, daemon=True).start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline:
            raise SystemExit("uvicorn did not start within 30 s")
        time.sleep(0.05)
    return server


def paired_timings(first: Callable[[], object], second: Callable[[], object], n: int,
                   warmup: int = 2) -> tuple[list[float], list[float]]:
    """Alternate the two calls so that a busy machine slows both alike (the box is shared)."""
    for _ in range(warmup):
        first()
        second()
    a, b = [], []
    for _ in range(n):
        for fn, out in ((first, a), (second, b)):
            started = time.perf_counter()
            fn()
            out.append(time.perf_counter() - started)
    return a, b


def p(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1] if len(values) > 1 else values[0]


def report(name: str, server: list[float], local: list[float]) -> None:
    s50, s95, l50, l95 = p(server, 50), p(server, 95), p(local, 50), p(local, 95)
    print(f"{name:<34} HTTP p50 {s50 * 1000:8.1f} ms  p95 {s95 * 1000:8.1f} ms | in-process p50 "
          f"{l50 * 1000:8.1f} ms  p95 {l95 * 1000:8.1f} ms | ratio p50 {s50 / l50:5.2f}x  p95 {s95 / l95:5.2f}x")


def bench_events(client: httpx.Client, store: Store, n: int) -> None:
    deep = store.events(EventFilter(limit=100, cursor=None, since=dt.date(2023, 6, 1)))[-1]["cursor"]
    cases = {
        "GET /v1/events (first page, 100)": ({"limit": 100}, EventFilter(limit=101)),
        "GET /v1/events?source=IRNMIL": ({"source": "IRNMIL", "limit": 100},
                                         EventFilter(source="IRNMIL", limit=101)),
        "GET /v1/events?root=19&since=...": ({"root": "19", "since": "2023-01-01", "limit": 100},
                                             EventFilter(root="19", since=dt.date(2023, 1, 1), limit=101)),
        "GET /v1/events?cursor=(deep)": ({"cursor": deep, "limit": 100}, EventFilter(cursor=deep, limit=101)),
    }
    for name, (params, flt) in cases.items():
        def over_http(params=params) -> None:
            response = client.get("/v1/events", params=params)
            response.raise_for_status()
            assert len(response.json()["events"]) == 100

        report(name, *paired_timings(over_http, lambda flt=flt: store.events(flt), n))


def bench_code(client: httpx.Client, coder, n: int) -> None:
    article = article_600_words()

    def over_http() -> None:
        response = client.post("/v1/code", json={"text": article.text, "date": "2024-05-06"})
        response.raise_for_status()

    def local() -> None:
        list(coder.code_articles([article]))

    # The HTTP side also cleans the text (article_from_text: ~50 ms here) and validates the response.
    words = len(article.text.split())
    events = len(next(iter(coder.code_articles([article]))).events)
    print(f"(article: {words} words, {events} events coded)")
    report("POST /v1/code (~600 words)", *paired_timings(over_http, local, n))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--requests", type=int, default=40, help="timed requests per events case")
    parser.add_argument("--code-requests", type=int, default=15, help="timed requests for /v1/code")
    parser.add_argument("--skip-code", action="store_true", help="do not load spaCy")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.duckdb"
        print(f"building {args.events:,} synthetic event mentions ...", file=sys.stderr)
        print(f"database built in {build_db(path, args.events):.1f} s ({args.events:,} events)")
        coder = None
        if not args.skip_code:
            from brinkwatch.extract import Coder

            started = time.perf_counter()
            coder = Coder()
            print(f"coder loaded in {time.perf_counter() - started:.1f} s")
        app = create_app(path, read_only=True, coder_factory=lambda: coder)
        server = start_server(app, free_port())
        base = f"http://127.0.0.1:{server.config.port}"
        try:
            with httpx.Client(base_url=base, timeout=120) as client, Store(path, read_only=True) as store:
                bench_events(client, store, args.requests)
                if coder is not None:
                    bench_code(client, coder, args.code_requests)
        finally:
            server.should_exit = True
            app.state.bw.store.close()


if __name__ == "__main__":
    main()
