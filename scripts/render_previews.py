"""Render one post in every network's preview, in French and English, light and dark, to PNG.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/render_previews.py previews/

Also writes a sheet per language and scheme (all networks side by side), the 1-4 picture layouts, a
right-to-left post, and the whole Compose page (accounts chosen, counters, problems, previews) with the post
and with its link card. The link card goes through the real pipeline: a page with Open Graph tags served
on 127.0.0.1, fetched by the app's fetcher (the server acting as the web proxy), parsed and cached.
Look at every picture before calling a preview done.
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QLinearGradient, QPainter, QPixmap, QPolygonF
from PySide6.QtWidgets import QApplication

from cm_desktop.core.drafts import ConnectedAccount
from cm_desktop.core.ports import ServerLimits
from cm_desktop.ui.i18n import Translations
from cm_desktop.ui.previews import PREVIEWS, LinkPreview, PixmapCache, PostPreview, PreviewImage, PreviewModel
from scripts.screenshots import dark_palette

# The page the post links to, as a small WordPress shop would serve it (hand-written, not a copy).
SHOP_PAGE = """<!DOCTYPE html><html lang="fr-FR"><head><meta charset="UTF-8">
<title>Galette des rois à la frangipane &#8211; Boulangerie Martin</title>
<meta property="og:type" content="product" />
<meta property="og:title" content="Galette des rois à la frangipane" />
<meta property="og:description" content="Réservez votre galette pour l&#039;Épiphanie : retrait en boutique,
 rue Mercière, Lyon 2e." />
