"""Great-circle distances: place resolution and evaluation, fusion (places within a distance), radius queries."""

from __future__ import annotations

import math

EARTH_RADIUS_KM = 6371.0088
#: Bounding boxes are this much wider (about 0.1 mm) so that rounding never drops a point on the circle's edge.
PAD_DEGREES = 1e-9


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Distance in kilometres between two points given in decimal degrees."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlambda = phi2 - phi1, math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def bounding_box(lat: float, lon: float, radius_km: float) -> tuple[float, float, float, float]:
    """(min_lat, max_lat, min_lon, max_lon) enclosing the circle, for a cheap pre-filter before :func:`haversine_km`.

    The longitude span is the circle's true widest point (``asin(sin r / cos lat)``, wider than ``r / cos lat``);
    a circle that reaches a pole spans every longitude. ``min_lon``/``max_lon`` may pass ±180 (the antimeridian):
    split it with :func:`lon_ranges`.
    """
    angle = radius_km / EARTH_RADIUS_KM
    dlat = math.degrees(angle) + PAD_DEGREES
    min_lat, max_lat = lat - dlat, lat + dlat
    if max_lat >= 90.0 or min_lat <= -90.0 or angle >= math.pi / 2:
        return max(min_lat, -90.0), min(max_lat, 90.0), -180.0, 180.0
    ratio = math.sin(angle) / math.cos(math.radians(lat))
    dlon = 180.0 if ratio >= 1.0 else math.degrees(math.asin(ratio)) + PAD_DEGREES
    return min_lat, max_lat, lon - dlon, lon + dlon


def lon_ranges(min_lon: float, max_lon: float) -> list[tuple[float, float]]:
    """A :func:`bounding_box` longitude span as one or two plain [low, high] ranges within [-180, 180]."""
    if max_lon - min_lon >= 360.0:
        return [(-180.0, 180.0)]
    if min_lon < -180.0:
        return [(min_lon + 360.0, 180.0), (-180.0, max_lon)]
    if max_lon > 180.0:
        return [(min_lon, 180.0), (-180.0, max_lon - 360.0)]
    return [(min_lon, max_lon)]
