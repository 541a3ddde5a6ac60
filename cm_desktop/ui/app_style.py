"""The platform's style with check boxes, radio buttons and small icons that grow with the system font.

Installed once the window is on screen (install_style): its first frame has no check box nor style-sized
icon, and building QStyle's Python type and answering Qt's size questions in Python cost start-up time.
"""

from __future__ import annotations

from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle, QStyleOption, QWidget

from cm_desktop.ui.theme import REFERENCE_FONT_HEIGHT


class AppStyle(QProxyStyle):
    """The platform's style, with check boxes, radio buttons and small icons that grow with the font
    (a 15-point system font gets 1.5 times larger boxes, never smaller ones than the style's own)."""

    SCALED = frozenset(
        {
            QStyle.PixelMetric.PM_IndicatorWidth,
            QStyle.PixelMetric.PM_IndicatorHeight,
            QStyle.PixelMetric.PM_ExclusiveIndicatorWidth,
            QStyle.PixelMetric.PM_ExclusiveIndicatorHeight,
            QStyle.PixelMetric.PM_SmallIconSize,
            QStyle.PixelMetric.PM_ButtonIconSize,
            QStyle.PixelMetric.PM_ListViewIconSize,
            QStyle.PixelMetric.PM_TabBarIconSize,
            QStyle.PixelMetric.PM_ToolBarIconSize,
            QStyle.PixelMetric.PM_LineEditIconSize,
            QStyle.PixelMetric.PM_MessageBoxIconSize,
        }
    )

    def __init__(self, base: str) -> None:
        super().__init__(base)
        self.setObjectName("app_style")
        self._factors: dict[float, float] = {}

    def pixelMetric(
        self, metric: QStyle.PixelMetric, option: QStyleOption | None = None, widget: QWidget | None = None
    ) -> int:
        value = super().pixelMetric(metric, option, widget)
        if metric not in self.SCALED:
            return value
        font = widget.font() if widget is not None else QApplication.font()
        size = font.pointSizeF() if font.pointSizeF() > 0 else float(font.pixelSize())
        factor = self._factors.get(size)
        if factor is None:
            factor = self._factors[size] = max(1.0, QFontMetricsF(font).height() / REFERENCE_FONT_HEIGHT)
        return round(value * factor)


def install_style(app: QApplication) -> None:
    """AppStyle on the application, once (the widgets already shown are polished again with it)."""
    if not isinstance(app.style(), AppStyle):
        app.setStyle(AppStyle(app.style().name()))
