"""Native, editable bar charts of figures that measure the same thing (python-pptx writes the
chart and its embedded workbook; XlsxWriter is imported only for decks with charts)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LEGEND_POSITION
from pptx.util import Pt

from ..model import Chart
from .draw import Pen, set_alt_text
from .geometry import Box
from .package import stamp_workbook

CHART_TEXT_SIZE = 14       # axis, label and legend text of charts


def add_bar_chart(slide, chart: Chart, categories: Sequence[str], box: Box, pen: Pen, when: datetime) -> None:
    """One bar per source (low and high ends for ranges, one bar for a single value), values
    labelled, axes titled, alt text that states every value; the workbook stamped ``when``."""
    from pptx.chart.data import CategoryChartData  # pulls in XlsxWriter: only for decks with charts

    data = CategoryChartData(number_format="#,##0")
    data.categories = list(categories)
    ranged = chart.lows != chart.highs
    if ranged:  # a single value gets no low-end bar: two equal bars would read as two estimates
        data.add_series("Low end of the range", [low if low != high else None
                                                 for low, high in zip(chart.lows, chart.highs)])
        data.add_series("High end (or single value)", chart.highs)
    else:
        data.add_series(chart.title, chart.highs)
    frame = slide.shapes.add_chart(XL_CHART_TYPE.BAR_CLUSTERED, box.left, box.top, box.width, box.height, data)
    frame.name = "Chart"
    unit = f" ({chart.unit})" if chart.unit else ""
    values = "; ".join(f"{label}: {text}" for label, text in zip(chart.labels, chart.texts))
    set_alt_text(frame, f"Bar chart of {chart.title}{unit} by who states it. {values}.")
    _style(frame.chart, chart.title + unit, ranged, pen)
    workbook = frame.chart.part.chart_workbook
    workbook.update_from_xlsx_blob(stamp_workbook(workbook.xlsx_part.blob, when))


def _style(chart, value_title: str, legend: bool, pen: Pen) -> None:
    chart.font.size = Pt(CHART_TEXT_SIZE)
    chart.font.name = pen.layout.font
    chart.font.color.rgb = RGBColor.from_string(pen.color("text"))
    chart.has_title = True
    chart.chart_title.text_frame.text = value_title
    chart.chart_title.text_frame.paragraphs[0].runs[0].font.size = Pt(CHART_TEXT_SIZE + 2)
    chart.has_legend = legend
    if legend:
        chart.legend.position = XL_LEGEND_POSITION.BOTTOM
        chart.legend.include_in_layout = False
    for axis, title in ((chart.value_axis, value_title), (chart.category_axis, "Stated by")):
        axis.has_title = True
        axis.axis_title.text_frame.text = title
        axis.axis_title.text_frame.paragraphs[0].runs[0].font.size = Pt(CHART_TEXT_SIZE)
    chart.category_axis.reverse_order = True  # first source on top, as in the figures list
    chart.value_axis.tick_labels.number_format = "#,##0"
    chart.value_axis.tick_labels.number_format_is_linked = False
    plot = chart.plots[0]
    plot.has_data_labels = True
    plot.data_labels.number_format = "#,##0"
    plot.data_labels.number_format_is_linked = False
    plot.data_labels.font.size = Pt(CHART_TEXT_SIZE)
    for series, key in zip(plot.series, ("accent", "muted")):
        series.format.fill.solid()
        series.format.fill.fore_color.rgb = RGBColor.from_string(pen.color(key))