<meta property="og:site_name" content="Boulangerie Martin" />
<meta property="og:image" content="/wp-content/uploads/galette-1200x630.png" />
</head><body><p>...</p></body></html>"""

WIDTH = 460


TEXT = (
    "Galette des rois 🥐👩‍🍳 : la recette de Marie est de retour, frangipane maison et pâte feuilletée "
    "au beurre. Réservez la vôtre sur https://boulangerie-martin.fr/galette ou passez nous voir rue "
    "Mercière. Merci @marie pour la fève ! #Lyon #galette"
)
RTL_TEXT = "خبز طازج كل صباح 🥖 في مخبزنا في ليون! اطلبوا الآن https://boulangerie-martin.fr #Lyon"


def picture(path: Path, size: tuple[int, int], colours: tuple[str, str], shape: str) -> Path:
    """A warm gradient with a simple shape: enough to see crops, corners and order."""
    image = QImage(size[0], size[1], QImage.Format.Format_RGB32)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    gradient = QLinearGradient(0, 0, size[0], size[1])
    gradient.setColorAt(0, QColor(colours[0]))
    gradient.setColorAt(1, QColor(colours[1]))
    painter.fillRect(image.rect(), gradient)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(255, 248, 230, 220))
    w, h = size
    if shape == "circle":
        r = min(w, h) * 0.3
        painter.drawEllipse(QPointF(w / 2, h / 2), r, r)
    else:
        painter.drawPolygon(
            QPolygonF([QPointF(w / 2, h * 0.2), QPointF(w * 0.8, h * 0.8), QPointF(w * 0.2, h * 0.8)])
        )
    painter.setBrush(QColor(90, 50, 20, 200))
    painter.drawRect(QRectF(w * 0.05, h * 0.05, w * 0.12, h * 0.06))  # marks the top-left corner
    painter.end()
    image.save(str(path))
    return path


def make_pictures(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    return [
        picture(folder / "galette.png", (1600, 1000), ("#f6b26b", "#b45309"), "circle"),
        picture(folder / "fournil.png", (1000, 1250), ("#fde68a", "#c2410c"), "triangle"),
        picture(folder / "vitrine.png", (1200, 1200), ("#fca5a5", "#9f1239"), "circle"),
        picture(folder / "equipe.png", (1500, 1000), ("#fcd34d", "#92400e"), "triangle"),
        picture(folder / "link.png", (1200, 630), ("#fed7aa", "#9a3412"), "circle"),
    ]


def model(text: str, images: list[Path], link: LinkPreview | None = None) -> PreviewModel:
    alts = ("Une galette dorée", "Le fournil", "La vitrine", "L'équipe")
    return PreviewModel(
        text=text,
        author="Boulangerie Martin",
        handle="boulangeriemartin",
        age=timedelta(hours=2),
        images=tuple(PreviewImage(str(p), alt) for p, alt in zip(images, alts, strict=False)),
        link=link,
    )


def handle_for(network: str) -> str:
    return {"mastodon": "boulangerie@piaille.fr", "bluesky": "boulangerie-martin.fr"}.get(
        network, "boulangeriemartin"
    )


def render(preview: PostPreview, m: PreviewModel) -> QPixmap:
    preview.set_model(PreviewModel(**{**m.__dict__, "handle": handle_for(preview.network)}))
    preview.resize(WIDTH, preview.heightForWidth(WIDTH))
    preview.show()
    QApplication.processEvents()
    preview.resize(WIDTH, preview.heightForWidth(WIDTH))
    QApplication.processEvents()
    return preview.grab()


def sheet(pixmaps: list[QPixmap], background: QColor, columns: int = 4) -> QPixmap:
    rows = [pixmaps[i : i + columns] for i in range(0, len(pixmaps), columns)]
    gap = 16
    width = columns * (WIDTH + gap) + gap
    height = sum(max(p.height() for p in r) + gap for r in rows) + gap
    out = QPixmap(width, height)
    out.fill(background)
    painter = QPainter(out)
    y = gap
    for r in rows:
        for i, p in enumerate(r):
            painter.drawPixmap(gap + i * (WIDTH + gap), y, p)
        y += max(p.height() for p in r) + gap
    painter.end()
    return out


@contextmanager
def shop_site(picture: Path) -> Iterator[str]:
    """The shop's page and its picture on 127.0.0.1, reached as http://boulangerie-martin.fr through it."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            if self.path.endswith(".png"):
                body, kind = picture.read_bytes(), "image/png"
            else:
                body, kind = SHOP_PAGE.encode(), "text/html; charset=utf-8"
            self.send_response(200)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def fetch_link(proxy: str, cache: Path, url: str) -> LinkPreview:
    import httpx

    from cm_desktop.core.link_card import LinkCardCache
    from cm_desktop.networks.link_preview import LinkPreviewFetcher
    from cm_desktop.ui.composer.link_cards import to_preview

    fetcher = LinkPreviewFetcher(LinkCardCache(cache), lambda: httpx.Client(proxy=proxy, timeout=5.0))
    try:
        found = to_preview(fetcher.card_for(url))
    finally:
        fetcher.close()
    if found is None:
        raise SystemExit("the link card could not be built")
    return found


# The Mastodon account's server allows 1,000 characters (read from its /api/v2/instance on connecting).
ACCOUNTS = [
    ConnectedAccount(
        1,
        "mastodon",
        "Boulangerie Martin",
        "boulangerie@piaille.fr",
        limits=ServerLimits(max_characters=1000),
    ),
    ConnectedAccount(2, "bluesky", "Boulangerie Martin", "boulangerie-martin.fr"),
]


