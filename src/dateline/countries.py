"""ISO 3166 country codes and names (pycountry), in one place: actors carry alpha-3, GeoNames places alpha-2."""

from __future__ import annotations

from functools import cache

import pycountry


@cache
def alpha3(alpha2: str) -> str | None:
    """The alpha-3 code of an alpha-2 code ("UA" → "UKR"), ``None`` if unknown."""
    found = pycountry.countries.get(alpha_2=alpha2.upper())
    return found.alpha_3 if found is not None else None


@cache
def alpha2(alpha3_code: str) -> str | None:
    """The alpha-2 code of an alpha-3 code ("UKR" → "UA"), ``None`` if unknown."""
    found = pycountry.countries.get(alpha_3=alpha3_code.upper())
    return found.alpha_2 if found is not None else None


@cache
def name(code: str) -> str:
    """The common English name of an alpha-2 or alpha-3 code ("TW" → "Taiwan"); the code itself if unknown."""
    key = "alpha_2" if len(code) == 2 else "alpha_3"
    found = pycountry.countries.get(**{key: code.upper()})
    return (getattr(found, "common_name", None) or found.name) if found is not None else code
