"""Name / object / Keras-dict resolution shared by regularizers and constraints."""

from __future__ import annotations

from .errors import EngineTypeError, unknown_name


class Resolver:
    """Turns what a user wrote (``None``, a name, a class, an instance or a
    Keras ``{"class_name", "config"}`` dict) into an object of ``base``.

    ``table`` maps canonical lower-case names to ``(class, summary, formula)``;
    ``classes`` maps Keras class names to classes.
    """

    def __init__(self, kind: str, base: type, table: dict, classes: dict) -> None:
        self.kind, self.base, self.table, self.classes = kind, base, table, classes

    def get(self, identifier):
        """Resolve ``None``, a name (canonical or class name), a class, an instance or a dict."""
        if identifier is None or isinstance(identifier, self.base):
            return identifier
        if isinstance(identifier, type) and issubclass(identifier, self.base):
            return identifier()
        if isinstance(identifier, str):
            if identifier in self.classes:
                return self.classes[identifier]()
            key = identifier.lower()
            if key in self.table:
                return self.table[key][0]()
            raise unknown_name(self.kind, identifier, self.table)
        if isinstance(identifier, dict):
            return self.deserialize(identifier)
        raise EngineTypeError(
            f"{self.kind} must be None, a name or a {self.base.__name__}, received {identifier!r} "
            f"of type {type(identifier).__name__}"
        )

    def serialize(self, obj):
        """Keras-style dict, or None."""
        if obj is None:
            return None
        return {"class_name": type(obj).__name__, "config": obj.get_config()}

    def deserialize(self, config):
        """Inverse of :meth:`serialize`."""
        if config is None:
            return None
        if isinstance(config, dict):
            name = config["class_name"]
            if name not in self.classes:
                raise unknown_name(self.kind, name, self.classes)
            return self.classes[name](**config.get("config", {}))
        return self.get(config)
