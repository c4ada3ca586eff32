"""The HTTP service: CDS Hooks, the JSON API and the case page, a thin layer over the Python API.

Every handler validates the case once, through :func:`wervel_lp.recommend`
or :func:`wervel_lp.decide`, before the kb sees it; a refused case is an
HTTP 400 that names the field. The service keeps nothing between requests,
never runs ``query``, and logs no findings (nor any error's text: only its kind).
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import socket
from collections.abc import Callable, Mapping
from importlib.resources import files
from typing import Any

import uvicorn
from fastapi import FastAPI, Request
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.concurrency import run_in_threadpool
from uvicorn.protocols.http.h11_impl import H11Protocol

from .. import __version__
from ..knowledge import knowledge_base
from ..result import decide, recommend
from ..schema import ROOT_FIELD, CaseError, Schema
from . import cds_hooks, questionnaire
from .page import error_html, page_html, result_html
from .views import LANGUAGES, case_link

PUBLIC_URL_VARIABLE = "WERVEL_LP_PUBLIC_URL"
"""Environment variable: the address the case page has for the EHR's users (default: as the request came)."""
CORS_VARIABLE = "WERVEL_LP_CORS_ORIGINS"
"""Environment variable: the origins whose browsers may call the service, comma-separated (default ``*``:
any, without credentials, as the CDS Hooks sandbox needs)."""
MAX_BODY = 5_000_000
log = logging.getLogger("wervel_lp.service")


def create_app() -> FastAPI:
    """The ASGI application, with the kb loaded."""
    kb = knowledge_base()
    public_url = os.environ.get(PUBLIC_URL_VARIABLE)
    app = FastAPI(
        title="wervel-lp", version=__version__,  # the one version: pyproject.toml, read by importlib.metadata
        description="The Dutch guideline Wervelmetastasen as a decision service: CDS Hooks 2.0, "
                    "a JSON API with the contract's JSON (docs/contract.md), and a case page.")
    origins = [o.strip() for o in os.environ.get(CORS_VARIABLE, "*").split(",") if o.strip()]
    app.add_middleware(CORSMiddleware, allow_origins=origins, allow_methods=["GET", "POST", "OPTIONS"],
                       allow_headers=["Authorization", "Content-Type", "Accept-Language"])
    app.mount("/static", StaticFiles(directory=str(files("wervel_lp.service") / "static")), name="static")
    case_body = _body_schema(_case_schema(kb.schema), "A case: findings about one patient (docs/contract.md).")

    def base_url(request: Request) -> str:
        return public_url or str(request.base_url)

    @app.get("/", response_class=HTMLResponse, tags=["case page"], summary="The case page")
    async def page(request: Request, lang: str | None = None) -> Response:
        return await _guarded(lambda: HTMLResponse(page_html(kb, _language(request, lang))))

    @app.post("/page/result", response_class=HTMLResponse, tags=["case page"],
              summary="The case page's result for a case, as an HTML fragment", openapi_extra=case_body)
    async def page_result(request: Request, lang: str | None = None) -> Response:
        body = await request.body()

        def work() -> Response:
            language = _language(request, lang)
            try:
                return HTMLResponse(result_html(recommend(_json(body)), kb, language))
            except CaseError as e:
                return HTMLResponse(error_html(e, kb, language), status_code=400)
        return await _guarded(work)

    @app.get("/cds-services", tags=["CDS Hooks"], summary="CDS Hooks discovery")
    async def cds_discovery() -> dict[str, Any]:
        return cds_hooks.discovery()

    @app.post(f"/cds-services/{cds_hooks.SERVICE_ID}", tags=["CDS Hooks"],
              summary="CDS Hooks call (hook patient-view): cards for the patient's findings",
              openapi_extra=_body_schema({"type": "object", "required": ["hook", "hookInstance", "context"]},
                                         "A CDS Hooks request; the case in context.case and/or FHIR in prefetch"))
    async def cds_service(request: Request, lang: str | None = None) -> Response:
        body = await request.body()

        def work() -> Response:
            language = _language(request, lang)
            result = cds_hooks.recommend_for(_json(body))
            url = case_link(base_url(request), result.case, language)
            return JSONResponse({"cards": cds_hooks.cards(result, kb, language, url)})
        return await _guarded(work)

    @app.post("/recommend", tags=["JSON API"], summary="Decisions, recommendations with proofs, undetermined "
              "topics and warnings for a case", openapi_extra=case_body)
    async def recommend_(request: Request) -> Response:
        body = await request.body()
        return await _guarded(lambda: Response(recommend(_json(body)).to_json(), media_type="application/json"))

    @app.post("/decide", tags=["JSON API"], summary="The decisions alone", openapi_extra=case_body)
    async def decide_(request: Request) -> Response:
        body = await request.body()
        return await _guarded(lambda: JSONResponse({"decisions": decide(_json(body))}))

    query_body = _body_schema(
        {"type": "object", "required": ["case", "topic"], "properties": {
            "case": _case_schema(kb.schema), "topic": {"type": "string", "enum": list(kb.topics)},
            "value": {"type": "string"}}},
        "The case, the topic and (for why-not) the value")

    @app.post("/explain", tags=["JSON API"], summary="The proof of the decision on a topic",
              openapi_extra=query_body)
    async def explain(request: Request) -> Response:
        body = await request.body()

        def work() -> Response:
            query = _query(_json(body), ("case", "topic"))
            return JSONResponse(recommend(query["case"]).explain(query["topic"]).to_dict())
        return await _guarded(work)

    @app.post("/why-not", tags=["JSON API"], summary="Why a topic's value was not concluded",
              openapi_extra=query_body)
    async def why_not(request: Request) -> Response:
        body = await request.body()

        def work() -> Response:
            query = _query(_json(body), ("case", "topic", "value"))
            kb.check_topic_value(query["topic"], query["value"])
            return JSONResponse(recommend(query["case"]).why_not(query["topic"], query["value"]).to_dict())
        return await _guarded(work)

    @app.post("/questionnaire", tags=["FHIR"], summary="The open questions of a case as an SDC Questionnaire "
              "(FHIR R4)", openapi_extra=case_body)
    async def questionnaire_(request: Request, lang: str | None = None) -> Response:
        body = await request.body()
        return await _guarded(lambda: JSONResponse(questionnaire.questionnaire(
            recommend(_json(body)), kb, _language(request, lang), kb.version), media_type="application/fhir+json"))

    @app.post("/questionnaire-response", tags=["FHIR"], summary="A QuestionnaireResponse's answers as a case, "
              "and its result", openapi_extra=_body_schema({"type": "object"}, "A FHIR R4 QuestionnaireResponse"))
    async def questionnaire_response(request: Request) -> Response:
        body = await request.body()
        return await _guarded(lambda: Response(recommend(questionnaire.case_from_response(_json(body), kb)).to_json(),
                                               media_type="application/json"))

    @app.get("/health", tags=["service"], summary="The service is up and its kb is loaded")
    async def health() -> dict[str, Any]:
        return {"status": "ok", "rules": len(kb.rules)}

    return app


