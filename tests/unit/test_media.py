"""The media pipeline on real files made here with Pillow: odd inputs, metadata, limits, cache, disk errors."""

from __future__ import annotations

import errno
import hashlib
import os
import struct
import time
import zlib
from collections.abc import Callable
from io import BytesIO
from pathlib import Path

import pytest
from PIL import ExifTags, Image, ImageCms, features

from cm_desktop.core import networks
from cm_desktop.core.i18n import LANGS
from cm_desktop.core.media import (
    FIRST_FRAME_ONLY,
    MAX_INPUT_BYTES,
    DamagedPicture,
    DiskFull,
    EmptyFile,
    FileTooBig,
    HeicNotSupported,
    MediaError,
    NotAPicture,
    PictureTooLarge,
    Rendition,
    RenditionSpec,
    TooSmall,
    heif_available,
    import_original,
    inspect,
    prepare,
)

RED = (255, 0, 0)
BLUE = (0, 0, 255)
GREEN = (0, 255, 0)


# ---------- helpers -------------------------------------------------------------------------------------


def noisy(width: int, height: int, sigma: float = 40) -> Image.Image:
    """A photo-like picture that compresses badly: a gradient under strong noise on each channel."""
    grad = Image.linear_gradient("L").resize((width, height))
    channels = [Image.blend(Image.effect_noise((width, height), sigma), grad, 0.5) for _ in range(3)]
    return Image.merge("RGB", channels)


