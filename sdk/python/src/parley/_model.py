"""Typed models built from the API's JSON.

Every response model is a dataclass whose fields are the documented ones, typed; fields the server adds later are
kept too and read as attributes (``obj.new_field``) or through :meth:`Model.to_dict`, so an older client never
drops data. Nested objects without a model of their own are :class:`ParleyObject`: a dict whose keys also read as
attributes (``message.data.text``).
"""

import dataclasses
import sys
import typing
from typing import Any, Dict, List, Mapping, Optional, Type, TypeVar, Union

T = TypeVar("T", bound="Model")


class ParleyObject(dict):
    """A JSON object whose keys read as attributes too; nested objects are ParleyObjects as well."""

    def __getattr__(self, name: str) -> Any:
        try:
            return self[name]
        except KeyError:
            raise AttributeError(f"{type(self).__name__} has no field {name!r}") from None

    @classmethod
    def wrap(cls, value: Any) -> Any:
        if isinstance(value, Mapping) and not isinstance(value, ParleyObject):
            return cls({k: cls.wrap(v) for k, v in value.items()})
        if isinstance(value, list):
            return [cls.wrap(v) for v in value]
        return value


@dataclasses.dataclass
class Model:
    """Base of the typed response models."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "_raw", {})

    @classmethod
    def from_dict(cls: Type[T], data: Optional[Mapping[str, Any]]) -> T:
        """Builds the model from a JSON object: documented fields typed, the rest kept as extras."""
        data = dict(data or {})
        hints = _hints(cls)
        values = {}
        for f in dataclasses.fields(cls):
            if not f.init:
                continue
            if f.name in data:
                values[f.name] = _convert(hints.get(f.name, Any), data[f.name])
        obj = cls(**values)
        object.__setattr__(obj, "_raw", data)
        return obj

    def __getattr__(self, name: str) -> Any:
        # Only reached for names that are not fields: fields the server sent that this model does not declare.
        if name.startswith("_"):
            raise AttributeError(name)
        raw = self.__dict__.get("_raw", {})
        if name in raw:
            return ParleyObject.wrap(raw[name])
        raise AttributeError(f"{type(self).__name__} has no field {name!r}")

    def to_dict(self) -> Dict[str, Any]:
        """The JSON object the model was read from (every field, declared or not)."""
        return dict(self.__dict__.get("_raw") or dataclasses.asdict(self))

    def get(self, name: str, default: Any = None) -> Any:
        """A field by name, declared or not, or ``default``."""
        try:
            return getattr(self, name)
        except AttributeError:
            return default


_HINTS: Dict[type, Dict[str, Any]] = {}


def _hints(cls: type) -> Dict[str, Any]:
    if cls not in _HINTS:
        module = sys.modules[cls.__module__]
        _HINTS[cls] = typing.get_type_hints(cls, vars(module))
    return _HINTS[cls]


def _convert(hint: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin is Union:
        inner = [a for a in args if a is not type(None)]
        return _convert(inner[0], value) if len(inner) == 1 else ParleyObject.wrap(value)
    if origin in (list, List) and isinstance(value, list):
        return [_convert(args[0] if args else Any, v) for v in value]
    if origin in (dict, Dict) and isinstance(value, Mapping):
        item = args[1] if len(args) == 2 else Any
        return ParleyObject({k: _convert(item, v) for k, v in value.items()})
    if isinstance(hint, type) and issubclass(hint, Model) and isinstance(value, Mapping):
        return hint.from_dict(value)
    if hint is float and isinstance(value, (int, float, str)) and not isinstance(value, bool):
        try:
            return float(value)
        except ValueError:
            return value
    return ParleyObject.wrap(value)
