"""A read-only mapping handed back again while its contents stay the same.

A Snapshot per micro-step holds several small mappings, and most of them equal the previous
micro-step's: no parameter moves during forward and backward, no gradient during a step.
Sharing the previous read-only mapping is safe (no one can change it) and saves building it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from types import MappingProxyType


class ReusedMapping:
    """One mapping shown over time; each instance serves one of `of`, `view` or `grown`."""

    def __init__(self) -> None:
        self._keys: Sequence[str] | None = None
        self._values: Sequence[object] | None = None
        self._mapping: Mapping[str, object] = MappingProxyType({})
        self._viewed: Mapping[str, object] | None = None
        self._grown: tuple[object, int] | None = None

    def of(self, keys: Sequence[str], values: Sequence[object]) -> Mapping[str, object]:
        """`dict(zip(keys, values))`, read-only; the last one when keys and values are equal.

        A zero forces a fresh mapping, as 0.0 == -0.0 yet the two print differently. (A NaN
        equals only itself, the same float object, which shows the same.)
        """
        same = keys is self._keys and (
            values is self._values or (values == self._values and 0.0 not in values)
        )
        if not same:
            self._keys, self._values = keys, values
            self._mapping = MappingProxyType(dict(zip(keys, values, strict=True)))
        return self._mapping

    def view(self, mapping: Mapping[str, object]) -> Mapping[str, object]:
        """A read-only view of `mapping`, the same view while it is the same object.

        The caller promises never to change `mapping` after handing it over.
        """
        if mapping is not self._viewed:
            self._viewed, self._mapping = mapping, MappingProxyType(mapping)
        return self._mapping

    def grown(
        self, owner: object, size: int, build: Callable[[], dict[str, object]]
    ) -> Mapping[str, object]:
        """For a dict that only ever gains keys: the last mapping while it has not grown.

        `owner` is the dict's holder (compared by identity), `size` its number of keys.
        """
        if self._grown is None or self._grown[0] is not owner or self._grown[1] != size:
            self._grown, self._mapping = (owner, size), MappingProxyType(build())
        return self._mapping
