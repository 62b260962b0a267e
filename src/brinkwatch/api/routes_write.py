"""Endpoints that run the coder: ``POST /v1/code`` (nothing stored) and ``POST /v1/articles`` (ingest).

Ingestion needs ``Authorization: Bearer <token>`` when a token is configured; with none configured it is
refused (403) unless the app was created with ``allow_unauthenticated_writes`` (``serve --dev``).
"""

from __future__ import annotations

import hmac
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from brinkwatch.api.errors import ApiRefusal
from brinkwatch.api.schemas import ArticleIn, ArticlesRequest, CodeRequest, CodeResponse, IngestResponse
from brinkwatch.api.state import ApiState, LockedCoder
from brinkwatch.errors import AuthError, BrinkwatchError
from brinkwatch.ingest import article_from_html, article_from_text
from brinkwatch.model import Article, DocumentError
from brinkwatch.pipeline.ingestion import ingest_articles

router = APIRouter()
bearer = HTTPBearer(auto_error=False, description="the server's API token (BRINKWATCH_API_TOKEN)")

CODE_DOC_ID = "request"


def state_of(request: Request) -> ApiState:
    return request.app.state.bw


def require_writer(
    request: Request, credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]
) -> None:
    """Let a write through only with the right bearer token (or in dev mode when no token is set)."""
    state = state_of(request)
    if state.read_only:
        raise ApiRefusal("the database is open read-only; writes are refused")
    token = state.settings.api_token
    if not token:
        if state.allow_unauthenticated_writes:
            return
        raise ApiRefusal("writes are disabled: no API token is configured (set BRINKWATCH_API_TOKEN, "
                         "or run `brinkwatch serve --dev` to allow unauthenticated writes)")
    if credentials is None:
        raise AuthError("missing bearer token (Authorization: Bearer <token>)")
    given = credentials.credentials.encode("utf-8", "surrogatepass")
    # Constant-time comparison so the token cannot be guessed byte by byte from response times.
    if not hmac.compare_digest(given, token.encode("utf-8")):
        raise AuthError("wrong bearer token")


def _article(body: CodeRequest | ArticleIn, doc_id: str) -> Article:
    if body.html is not None:
        article = article_from_html(body.html, doc_id=doc_id, url=body.url, default_date=body.date)
        if body.date is not None and article.pub_date is None:
            article = article.model_copy(update={"pub_date": body.date})
        return article
    return article_from_text(body.text or "", doc_id=doc_id, pub_date=body.date, url=body.url)


@router.post("/v1/code", response_model=CodeResponse, tags=["coding"])
def code(request: Request, body: CodeRequest) -> dict[str, Any]:
    """Code one text or HTML page and return its events; nothing is stored."""
    article = _article(body, CODE_DOC_ID)
    docs = state_of(request).code([article])
    doc = docs[0]
    return {"events": [e.to_record() for e in doc.events], "sentences": len(doc.sentences),
            "text": doc.article.text}


def _provenance(item: ArticleIn, article: Article) -> Article:
    update = {k: v for k, v in (("title", item.title), ("publisher", item.publisher)) if v is not None}
    return article.model_copy(update=update) if update else article


def _read_items(items: list[ArticleIn]) -> list[Article | DocumentError]:
    out: list[Article | DocumentError] = []
    for item in items:
        try:
            out.append(_provenance(item, _article(item, item.id)))
        except BrinkwatchError as exc:
            out.append(DocumentError(source=item.id, line=exc.line, code=exc.code, message=exc.message))
    return out


@router.post("/v1/articles", response_model=IngestResponse, tags=["articles"],
             dependencies=[Depends(require_writer)])
def add_articles(request: Request, body: ArticlesRequest) -> dict[str, Any]:
    """Code and store up to 100 articles; a text stored already is skipped (idempotent)."""
    state = state_of(request)
    items = _read_items(body.articles)
    with state.write_lock, state.cursor() as store:
        report = ingest_articles(store, LockedCoder(state), items, batch_size=state.settings.batch_size)
    return {"added": report.articles_added, "skipped": report.articles_skipped,
            "events_added": report.events_added, "errors": list(report.errors)}
