"""Schema of ``indicators.yaml``: analysis indicators that measure the adaptation mechanisms.

Each indicator belongs to one mechanism code of ``mechanisms.yaml``; ``kind`` says how the analysis
stage (:mod:`emberwatch.analysis.indicators`) computes it, ``select`` which events it counts. See
docs/analysis.md for the formula of every kind.
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field, model_validator


class IndicatorKind(StrEnum):
    """How an indicator turns the selected events of one area x period into a number."""

    share = "share"  # selected / (selected + against) events
    count_ = "count"  # number of selected events (named count_: `count` is a str method)
    distinct_areas = "distinct_areas"  # distinct `unit` areas (admin2 / H3 cells) with selected events
    standard_distance = "standard_distance"  # km: sqrt(mean squared distance to the centroid)
    mean_distance = "mean_distance"  # km: mean distance to the centroid of the attack locations
    new_areas = "new_areas"  # `unit` areas with selected events now and none in the previous N months
    passages = "passages"  # evidence passages coded with one of `select.mechanisms`


class EventFlag(StrEnum):
    """Flags of event types/sub-types in event_types.yaml."""

    insurgent_tactic = "insurgent_tactic"
    territorial_control = "territorial_control"


class SpatialUnit(StrEnum):
    admin2 = "admin2"
    h3 = "h3"


class EventSelector(BaseModel):
    """Which events an indicator looks at: an event matches if ANY listed criterion matches.

    An empty selector matches every event.
    """

    model_config = ConfigDict(extra="forbid")

    event_types: list[str] = Field(default_factory=list, description="Event type ids (event_types.yaml).")
    sub_types: list[str] = Field(default_factory=list, description="Sub-type ids.")
    flags: list[EventFlag] = Field(
        default_factory=list, description="Event types/sub-types carrying one of these flags."
    )
    mechanisms: list[str] = Field(default_factory=list, description="Mechanism codes coded on the event.")

    def is_empty(self) -> bool:
        return not (self.event_types or self.sub_types or self.flags or self.mechanisms)


class IndicatorDefinition(BaseModel):
    """One indicator series computed by the analysis stage for a mechanism."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(min_length=1, pattern=r"^[a-z0-9_\-]+$", description="Unique id, e.g. `insurgent_share`.")
    mechanism: str = Field(min_length=1, description="Mechanism code from mechanisms.yaml.")
    name: str = Field(min_length=1, description="Short human-readable name.")
    description: str = Field(default="", description="What the indicator measures and why.")
    kind: IndicatorKind = Field(description="How it is computed (see docs/analysis.md).")
    select: EventSelector = Field(default_factory=EventSelector, description="Events it counts.")
    against: EventSelector | None = Field(
        default=None,
        description="`share` only: the competing events (the share is selected/(selected+against)).",
    )
    unit: SpatialUnit = Field(
        default=SpatialUnit.admin2, description="Sub-area unit for `distinct_areas` and `new_areas`."
    )
    h3_resolution: int = Field(default=6, ge=0, le=15, description="H3 resolution when `unit` is h3.")
    lookback_months: int = Field(default=6, ge=1, le=120, description="`new_areas`: quiet months required.")
    max_location_precision: int = Field(
        default=3,
        ge=1,
        le=7,
        description="Spatial kinds only use events located at least this precisely (3 = admin2).",
    )

    @model_validator(mode="after")
    def _check_kind(self) -> IndicatorDefinition:
        if self.kind is IndicatorKind.share and self.against is None:
            raise ValueError("a `share` indicator needs `against` (the competing events)")
        if self.kind is not IndicatorKind.share and self.against is not None:
            raise ValueError(f"`against` only applies to `share` indicators, not `{self.kind}`")
        if self.kind is IndicatorKind.passages and not self.select.mechanisms:
            raise ValueError("a `passages` indicator needs `select.mechanisms`")
        return self
