"""Source summary: which sources each outline section rests on."""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Section, SourceInfo


def sources_by_section(sections: Sequence[Section], sources: Sequence[SourceInfo]) -> dict[str, tuple[str, ...]]:
    """{section title: ids of the sources its points cite}, ids in the order of ``sources``.

    A section with no points maps to (); an id cited but missing from ``sources`` comes last,
    in citation order; a repeated section title keeps the union of its sections' sources.
    """
    order = {source.id: position for position, source in enumerate(sources)}
    summary: dict[str, tuple[str, ...]] = {}
    for section in sections:
        cited = [c.source for point in section.points for c in point.citations]
        ids = dict.fromkeys([*summary.get(section.title, ()), *cited])
        summary[section.title] = tuple(sorted(ids, key=lambda i: order.get(i, len(order))))
    return summary
