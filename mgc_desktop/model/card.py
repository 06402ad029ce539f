"""A genre model's identity card, read from (and written into) the ONNX file's metadata.

Everything the app must honour to use a model travels inside it: class names in order, the
front-end parameters, how windows are placed and aggregated, and the calibration already baked
into its probabilities. A model whose card is missing or asks for something this app cannot do
is refused with the reason, never run with guessed settings.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from typing import Any

from mgc_desktop.audio.features import FrontEndParams, IncompatibleFrontEnd

MODEL_FORMAT = "mgc-desktop-genre-model"
SCHEMA_VERSION = 2
# "sequence": the model reads a track's audible windows in time order and gives one answer.
AGGREGATIONS = ("sequence",)
INPUT_NAME = "logmel"
OUTPUT_NAME = "probabilities"
EMBEDDING_NAME = "embedding"


class IncompatibleModel(ValueError):
    """The file is not a genre model this app can run; str() says why."""


@dataclass(frozen=True)
class InferenceParams:
    """How a track becomes windows and windows become one answer.

    Anytime analysis: the model first hears `first_windows` windows spread over the track; only
    when its top probability is below `sure_above` does it hear all `max_windows`.
    `uncertain_below`: track confidence under which the app calls a prediction uncertain and
    leaves the file's genre alone (the probabilities are calibrated and sum to at most 1: the
    rest is the chance that the track is none of the model's genres). `silence_dbfs`: windows
    quieter than this are ignored; a track with only such windows is reported as silent.
    """

    max_windows: int = 8
    first_windows: int = 3
    sure_above: float = 0.8
    aggregation: str = "sequence"
    min_duration_s: float = 1.0
    silence_dbfs: float = -55.0
    uncertain_below: float = 0.5

    @classmethod
    def from_dict(cls, raw: Mapping[str, Any]) -> InferenceParams:
        try:
            params = cls(**{k: type(getattr(cls, k))(v) for k, v in raw.items()})
        except (TypeError, ValueError, AttributeError) as exc:
            raise IncompatibleModel(f"malformed inference parameters: {exc}") from exc
        if params.aggregation not in AGGREGATIONS:
            raise IncompatibleModel(f"unknown aggregation {params.aggregation!r}")
        if not 1 <= params.max_windows <= 64:
            raise IncompatibleModel(f"max_windows {params.max_windows} out of range")
        if not 1 <= params.first_windows <= params.max_windows:
            raise IncompatibleModel(f"first_windows {params.first_windows} out of range")
        return params


@dataclass(frozen=True)
class ModelCard:
    """The parsed metadata of one model file."""

    classes: tuple[str, ...]
    frontend: FrontEndParams
    inference: InferenceParams
    model_id: str
    version: str
    temperature: float = 1.0
    info: dict[str, Any] = field(default_factory=dict)

    def to_metadata(self) -> dict[str, str]:
        """String key/values for the ONNX `metadata_props` (what export writes)."""
        return {
            "mgc.format": MODEL_FORMAT,
            "mgc.schema": str(SCHEMA_VERSION),
            "mgc.classes": json.dumps(list(self.classes)),
            "mgc.frontend": json.dumps(self.frontend.to_dict()),
            "mgc.inference": json.dumps(asdict(self.inference)),
            "mgc.model_id": self.model_id,
            "mgc.version": self.version,
            "mgc.temperature": repr(float(self.temperature)),
            "mgc.info": json.dumps(self.info),
        }

    @classmethod
    def from_metadata(cls, meta: Mapping[str, str]) -> ModelCard:
        """Parse and validate; raise IncompatibleModel with a reason a user can act on."""
        if meta.get("mgc.format") != MODEL_FORMAT:
            raise IncompatibleModel(
                "not an mgc-desktop genre model (no model card in its metadata)"
            )
        if meta.get("mgc.schema") != str(SCHEMA_VERSION):
            raise IncompatibleModel(
                f"model card schema {meta.get('mgc.schema')!r} is not supported "
                f"(this app reads schema {SCHEMA_VERSION}); update the app or use another model"
            )
        try:
            classes = tuple(json.loads(meta["mgc.classes"]))
            frontend = FrontEndParams.from_dict(json.loads(meta["mgc.frontend"]))
            inference = InferenceParams.from_dict(json.loads(meta.get("mgc.inference", "{}")))
            info = json.loads(meta.get("mgc.info", "{}"))
            temperature = float(meta.get("mgc.temperature", "1.0"))
            model_id, version = meta["mgc.model_id"], meta["mgc.version"]
        except KeyError as exc:
            raise IncompatibleModel(f"model card lacks {exc.args[0]}") from None
        except IncompatibleFrontEnd as exc:
            raise IncompatibleModel(str(exc)) from None
        except (ValueError, TypeError) as exc:
            raise IncompatibleModel(f"model card is malformed: {exc}") from None
        if len(classes) < 2 or len(set(classes)) != len(classes):
            raise IncompatibleModel("model card must name two or more distinct classes")
        if not all(isinstance(c, str) and c for c in classes):
            raise IncompatibleModel("model card class names must be non-empty strings")
        return cls(classes, frontend, inference, model_id, version, temperature, info)
