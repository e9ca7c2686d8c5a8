"""The windows carry the app's icon (a 2-2-2 network) and name their desktop entry."""

from gui.app import set_identity


def test_the_app_icon_is_set_and_renders(qapp):
    set_identity(qapp)
    icon = qapp.windowIcon()
    assert not icon.isNull() and qapp.desktopFileName() == "backprop-studio"
    image = icon.pixmap(64, 64).toImage()
    assert image.width() == 64
    corner, centre = image.pixelColor(0, 0), image.pixelColor(32, 32)
    assert corner.alpha() == 0 and centre.alpha() == 255  # drawn, not a blank square
