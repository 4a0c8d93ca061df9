"""The review page's HTTP endpoints (Starlette), over a ReviewSession and a Previewer.

Reading endpoints (GET) need nothing; every state-changing one (POST) needs the session's
token in the ``X-Deckgen-Token`` header and refuses a request whose Origin (or
Sec-Fetch-Site) says it comes from another site. Only the page, its own static assets, the
given documents (by source id), the deck, the outline and previews are served: any other
path is a 404. Every error is a 4xx or 5xx with a one-line JSON ``{"error": ...}``.
"""

from __future__ import annotations

import json
import secrets
import threading
from contextlib import asynccontextmanager
from pathlib import Path

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates

from ..errors import DeckgenError
from ..files import write_atomically
from .preview import Previewer
from .state import ReviewSession, StaleEdit, source_path

HERE = Path(__file__).parent
MAX_BODY = 256 * 1024       # bytes of a JSON request
KEEP_DECKS = 8              # rendered decks (and their PDFs and pictures) kept for previews and downloads
MEDIA = {"pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
         "pdf": "application/pdf", "yaml": "application/yaml", "json": "application/json"}


def page_documents(session: ReviewSession) -> list[dict]:
    """Each source as numbered paragraphs of text runs; a run is a sentence (with its id) or the
    text between sentences."""
    result = []
    for source in session.outline.sources:
        document = session.documents[source.id]
        paragraphs = []
        for paragraph in document.paragraphs:
            runs, at = [], paragraph.start
            for sentence in (s for s in document.sentences if s.paragraph == paragraph.number):
                if sentence.start > at:
                    runs.append({"text": document.text[at:sentence.start]})
                runs.append({"id": sentence.id, "text": sentence.text})
                at = sentence.end
            if at < paragraph.end:
                runs.append({"text": document.text[at:paragraph.end]})
            paragraphs.append({"number": paragraph.number, "heading": paragraph.heading, "runs": runs})
        label = ", ".join(str(v) for v in (source.publisher, source.title, source.date) if v) or Path(source.path).name
        result.append({"id": source.id, "label": label, "path": source.path, "paragraphs": paragraphs})
    return result