def render_composer(out: Path, app: QApplication, pics: list[Path], proxy: str, cache: Path) -> None:
    """The whole Compose page: two accounts and four networks by hand, the post, counters and previews."""
    import httpx

    from cm_desktop.core.link_card import LinkCardCache
    from cm_desktop.core.schedule import ManualClock
    from cm_desktop.networks.link_preview import LinkPreviewFetcher
    from cm_desktop.ui.composer.page import ComposerPage
    from cm_desktop.ui.tasks import SyncTaskRunner

    def source() -> LinkPreviewFetcher:
        return LinkPreviewFetcher(LinkCardCache(cache), lambda: httpx.Client(proxy=proxy, timeout=5.0))

    translations = Translations(app)
    page = ComposerPage(
        SyncTaskRunner(),
        ManualClock(datetime(2027, 1, 6, 9, tzinfo=UTC)),
        "Europe/Paris",
        out / "media",
        lambda: translations.language,
        link_source=source,
    )
    page.set_accounts(ACCOUNTS)
    page.set_author("Boulangerie Martin")
    page.set_online(True)
    page.resize(1280, 800)
    page.show()
    page.targets.set_selected(["mastodon", "bluesky", "facebook", "instagram", "x", "linkedin"])
    page.editor.setPlainText(TEXT.replace("https://", "http://"))
    page.flush()
    for _ in range(40):  # the card is asked once the link has stayed the same for a moment
        QApplication.processEvents()
        if not page.link_cards.pending():
            break
        from PySide6.QtCore import QThread

        QThread.msleep(50)
    for with_pictures in (False, True):
        page.media.add_files(pics[:2] if with_pictures else [])
        for scheme in ("light", "dark"):
            app.setPalette(dark_palette() if scheme == "dark" else app.style().standardPalette())
            for lang in ("en", "fr"):
                translations.apply(lang)
                for _ in range(5):
                    QApplication.processEvents()
                page.flush()
                for _ in range(5):
                    QApplication.processEvents()
                name = "composer-pictures" if with_pictures else "composer-card"
                path = out / f"{name}-{lang}-{scheme}.png"
                page.grab().save(str(path))
                print(path)
    # 600 characters: over the stock 500, within this account's server's 1,000.
    page.editor.setPlainText((TEXT + " ") * 3)
    for lang in ("en", "fr"):
        translations.apply(lang)
        page.flush()
        for _ in range(5):
            QApplication.processEvents()
        path = out / f"composer-server-limit-{lang}.png"
        page.grab().save(str(path))
        print(path)
    translations.apply("en")
    app.setPalette(app.style().standardPalette())
    page.close()
    page.deleteLater()


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setStyle("Fusion")
    translations = Translations(app)
    pics = make_pictures(out / "pictures")
    with shop_site(pics[4]) as proxy:
        # The card every network builds from the page's tags (and the one we send to Bluesky).
        link = fetch_link(proxy, out / "cards", "http://boulangerie-martin.fr/galette")
        render_composer(out, app, pics, proxy, out / "cards")
    cache = PixmapCache()
    previews = {name: cls(cache) for name, cls in PREVIEWS.items()}
    scenarios = {"post": model(TEXT, pics[:2]), "link": model(TEXT, [], link)}
    for scheme in ("light", "dark"):
        app.setPalette(dark_palette() if scheme == "dark" else app.style().standardPalette())
        for lang in ("en", "fr"):
            translations.apply(lang)
            QApplication.processEvents()
            for scenario, m in scenarios.items():
                shots = []
                for name, preview in previews.items():
                    pixmap = render(preview, m)
                    pixmap.save(str(out / f"{scenario}-{name}-{lang}-{scheme}.png"))
                    shots.append(pixmap)
                path = out / f"sheet-{scenario}-{lang}-{scheme}.png"
                sheet(shots, app.palette().window().color()).save(str(path))
                print(path)
    app.setPalette(app.style().standardPalette())
    translations.apply("en")
    QApplication.processEvents()
    for network in ("x", "facebook", "linkedin", "mastodon", "bluesky", "threads"):
        shots = [render(previews[network], model(f"{n} picture(s) #Lyon", pics[:n])) for n in (1, 2, 3, 4)]
        path = out / f"sheet-images-{network}.png"
        sheet(shots, QColor("#f0f0f0")).save(str(path))
        print(path)
    shots = [render(p, model(RTL_TEXT, [])) for p in previews.values()]
    sheet(shots, QColor("#f0f0f0")).save(str(out / "sheet-rtl.png"))
    print(out / "sheet-rtl.png")
    for preview in previews.values():
        preview.close()
        preview.deleteLater()
    QCoreApplication.processEvents()


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "previews"))
