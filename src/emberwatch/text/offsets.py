"""Map spans of a transformed string back to exact character offsets in the string it came from."""

from __future__ import annotations

from array import array
from collections.abc import Sequence


class OffsetMap:
    """Character-level map from a derived string to its source string.

    ``starts[i]``/``ends[i]`` are the source offsets covered by derived character ``i``. A source
    character may expand into several derived characters (they share the same source range) and
    deleted source characters belong to no derived character, so ``to_original`` never splits a
    source character and never returns an offset inside deleted material at a span's start.
    """

    __slots__ = ("_ends", "_source_length", "_starts")

    def __init__(self, starts: Sequence[int], ends: Sequence[int], source_length: int) -> None:
        if len(starts) != len(ends):
            raise ValueError("OffsetMap needs one start and one end per derived character")
        self._starts = array("l", starts)
        self._ends = array("l", ends)
        self._source_length = source_length

    def __len__(self) -> int:
        return len(self._starts)

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Source ``(start, end)`` of the derived span ``[start, end)``; an empty span maps to a point."""
        n = len(self._starts)
        if not 0 <= start <= end <= n:
            raise ValueError(f"span ({start}, {end}) outside the derived text of length {n}")
        if start == end:
            point = self._starts[start] if start < n else self._source_length
            return point, point
        return self._starts[start], self._ends[end - 1]

    def offset_to_original(self, index: int) -> int:
        """Source offset of the derived position ``index`` (a boundary between characters)."""
        return self.to_original(index, index)[0]