def create_app(session: ReviewSession, previewer: Previewer | None = None,
               allowed_hosts: tuple[str, ...] = ("127.0.0.1", "localhost")) -> Starlette:
    """The app; ``previewer`` (default: a new one) is started with the app and stopped with it."""
    previewer = previewer or Previewer()
    token = secrets.token_urlsafe(24)
    templates = Jinja2Templates(directory=str(HERE / "templates"))
    decks: dict[str, Path] = {}
    deck_lock = threading.Lock()

    def current_deck() -> Path:
        """The deck of the current outline and settings, rendered once per version and settings
        (as ``deckgen render`` renders the outline file)."""
        from ..pipeline import build_deck

        with deck_lock:
            with session.lock:  # the key names this outline and layout
                key, outline, layout = session.deck_key(), session.outline, session.layout
            if key not in decks:
                path = previewer.folder / "decks" / f"{key}.pptx"
                path.parent.mkdir(exist_ok=True)
                build_deck(outline, layout, path, session.outline_file.parent)
                decks[key] = path
                while len(decks) > KEEP_DECKS:  # the oldest deck, its PDF and its pictures go
                    old = decks.pop(next(iter(decks)))
                    previewer.forget(old.stem)
                    old.unlink()
            return decks[key]

    def check_request(request: Request) -> None:
        origin = request.headers.get("origin")
        if origin is not None and origin != f"{request.url.scheme}://{request.headers.get('host')}":
            raise HTTPException(403, f"request from another origin ({origin}) refused")
        if request.headers.get("sec-fetch-site") == "cross-site":
            raise HTTPException(403, "cross-site request refused")
        if not secrets.compare_digest(request.headers.get("x-deckgen-token", ""), token):
            raise HTTPException(403, "missing or wrong session token: reload the page")

    async def json_body(request: Request) -> dict:
        check_request(request)
        declared = request.headers.get("content-length", "0")
        if not declared.isdigit() or int(declared) > MAX_BODY:
            raise HTTPException(413, f"request body over {MAX_BODY} bytes")
        body = await request.body()
        if len(body) > MAX_BODY:
            raise HTTPException(413, f"request body over {MAX_BODY} bytes")
        try:
            data = json.loads(body)
        except (json.JSONDecodeError, UnicodeDecodeError):
            raise HTTPException(400, "the request body is not JSON") from None
        if not isinstance(data, dict):
            raise HTTPException(400, "the request body must be a JSON object")
        return data

    async def page(request: Request) -> Response:
        return templates.TemplateResponse(request, "review.html", {
            "token": token, "title": session.outline.title, "documents": page_documents(session),
            "layouts": available_layout_names(), "note": previewer.note})

    async def outline_view(request: Request) -> Response:
        return JSONResponse(session.view())

    async def edit(request: Request) -> Response:
        data = await json_body(request)
        await run_in_threadpool(session.apply, data)
        return JSONResponse(session.view())

    async def settings(request: Request) -> Response:
        """Sets the layout and the layout keys named (null or "" goes back to the layout's value);
        keys not named keep their values (those the command line set, say)."""
        data = await json_body(request)
        layout = data.pop("layout", session.settings.layout)
        if not isinstance(layout, str):
            raise HTTPException(400, "layout must be a name")
        merged = {**session.settings.overrides, **data}
        overrides = {key: value for key, value in merged.items() if value not in (None, "")}
        await run_in_threadpool(session.change_settings, layout, overrides)
        return JSONResponse(session.view())

    async def preview(request: Request) -> Response:
        """Which slide the item lands on, and the URL of its picture: ``?item=GROUP#INDEX``."""
        if not previewer.available:
            return JSONResponse({"note": previewer.note})
        item = request.query_params.get("item", "")
        view = session.view()
        found = next(((group, entry) for group in view["groups"] for entry in group["items"] if entry["id"] == item),
                     None)
        if found is None:
            raise HTTPException(404, f"no item {item!r} in the outline")
        group, entry = found

        def draw():
            pdf = previewer.pdf(current_deck())
            return pdf, previewer.page_of(pdf, entry["find"], group["slide_title"]), len(previewer.pages(pdf))

        pdf, slide, slides = await run_in_threadpool(draw)
        if slide is None:
            return JSONResponse({"note": "This item is on no slide of the current layout.", "slides": slides})
        return JSONResponse({"slide": slide, "slides": slides, "image": f"/preview/{pdf.stem}/{slide}.png",
                             "version": view["version"]})

    async def preview_image(request: Request) -> Response:
        key, page_number = request.path_params["key"], request.path_params["page"]
        pdf = previewer.folder / "pdf" / f"{key}.pdf"
        if key not in decks or not pdf.exists():
            raise HTTPException(404, "no such preview")
        png = await run_in_threadpool(previewer.page_png, pdf, page_number)
        return Response(png, media_type="image/png", headers={"Cache-Control": "max-age=3600"})

    async def download(request: Request) -> Response:
        """deck.pptx (also written to the output path), deck.pdf, outline.yaml or outline.json."""
        name = request.path_params["name"]
        stem = session.output.stem
        if name == "deck.pptx":
            deck = await run_in_threadpool(current_deck)
            await run_in_threadpool(write_atomically, session.output, deck.read_bytes())
            return attachment(deck.read_bytes(), f"{stem}.pptx", "pptx")
        if name == "deck.pdf":
            if not previewer.can_convert:
                raise HTTPException(404, previewer.note)
            pdf = await run_in_threadpool(lambda: previewer.pdf(current_deck()))
            return attachment(pdf.read_bytes(), f"{stem}.pdf", "pdf")
        if name in ("outline.yaml", "outline.json"):
            from ..outline import dumps

            fmt = name.split(".")[1]
            with session.lock:
                text = dumps(session.outline, fmt)
            return attachment(text.encode("utf-8"), f"{stem}.{fmt}", fmt)
        raise HTTPException(404, "not found")

    async def source_file(request: Request) -> Response:
        """A given document by its source id, as it was given; nothing else."""
        path = source_path(session.outline, session.outline_file.parent, request.path_params["source"])
        if path is None or not path.is_file():
            raise HTTPException(404, "not found")
        return FileResponse(path, media_type="text/plain; charset=utf-8" if path.suffix in (".txt", ".md") else None)

    @asynccontextmanager
    async def lifespan(app):
        if previewer.can_convert:
            await run_in_threadpool(lambda: previewer.start(current_deck()))
        try:
            yield
        finally:
            previewer.stop()

    routes = [
        Route("/", page), Route("/api/outline", outline_view), Route("/api/edit", edit, methods=["POST"]),
        Route("/api/settings", settings, methods=["POST"]), Route("/api/preview", preview),
        Route("/preview/{key:str}/{page:int}.png", preview_image), Route("/download/{name:str}", download),
        Route("/source/{source:str}", source_file),
        Mount("/static", StaticFiles(directory=str(HERE / "static")), name="static"),
    ]
    handlers = {HTTPException: http_error, StaleEdit: stale, DeckgenError: bad_request,
                Exception: server_error}
    return Starlette(routes=routes, exception_handlers=handlers, lifespan=lifespan,
                     middleware=[Middleware(TrustedHostMiddleware, allowed_hosts=list(allowed_hosts))])


def available_layout_names() -> list[str]:
    from ..layouts import available_layouts

    return available_layouts()


def attachment(data: bytes, filename: str, kind: str) -> Response:
    return Response(data, media_type=MEDIA[kind], headers={"Content-Disposition": f'attachment; filename="{filename}"'})


def one_line(text: str) -> str:
    return " ".join(str(text).split())[:500]


async def http_error(request: Request, exc: HTTPException) -> Response:
    return JSONResponse({"error": one_line(exc.detail)}, status_code=exc.status_code)


async def stale(request: Request, exc: StaleEdit) -> Response:
    return JSONResponse({"error": one_line(exc)}, status_code=409)


async def bad_request(request: Request, exc: DeckgenError) -> Response:
    return JSONResponse({"error": one_line(exc)}, status_code=400)


async def server_error(request: Request, exc: Exception) -> Response:
    return JSONResponse({"error": f"internal error ({type(exc).__name__}); see the server's log"}, status_code=500)


def run(app: Starlette, host: str, port: int) -> None:
    """Serve until interrupted (Ctrl-C)."""
    import uvicorn

    uvicorn.run(app, host=host, port=port, log_level="warning")