def bands(
    width: int, height: int, colours: list[tuple[int, int, int]], *, vertical: bool = True
) -> Image.Image:
    """Equal bands of colour, top to bottom (or left to right), to see where a crop or rotation went."""
    im = Image.new("RGB", (width, height))
    n = len(colours)
    for i, colour in enumerate(colours):
        if vertical:
            box = (0, height * i // n, width, height * (i + 1) // n)
        else:
            box = (width * i // n, 0, width * (i + 1) // n, height)
        im.paste(colour, box)
    return im


def png_chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def png_header_only(width: int, height: int) -> bytes:
    """A PNG that claims width x height (1-bit grey) with a few bytes of pixel data: a bomb's header."""
    ihdr = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    idat = zlib.compress(b"\x00" * 1000)
    return (
        b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", ihdr) + png_chunk(b"IDAT", idat) + png_chunk(b"IEND", b"")
    )


def rgb_icc_profile(red: tuple[float, ...], green: tuple[float, ...], name: str) -> bytes:
    """A minimal ICC v2 matrix/gamma RGB profile with the given (D50) red and green primaries."""

    def s15(v: float) -> bytes:
        return struct.pack(">i", round(v * 65536))

    def xyz(v: tuple[float, ...]) -> bytes:
        return b"XYZ \0\0\0\0" + b"".join(s15(c) for c in v)

    text = name.encode() + b"\0"
    desc = b"desc\0\0\0\0" + struct.pack(">I", len(text)) + text + b"\0" * 78
    curve = b"curv\0\0\0\0" + struct.pack(">IH", 1, 0x0233) + b"\0\0"  # gamma 2.2
    d50 = (0.9642, 1.0, 0.8249)
    tags = [
        (b"desc", desc), (b"wtpt", xyz(d50)), (b"rXYZ", xyz(red)), (b"gXYZ", xyz(green)),
        (b"bXYZ", xyz((0.1431, 0.0606, 0.7141))), (b"rTRC", curve), (b"gTRC", curve), (b"bTRC", curve),
        (b"cprt", b"text\0\0\0\0none\0\0\0\0"),
    ]  # fmt: skip
    start = 128 + 4 + 12 * len(tags)
    table, body = b"", b""
    for sig, data in tags:  # every tag is a multiple of 4 bytes long, so offsets stay aligned
        table += sig + struct.pack(">II", start + len(body), len(data))
        body += data
    size = start + len(body)
    header = (
        struct.pack(">I4sI", size, b"\0" * 4, 0x02100000) + b"mntrRGB XYZ " + b"\0" * 12 + b"acsp"
        + b"\0" * 28 + b"".join(s15(c) for c in d50) + b"\0" * 48
    )  # fmt: skip
    return header + struct.pack(">I", len(tags)) + table + body


SRGB_RED_D50 = (0.4361, 0.2225, 0.0139)
SRGB_GREEN_D50 = (0.3851, 0.7169, 0.0971)


def near(pixel: object, colour: tuple[int, ...], tolerance: int = 40) -> bool:
    assert isinstance(pixel, tuple)
    return all(abs(a - b) <= tolerance for a, b in zip(pixel, colour, strict=False))


def assert_clear(error: MediaError) -> None:
    """Both languages render, with every placeholder filled, and say something."""
    for lang in LANGS:
        text = error.message(lang)
        assert len(text) > 20 and "{" not in text


def fails_fast(call: Callable[[], object], kind: type[MediaError]) -> MediaError:
    start = time.perf_counter()
    with pytest.raises(kind) as caught:
        call()
    assert time.perf_counter() - start < 1.0
    assert_clear(caught.value)
    return caught.value


def opened(rendition: Rendition) -> Image.Image:
    im = Image.open(rendition.path)
    im.load()
    return im


@pytest.fixture
def cache(tmp_path: Path) -> Path:
    return tmp_path / "renditions"


BLUESKY = networks.get("bluesky").rendition
INSTAGRAM = networks.get("instagram").rendition


# ---------- orientation and metadata --------------------------------------------------------------------


def test_exif_orientation_is_applied(tmp_path: Path, cache: Path) -> None:
    # Stored 300x200, left red / right blue; orientation 6 means "turn 90 degrees clockwise to view".
    src = tmp_path / "rotated.jpg"
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = 6
    bands(300, 200, [RED, BLUE], vertical=False).save(src, exif=exif, quality=95)

    facts = inspect(src)
    assert (facts.width, facts.height) == (200, 300)

    out = opened(prepare(src, BLUESKY, cache))
    assert out.size == (200, 300)
    assert near(out.getpixel((100, 20)), RED)  # the left edge is now the top
    assert near(out.getpixel((100, 280)), BLUE)
    assert ExifTags.Base.Orientation not in out.getexif()


def test_every_metadata_field_is_stripped(tmp_path: Path, cache: Path) -> None:
    src = tmp_path / "with-gps.jpg"
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "SecretCameraMaker"
    exif[ExifTags.Base.Artist] = "Jeanne Dupont"
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (48.0, 51.0, 24.0)
    gps[ExifTags.GPS.GPSLongitudeRef] = "E"
    gps[ExifTags.GPS.GPSLongitude] = (2.0, 21.0, 7.0)
    xmp = b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:Description about="SecretXmpValue"/></x:xmpmeta>'
    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    noisy(640, 480, 10).save(
        src, exif=exif, xmp=xmp, comment=b"SecretComment", icc_profile=icc, dpi=(300, 300)
    )

    with Image.open(src) as source:  # the test file really carries all of it
        assert source.getexif().get_ifd(ExifTags.IFD.GPSInfo)
        assert "xmp" in source.info and "icc_profile" in source.info and "comment" in source.info

    rendition = prepare(src, BLUESKY, cache)
    raw = rendition.path.read_bytes()
    for secret in (b"Exif", b"SecretCameraMaker", b"Jeanne", b"SecretXmpValue", b"adobe", b"SecretComment"):
        assert secret not in raw
    out = opened(rendition)
    assert not out.getexif()
    assert not ({"exif", "xmp", "icc_profile", "comment", "XML:com.adobe.xmp"} & set(out.info))


def test_png_text_chunks_are_stripped(tmp_path: Path, cache: Path) -> None:
    from PIL.PngImagePlugin import PngInfo

    src = tmp_path / "logo.png"
    info = PngInfo()
    info.add_text("Author", "SecretPngAuthor")
    info.add_itxt("Comment", "SecretPngComment", zip=True)
    bands(400, 300, [RED, GREEN]).save(src, pnginfo=info)
    rendition = prepare(src, BLUESKY, cache)
    assert rendition.mime_type == "image/png"  # a flat graphic stays lossless
    assert b"SecretPng" not in rendition.path.read_bytes()
    assert not opened(rendition).text  # type: ignore[attr-defined]


# ---------- colour modes --------------------------------------------------------------------------------


def test_cmyk_jpeg_becomes_rgb(tmp_path: Path, cache: Path) -> None:
    src = tmp_path / "print.jpg"
    Image.new("CMYK", (400, 300), (0, 255, 255, 0)).save(src, quality=95)  # pure red in ink
    assert inspect(src).format == "JPEG"
    out = opened(prepare(src, INSTAGRAM, cache))
    assert out.mode == "RGB"
    assert near(out.getpixel((200, 150)), RED)


def test_16_bit_grey_png_is_scaled_not_clipped(tmp_path: Path, cache: Path) -> None:
    src = tmp_path / "scan16.png"
    deep = Image.new("I;16", (256, 64))
    deep.putdata([x * 256 for _ in range(64) for x in range(256)])  # 0 .. 65280 left to right
    deep.save(src)
    with Image.open(src) as check:
        assert check.mode.startswith("I")
    out = opened(prepare(src, BLUESKY, cache)).convert("L")
    assert out.size == (256, 64)
    # Scaled: a smooth ramp from black to white. Clipped (the classic bug): white from x=1 on.
    assert [out.getpixel((x, 32)) for x in (0, 64, 128, 255)] == [0, 64, 128, 254]


def test_palette_with_transparency_keeps_it_in_png(tmp_path: Path, cache: Path) -> None:
    src = tmp_path / "sticker.png"
    im = Image.new("P", (200, 200), 0)
    im.putpalette([255, 255, 255, 255, 0, 0] + [0] * 762)
    im.paste(1, (50, 50, 150, 150))
    im.save(src, transparency=0)
    assert inspect(src).has_alpha

    rendition = prepare(src, BLUESKY, cache)
    out = opened(rendition)
    assert rendition.mime_type == "image/png" and out.mode == "RGBA"
    assert out.getpixel((10, 10))[3] == 0  # type: ignore[index]
    assert near(out.getpixel((100, 100)), (*RED, 255))


def test_transparency_is_flattened_on_white_for_jpeg(tmp_path: Path, cache: Path) -> None:
    src = tmp_path / "logo-la.png"
    im = Image.new("LA", (400, 400), (0, 0))  # fully transparent black
    im.paste((0, 255), (100, 100, 300, 300))  # an opaque black square
    im.save(src)
    rendition = prepare(src, INSTAGRAM, cache)  # JPEG only
    out = opened(rendition)
    assert rendition.mime_type == "image/jpeg" and out.mode == "RGB"
    assert near(out.getpixel((20, 200)), (255, 255, 255))  # transparent became white, not black
    assert near(out.getpixel((200, 200)), (0, 0, 0))


def test_opaque_alpha_channel_is_not_transparency(tmp_path: Path, cache: Path) -> None:
    src = tmp_path / "photo-rgba.png"
    noisy(1600, 1200).convert("RGBA").save(src)
    assert inspect(src).has_alpha  # the file has a channel...
    rendition = prepare(src, BLUESKY, cache)
    assert rendition.mime_type == "image/jpeg"  # ...but nothing is transparent: a photo stays a JPEG


@pytest.mark.parametrize("fmt", ["BMP", "TIFF", "WEBP", "GIF"])
def test_other_input_formats(tmp_path: Path, cache: Path, fmt: str) -> None:
    src = tmp_path / f"pic.{fmt.lower()}"
    bands(300, 200, [RED, BLUE]).save(src, fmt)
    out = opened(prepare(src, BLUESKY, cache))
    assert out.size == (300, 200)
    assert near(out.getpixel((150, 20)), RED) and near(out.getpixel((150, 180)), BLUE)


@pytest.mark.skipif(not features.check("avif"), reason="this Pillow has no AVIF codec")
def test_avif_input(tmp_path: Path, cache: Path) -> None:
    src = tmp_path / "pic.avif"
    bands(300, 200, [RED, BLUE]).save(src, "AVIF", quality=90)
    assert inspect(src).format == "AVIF"
    out = opened(prepare(src, INSTAGRAM, cache))
    assert near(out.getpixel((150, 20)), RED)


# ---------- animation -----------------------------------------------------------------------------------


def test_animated_gif_uses_first_frame_and_says_so(tmp_path: Path, cache: Path) -> None:
    src = tmp_path / "blink.gif"
    frames = [Image.new("RGB", (120, 80), c) for c in (RED, BLUE, GREEN)]
    frames[0].save(src, save_all=True, append_images=frames[1:], duration=100, loop=0)
    assert inspect(src).animated

    rendition = prepare(src, BLUESKY, cache)
    assert rendition.first_frame_only and rendition.notice == FIRST_FRAME_ONLY
    assert near(opened(rendition).getpixel((60, 40)), RED)
    assert prepare(src, BLUESKY, cache).first_frame_only  # kept in the cache note too


@pytest.mark.parametrize(
    ("fmt", "animated"), [("WEBP", True), ("PNG", True), ("MPO", False), ("TIFF", False)]
)
def test_several_frames_are_an_animation_only_where_it_means_one(
    tmp_path: Path, cache: Path, fmt: str, animated: bool
) -> None:
    # MPO (a JPEG with a depth map or preview) and multi-page TIFF are still pictures: never flagged.
    src = tmp_path / f"frames.{fmt.lower()}"
    frames = [Image.new("RGB", (120, 80), c) for c in (RED, BLUE)]
    frames[0].save(src, fmt, save_all=True, append_images=frames[1:])
    assert inspect(src).animated is animated
    rendition = prepare(src, BLUESKY, cache)
    assert rendition.first_frame_only is animated
    assert near(opened(rendition).getpixel((60, 40)), RED)


def test_still_gif_is_not_flagged(tmp_path: Path, cache: Path) -> None:
    src = tmp_path / "still.gif"
    Image.new("RGB", (120, 80), RED).save(src)
    assert not inspect(src).animated
    assert not prepare(src, BLUESKY, cache).first_frame_only


# ---------- hostile and broken files --------------------------------------------------------------------


def test_png_bomb_is_refused_fast(tmp_path: Path, cache: Path) -> None:
    src = tmp_path / "bomb.png"
    src.write_bytes(png_header_only(50_000, 50_000))  # 2.5 gigapixels claimed by a 100-byte file
    fails_fast(lambda: inspect(src), PictureTooLarge)
    error = fails_fast(lambda: prepare(src, BLUESKY, cache), PictureTooLarge)
    assert "too large to open safely" in error.message("en")
    assert "trop grande" in error.message("fr")
    fails_fast(lambda: import_original(src, tmp_path / "media"), PictureTooLarge)
    assert not (tmp_path / "media").exists() or not any((tmp_path / "media").iterdir())


def test_large_header_between_pillow_limits_does_not_crash(tmp_path: Path, cache: Path) -> None:
    # 100 MP: above Pillow's warning threshold (a warning is an error in our tests) but under our own cap.
    src = tmp_path / "big.png"
    src.write_bytes(png_header_only(10_000, 10_000))
    assert inspect(src).width == 10_000
    fails_fast(lambda: prepare(src, BLUESKY, cache), DamagedPicture)  # its pixel data is missing


def test_truncated_jpeg(tmp_path: Path, cache: Path) -> None:
    whole = BytesIO()
    noisy(1200, 900).save(whole, "JPEG", quality=90)
    src = tmp_path / "half.jpg"
    src.write_bytes(whole.getvalue()[: len(whole.getvalue()) // 2])
    error = fails_fast(lambda: prepare(src, BLUESKY, cache), DamagedPicture)
    assert "damaged" in error.message("en") and "abîmée" in error.message("fr")


def test_truncated_png(tmp_path: Path, cache: Path) -> None:
    whole = BytesIO()
    noisy(600, 400).save(whole, "PNG")
    src = tmp_path / "half.png"
    src.write_bytes(whole.getvalue()[: len(whole.getvalue()) * 2 // 3])
    fails_fast(lambda: prepare(src, BLUESKY, cache), DamagedPicture)


def test_empty_file(tmp_path: Path, cache: Path) -> None:
    src = tmp_path / "empty.jpg"
    src.write_bytes(b"")
    fails_fast(lambda: prepare(src, BLUESKY, cache), EmptyFile)
    fails_fast(lambda: inspect(src), EmptyFile)
    fails_fast(lambda: import_original(src, tmp_path / "media"), EmptyFile)


def test_text_file_named_jpg(tmp_path: Path, cache: Path) -> None:
    src = tmp_path / "notes.jpg"
    src.write_text("Réunion mardi 14h, apporter les photos.\n" * 50, encoding="utf-8")
    error = fails_fast(lambda: prepare(src, BLUESKY, cache), NotAPicture)
    assert "not a picture we can read" in error.message("en")
    fails_fast(lambda: import_original(src, tmp_path / "media"), NotAPicture)


def test_formats_outside_the_allow_list_are_refused(tmp_path: Path, cache: Path) -> None:
    # EPS would run Ghostscript, PSD is a big parser: neither is opened at all.
    eps = tmp_path / "flyer.jpg"
    eps.write_bytes(b"%!PS-Adobe-3.0 EPSF-3.0\n%%BoundingBox: 0 0 100 100\nshowpage\n")
    fails_fast(lambda: prepare(eps, BLUESKY, cache), NotAPicture)
    ico = tmp_path / "icon.png"
    Image.new("RGB", (32, 32), RED).save(ico, "ICO")
    fails_fast(lambda: prepare(ico, BLUESKY, cache), NotAPicture)


@pytest.mark.skipif(heif_available(), reason="pillow-heif is installed: HEIC is read")
def test_heic_without_pillow_heif_says_what_to_do(tmp_path: Path, cache: Path) -> None:
    src = tmp_path / "IMG_0001.HEIC"
    src.write_bytes(b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + b"\x00" * 200)
    error = fails_fast(lambda: prepare(src, BLUESKY, cache), HeicNotSupported)
    assert "iPhone" in error.message("en") and "JPEG" in error.message("fr")


@pytest.mark.skipif(not heif_available(), reason="pillow-heif is not installed")
def test_heic_is_read_when_pillow_heif_is_installed(tmp_path: Path, cache: Path) -> None:
    src = tmp_path / "IMG_0002.HEIC"
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "SecretMake"
    bands(600, 400, [RED, BLUE], vertical=False).save(src, "HEIF", exif=exif, quality=90)
    assert inspect(src).format == "HEIF"
    rendition = prepare(src, BLUESKY, cache)
    out = opened(rendition)
    assert rendition.mime_type == "image/jpeg" and out.size == (600, 400)
    assert near(out.getpixel((10, 200)), RED) and b"SecretMake" not in rendition.path.read_bytes()
    assert import_original(src, tmp_path / "media")[0].suffix == ".heic"


def test_colour_profile_is_converted_to_srgb(tmp_path: Path, cache: Path) -> None:
    # A profile whose "red" is sRGB's green: honouring it turns red pixels green. Real cases (Display P3,
    # Adobe RGB) shift colours less, but the same code path converts them.
    icc = rgb_icc_profile(SRGB_GREEN_D50, SRGB_RED_D50, "Swapped primaries")
    src = tmp_path / "wide-gamut.png"
    Image.new("RGBA", (300, 200), (*RED, 128)).save(src, icc_profile=icc)
    rendition = prepare(src, BLUESKY, cache)
    out = opened(rendition)
    assert "icc_profile" not in out.info
    assert near(out.getpixel((150, 100)), (*GREEN, 128), tolerance=3)  # alpha kept through the conversion


def test_unusable_colour_profile_is_dropped(tmp_path: Path, cache: Path) -> None:
    src = tmp_path / "odd-profile.jpg"
    Image.new("RGB", (300, 200), RED).save(src, icc_profile=b"not a profile" * 20)
    out = opened(prepare(src, BLUESKY, cache))
    assert "icc_profile" not in out.info and near(out.getpixel((150, 100)), RED)


def test_missing_file(tmp_path: Path, cache: Path) -> None:
    fails_fast(lambda: prepare(tmp_path / "gone.jpg", BLUESKY, cache), MediaError)
    fails_fast(lambda: inspect(tmp_path / "gone.jpg"), MediaError)


def test_too_many_bytes_is_refused_before_reading(tmp_path: Path, cache: Path) -> None:
    src = tmp_path / "huge.tif"
    with src.open("wb") as f:  # sparse: costs no disk space
        f.truncate(MAX_INPUT_BYTES + 1)
    error = fails_fast(lambda: prepare(src, BLUESKY, cache), FileTooBig)
    assert "105 MB" in error.message("en") and "Mo" in error.message("fr")


# ---------- limits, crops, sizes ------------------------------------------------------------------------


def test_noisy_12_megapixel_photo_fits_bluesky(tmp_path: Path, cache: Path) -> None:
    src = tmp_path / "phone.jpg"
    noisy(4000, 3000).save(src, quality=92)
    assert src.stat().st_size > 3_000_000
    rendition = prepare(src, BLUESKY, cache)
    assert rendition.byte_size == rendition.path.stat().st_size <= 1_000_000
    assert rendition.mime_type == "image/jpeg"
    out = opened(rendition)
    assert out.size == (rendition.width, rendition.height)
    assert max(out.size) <= 2000 and max(out.size) >= 1200  # smaller, but still a proper photo
    assert abs(out.width / out.height - 4 / 3) < 0.01  # not distorted
    assert rendition.sha256 == hashlib.sha256(rendition.path.read_bytes()).hexdigest()


def test_very_noisy_picture_is_downscaled_to_fit(tmp_path: Path, cache: Path) -> None:
    src = tmp_path / "noise.png"
    Image.merge("RGB", [Image.effect_noise((1200, 1200), 120) for _ in range(3)]).save(src)
    tight = RenditionSpec("test", ("JPEG",), 100_000)
    rendition = prepare(src, tight, cache)
    assert rendition.byte_size <= 100_000
    assert 300 < rendition.width < 1200 and rendition.width == rendition.height


def test_instagram_crops_tall_picture_around_focal_point(tmp_path: Path, cache: Path) -> None:
    src = tmp_path / "tall.png"
    bands(600, 1800, [RED, GREEN, BLUE]).save(src)  # 1:3, far taller than 4:5 allows

    top = prepare(src, INSTAGRAM, cache, focal=(0.5, 0.1))
    bottom = prepare(src, INSTAGRAM, cache, focal=(0.5, 0.9))
    middle = prepare(src, INSTAGRAM, cache)
    for rendition in (top, bottom, middle):
        assert (rendition.width, rendition.height) == (600, 750)  # exactly 4:5, all the width kept
        assert rendition.mime_type == "image/jpeg"
    assert near(opened(top).getpixel((300, 375)), RED)
    assert near(opened(bottom).getpixel((300, 375)), BLUE)
    assert near(opened(middle).getpixel((300, 375)), GREEN)
    assert len({top.path, bottom.path, middle.path}) == 3


def test_instagram_wide_panorama_and_width_limits(tmp_path: Path, cache: Path) -> None:
    src = tmp_path / "pano.jpg"
    noisy(6000, 1000, 10).save(src)
    rendition = prepare(src, INSTAGRAM, cache)
    assert rendition.width <= 1440
    assert 4 / 5 <= rendition.width / rendition.height <= 1.91


def test_small_picture_is_enlarged_to_the_network_minimum(tmp_path: Path, cache: Path) -> None:
    src = tmp_path / "small.jpg"
    noisy(200, 150, 5).save(src)
    rendition = prepare(src, networks.get("google_business").rendition, cache)
    assert (rendition.width, rendition.height) == (400, 300)


def test_tiny_picture_is_refused_rather_than_blurred(tmp_path: Path, cache: Path) -> None:
    src = tmp_path / "icon.png"
    Image.new("RGB", (40, 30), RED).save(src)
    error = fails_fast(lambda: prepare(src, networks.get("google_business").rendition, cache), TooSmall)
    assert "400 x 300" in error.message("en") and "Google" in error.message("fr")


def test_pad_mode_keeps_the_whole_picture(tmp_path: Path, cache: Path) -> None:
    src = tmp_path / "wide.png"
    Image.new("RGB", (900, 300), RED).save(src)
    square = RenditionSpec("test", ("JPEG",), 1_000_000, aspect=(1.0, 1.0), fit="pad")
    out = opened(prepare(src, square, cache))
    assert out.size == (900, 900)
    assert near(out.getpixel((450, 20)), (255, 255, 255))  # padding
    assert near(out.getpixel((450, 450)), RED)


def test_mastodon_downscales_to_its_pixel_limit(tmp_path: Path, cache: Path) -> None:
    src = tmp_path / "big.jpg"
    Image.linear_gradient("L").resize((4500, 3000)).convert("RGB").save(src)
    rendition = prepare(src, networks.get("mastodon").rendition, cache)
    assert rendition.width * rendition.height <= 8_294_400
    assert rendition.width > 3400


# ---------- cache, originals, disk ----------------------------------------------------------------------


def test_second_prepare_comes_from_the_cache(tmp_path: Path, cache: Path) -> None:
    src = tmp_path / "photo.jpg"
    noisy(1600, 1200).save(src)
    first = prepare(src, BLUESKY, cache)
    stamp = first.path.stat().st_mtime_ns
    time.sleep(0.01)
    second = prepare(src, BLUESKY, cache)
    assert second.from_cache and not first.from_cache
    assert second == first
    assert second.path.stat().st_mtime_ns == stamp  # not written again

    # Another network or focal point is another rendition.
    assert prepare(src, networks.get("x").rendition, cache).path != first.path


def test_damaged_cache_file_is_made_again(tmp_path: Path, cache: Path) -> None:
    src = tmp_path / "photo.jpg"
    noisy(800, 600).save(src)
    first = prepare(src, BLUESKY, cache)
    first.path.write_bytes(first.path.read_bytes()[:100])
    again = prepare(src, BLUESKY, cache)
    assert not again.from_cache and again.sha256 == first.sha256


def test_import_original_copies_content_addressed(tmp_path: Path) -> None:
    src = tmp_path / "Photo de la boutique.JPG"
    noisy(800, 600).save(src, "JPEG")
    media = tmp_path / "media"
    path, sha = import_original(src, media)
    assert sha == hashlib.sha256(src.read_bytes()).hexdigest()
    assert path == media / f"{sha}.jpg"
    assert path.read_bytes() == src.read_bytes()
    assert not path.is_symlink() and path.stat().st_ino != src.stat().st_ino  # a copy, never a link
    assert import_original(src, media) == (path, sha)
    assert sorted(p.name for p in media.iterdir()) == [path.name]  # no temporary files left


def test_disk_full_is_a_clear_error_and_leaves_nothing(
    tmp_path: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Imitation of a full disk: os.replace is made to fail with ENOSPC (no real disk is filled)."""
    src = tmp_path / "photo.jpg"
    noisy(800, 600).save(src)

    def no_space(*_args: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "replace", no_space)
    error = fails_fast(lambda: prepare(src, BLUESKY, cache), DiskFull)
    assert "disk is full" in error.message("en") and "disque est plein" in error.message("fr")
    fails_fast(lambda: import_original(src, tmp_path / "media"), DiskFull)
    monkeypatch.undo()

    leftovers = [p for p in tmp_path.rglob("*") if p.is_file() and p != src]
    assert leftovers == []
    assert not prepare(src, BLUESKY, cache).from_cache  # and it works once there is room again


def test_write_failure_during_copy_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Imitation of a disk filling up mid-copy: os.fsync fails with ENOSPC."""
    src = tmp_path / "photo.png"
    Image.new("RGB", (64, 64), RED).save(src)

    def no_space(_fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", no_space)
    fails_fast(lambda: import_original(src, tmp_path / "media"), DiskFull)
    monkeypatch.undo()
    assert list((tmp_path / "media").iterdir()) == []