async def _guarded(work: Callable[[], Response]) -> Response:
    """Run ``work`` on a worker thread (each has its own Prolog engine); a refused input is a 400."""
    try:
        return await run_in_threadpool(work)
    except CaseError as e:
        return JSONResponse({"error": "invalid_input", "field": e.field, "message": e.message}, status_code=400)
    except Exception as e:  # never a stack trace, nor a message that could quote a finding
        log.error("request failed: %s", type(e).__name__)
        return JSONResponse({"error": "internal_error", "message": "the service could not answer"},
                            status_code=500)


def _json(body: bytes) -> Any:
    """The request's JSON document; CaseError for a body that is not one."""
    if len(body) > MAX_BODY:
        raise CaseError(ROOT_FIELD, f"the request is larger than {MAX_BODY} bytes")
    try:
        return json.loads(body.decode("utf-8"))
    except UnicodeDecodeError:
        raise CaseError(ROOT_FIELD, "the request is not UTF-8 text") from None
    except json.JSONDecodeError as e:
        raise CaseError(ROOT_FIELD, f"not valid JSON: {e.msg} at line {e.lineno}") from None


def _query(data: Any, members: tuple[str, ...]) -> dict[str, Any]:
    """The members of an explain or why-not request; CaseError naming a missing or mistyped one."""
    if not isinstance(data, Mapping):
        raise CaseError(ROOT_FIELD, "expected a JSON object with " + ", ".join(members))
    for name in members:
        if name not in data:
            raise CaseError(name, "missing")
        if name != "case" and not isinstance(data[name], str):
            raise CaseError(name, "expected a string")
    return {name: data[name] for name in members}


def _language(request: Request, lang: str | None) -> str:
    """``lang`` if given, else the first of nl and en in Accept-Language, else nl."""
    if lang is not None:
        if lang not in LANGUAGES:
            raise CaseError("lang", "expected nl or en")
        return lang
    for item in request.headers.get("accept-language", "").split(","):
        code = item.split(";")[0].strip().lower()[:2]
        if code in LANGUAGES:
            return code
    return LANGUAGES[0]


def _case_schema(schema: Schema) -> dict[str, Any]:
    """The case as a JSON Schema, from the kb's schema (contradictions are checked by the service)."""
    properties: dict[str, Any] = {}
    for f in schema.fields.values():
        if f.kind == "bool":
            spec: dict[str, Any] = {"type": ["boolean", "null"]}
        elif f.kind == "enum":
            spec = {"enum": [*f.values, None]}
        else:
            spec = {"type": ["integer" if f.kind == "integer" else "number", "null"]}
            if f.minimum is not None:
                spec["minimum"] = f.minimum
        properties[f.name] = {**spec, "description": f.meaning}
    return {"type": "object", "properties": properties, "additionalProperties": False}


def _body_schema(schema: Mapping[str, Any], description: str) -> dict[str, Any]:
    return {"requestBody": {"required": True, "description": description,
                            "content": {"application/json": {"schema": dict(schema)}}}}


class NoDelayH11Protocol(H11Protocol):
    """uvicorn's HTTP/1.1 protocol with Nagle's algorithm off on every connection.

    With several workers uvicorn binds the socket itself, with protocol
    number 0, and asyncio then leaves TCP_NODELAY unset on the connections:
    a response written in two parts waits for the client's delayed ACK (40 ms).
    """

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        """Switch Nagle's algorithm off, then start the connection as uvicorn does."""
        sock = transport.get_extra_info("socket")
        if sock is not None and sock.family in (socket.AF_INET, socket.AF_INET6):
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        super().connection_made(transport)


def serve(host: str, port: int, workers: int, public_url: str | None = None) -> None:
    """Run the service with uvicorn until interrupted; each worker process loads its own kb."""
    if public_url:
        os.environ[PUBLIC_URL_VARIABLE] = public_url
    uvicorn.run("wervel_lp.service.app:create_app", factory=True, host=host, port=port, workers=workers,
                http=NoDelayH11Protocol, log_level="info")

