"""One line of data/lines.geojson or data/reference.geojson, with its provenance."""
from dataclasses import dataclass, field

from .geometry import length_km
from .sources import SRC


@dataclass
class Feature:
    id: str
    name: str
    role: str
    source: str  # a key of SRC: gives the source, licence and attribution written
    accuracy_km: float
    method: str
    coords: list
    kind: str = "border"  # border, edge, coast, frame or reference
    name_ru: str = ""
    name_zh: str = ""
    extra: dict = field(default_factory=dict)  # further properties, written after the others

    def geojson(self):
        """The GeoJSON feature; vertices and length_km are counted from coords. Reference lines
        have no name_ru / name_zh."""
        source, licence, attribution = SRC[self.source]
        props = {"id": self.id, "name": self.name}
        if self.kind != "reference":
            props.update(name_ru=self.name_ru, name_zh=self.name_zh)
        props.update({"role": self.role, "kind": self.kind, "source": source, "licence": licence,
                      "attribution": attribution, "accuracy_km": self.accuracy_km, "method": self.method,
                      "vertices": len(self.coords), "length_km": round(length_km(self.coords), 1)})
        props.update(self.extra)
        return {"type": "Feature", "properties": props,
                "geometry": {"type": "LineString", "coordinates": [list(c) for c in self.coords]}}
