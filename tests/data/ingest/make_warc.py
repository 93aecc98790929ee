"""Writes news.warc.gz, the WARC fixture of tests/test_ingest_formats.py (run from this folder).

Five records, as a crawler writes them: the request for the first page, two HTML article
responses (one with a non-UTF-8 charset), an image response, and a last article response cut
off mid-record (a download that stopped), which the reader must report and survive.
"""
from __future__ import annotations

import io
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

HERE = Path(__file__).parent
PAGE = """<!doctype html><html lang="en"><head><meta charset="{charset}">
<title>{title} - Coastline Post</title>
<meta property="article:published_time" content="{date}T06:00:00Z"></head><body>
<nav><a href="/">Home</a> <a href="/business">Business</a> <a href="/weather">Weather</a></nav>
<div class="cookie-notice">This site uses cookies. Accept cookies to continue reading.</div>
<article><h1>{title}</h1>{body}</article>
<aside class="more"><h3>More from Coastline Post</h3>
<a href="/x">Ferry timetable changes announced</a></aside>
<footer>Coastline Post, all rights reserved</footer></body></html>"""
ARTICLES = [
    ("https://coastline.example/2024/06/10/ostrava-steel", "2024-06-10", "utf-8",
     "Ostrava Steelworks hires Lena Hofer",
     "<p>Ostrava Steelworks has hired Lena Hofer as its chief financial officer, the company said"
     " on Monday.</p><p>Lena Hofer previously worked at Danube Freight for eleven years.</p>"),
    ("https://coastline.example/2024/06/11/cafe-renee", "2024-06-11", "iso-8859-1",
     "Caf\u00e9 Ren\u00e9e opens in Bruges",
     "<p>The bakery chain Caf\u00e9 Ren\u00e9e opened its first shop in Bruges on Tuesday, its"
     " owner Marc Dubois said.</p><p>Caf\u00e9 Ren\u00e9e is based in Lille.</p>"),
    ("https://coastline.example/2024/06/12/cut-off", "2024-06-12", "utf-8",
     "Brennmoor Rail orders new trains",
     "<p>Brennmoor Rail ordered forty trains from Vantor Works on Wednesday.</p>" * 40),
]


def _response(writer: WARCWriter, url: str, date: str, charset: str, title: str, body: str) -> None:
    payload = PAGE.format(charset=charset, title=title, date=date, body=body).encode(charset)
    headers = StatusAndHeaders("200 OK", [("Content-Type", f"text/html; charset={charset}")],
                               protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record(
        url, "response", payload=io.BytesIO(payload), http_headers=headers,
        warc_headers_dict={"WARC-Date": f"{date}T07:00:00Z"}))


def main() -> None:
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)  # one gzip member per record, as crawlers write them
    request = StatusAndHeaders("GET /2024/06/10/ostrava-steel HTTP/1.1",
                               [("Host", "coastline.example")], is_http_request=True)
    writer.write_record(writer.create_warc_record(
        ARTICLES[0][0], "request", payload=io.BytesIO(b""), http_headers=request))
    _response(writer, *ARTICLES[0])
    png = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record(
        "https://coastline.example/img/logo.png", "response",
        payload=io.BytesIO(b"\x89PNG\r\n\x1a\n" + bytes(200)), http_headers=png))
    _response(writer, *ARTICLES[1])
    whole = len(buf.getvalue())
    _response(writer, *ARTICLES[2])
    data = buf.getvalue()
    cut = whole + (len(data) - whole) // 2  # the download stopped half-way through the record
    (HERE / "news.warc.gz").write_bytes(data[:cut])


if __name__ == "__main__":
    main()
