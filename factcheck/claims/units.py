"""Units: what a reporter writes after a number, read through pint.

The words that count as a unit after a number are ours: pint knows
thousands of unit names, and most are ordinary English words in news ("in",
"a", "at", "min", "hr"), so the extractor only tries the forms listed here
(:data:`_WORDS`, and :data:`_ATTACHED` for forms glued to the digits,
"512GB").  What a form *means* is pint's: each form names a pint unit
expression, and pint gives its canonical name, its dimension and every
conversion, so "50 km (31 miles)" can be checked without a table of factors.

pint lacks a few news units, added in ``data/news_units.txt``: currencies
(each ISO 4217 code its own dimension, so no two currencies convert without
a rate the article gives), data sizes with a dimension of their own, and
percentage points.  A few news units have no physical meaning for pint and
keep a dimension of their own: "points" (a score) and a bare "degrees"
(usually a temperature, whose scale the writer left out).  Counted nouns
("barrels" are a unit, "people" are not) never come here: the number
extractor gives them the dimension :data:`COUNT`.

Canonical names are singular, lower case and spelled out ("kilometer",
"square mile", "mile per hour", "gigabyte"); currencies are their ISO code
("USD").  Dimensions are news names ("length", "speed", "money", "data
rate"); see :data:`_DIMENSIONS`.

Speed: the pint registry takes about half a second to build (pint's import
and its definition files), so it is built once per process, on the first
unit looked up, and every lookup is cached.  A scan that finds no unit
never pays for it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pint

__all__ = ["ATTACHED_FORMS", "COUNT", "CURRENCY_SYMBOLS", "WORD_FORMS", "Unit", "convert", "lookup",
           "registry", "unit_named"]

_DATA = Path(__file__).with_name("data")

#: The dimension of a counted noun ("12,000 troops", "six tests"): not a unit, but a measure all the same.
COUNT = "count"

#: Currency signs written before a number, as ISO 4217 codes.
CURRENCY_SYMBOLS: Mapping[str, str] = {
    "$": "USD", "US$": "USD", "US $": "USD", "U.S.$": "USD", "A$": "AUD", "AU$": "AUD", "C$": "CAD",
    "CA$": "CAD", "HK$": "HKD", "NZ$": "NZD", "S$": "SGD", "NT$": "TWD", "R$": "BRL", "RM": "MYR",
    "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "₩": "KRW", "₽": "RUB"}

#: pint expression -> the forms a reporter writes after a number (lower case, single spaces).
_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("USD", ("dollars", "dollar", "us dollars", "u.s. dollars", "american dollars", "usd")),
    ("AUD", ("australian dollars", "aud")),
    ("CAD", ("canadian dollars",)),
    ("HKD", ("hong kong dollars", "hkd")),
    ("NZD", ("new zealand dollars",)),
    ("SGD", ("singapore dollars",)),
    ("TWD", ("taiwan dollars", "new taiwan dollars")),
    ("EUR", ("euros", "euro", "eur")),
    ("GBP", ("pounds sterling", "sterling", "gbp")),
    ("JPY", ("yen", "jpy")),
    ("CNY", ("yuan", "renminbi", "rmb", "cny")),
    ("RUB", ("roubles", "rouble", "rubles", "ruble")),
    ("INR", ("rupees", "rupee", "inr")),
    ("KRW", ("won", "krw")),
    ("CHF", ("swiss francs", "chf")),
    ("MYR", ("ringgit", "myr")),
    ("penny", ("pence",)),
    ("percentage_point", ("percentage points", "percentage point")),
    ("percent", ("percent", "per cent", "pct", "%")),
    ("oil_barrel", ("barrels", "barrel", "bbl")),
    ("gallon", ("gallons", "gallon")),
    ("liter", ("liters", "liter", "litres", "litre")),
    ("meter ** 3", ("cubic meters", "cubic meter", "cubic metres", "cubic metre")),
    ("metric_ton", ("tonnes", "tonne", "metric tons", "metric ton")),
    ("ton", ("tons", "ton")),
    ("kilogram", ("kilograms", "kilogram", "kilos", "kilo", "kg")),
    ("gram", ("grams", "gram")),
    ("pound", ("pounds", "pound", "lbs", "lb")),
    ("ounce", ("ounces", "ounce", "oz")),
    ("kilometer ** 2", ("square kilometers", "square kilometer", "square kilometres", "square kilometre",
                        "sq km", "km2", "km²")),
    ("mile ** 2", ("square miles", "square mile", "sq mi")),
    ("meter ** 2", ("square meters", "square meter", "square metres", "square metre", "m2", "m²")),
    ("foot ** 2", ("square feet", "square foot", "sq ft")),
    ("acre", ("acres", "acre")),
    ("hectare", ("hectares", "hectare")),
    ("kilometer", ("kilometers", "kilometer", "kilometres", "kilometre", "km")),
    ("meter", ("meters", "meter", "metres", "metre")),
    ("centimeter", ("centimeters", "centimeter", "centimetres", "centimetre", "cm")),
    ("millimeter", ("millimeters", "millimeter", "millimetres", "millimetre", "mm")),
    ("nautical_mile", ("nautical miles", "nautical mile")),
    ("mile", ("miles", "mile")),
    ("foot", ("feet", "foot", "ft")),
    ("inch", ("inches", "inch")),
    ("yard", ("yards", "yard", "yds", "yd")),
    ("mile / hour", ("miles per hour", "miles an hour", "mph")),
    ("kilometer / hour", ("kilometers per hour", "kilometres per hour", "kilometers an hour",
                          "kilometres an hour", "km/h", "kph", "kmh")),
    ("knot", ("knots", "knot")),
    ("degree_Celsius", ("degrees celsius", "degrees centigrade", "degree celsius", "°c", "degrees c")),
    ("degree_Fahrenheit", ("degrees fahrenheit", "degree fahrenheit", "°f", "degrees f")),
    ("kilowatt_hour", ("kilowatt-hours", "kilowatt-hour", "kilowatt hours", "kwh")),
    ("megawatt_hour", ("megawatt-hours", "megawatt-hour", "megawatt hours", "mwh")),
    ("gigawatt_hour", ("gigawatt-hours", "gigawatt-hour", "gigawatt hours", "gwh")),
    ("watt", ("watts", "watt")),
    ("kilowatt", ("kilowatts", "kilowatt", "kw")),
    ("megawatt", ("megawatts", "megawatt", "mw")),
    ("gigawatt", ("gigawatts", "gigawatt", "gw")),
    ("horsepower", ("horsepower", "hp", "bhp")),
    ("kilodata_byte", ("kilobytes", "kilobyte", "kb")),
    ("megadata_byte", ("megabytes", "megabyte", "mb")),
    ("gigadata_byte", ("gigabytes", "gigabyte", "gb")),
    ("teradata_byte", ("terabytes", "terabyte", "tb")),
    ("kilodata_bit / second", ("kilobits per second", "kbps", "kbit/s")),
    ("megadata_bit / second", ("megabits per second", "mbps", "mbit/s")),
    ("gigadata_bit / second", ("gigabits per second", "gbps", "gbit/s")),
    ("hertz", ("hertz", "hz")),
    ("kilohertz", ("kilohertz", "khz")),
    ("megahertz", ("megahertz", "mhz")),
    ("gigahertz", ("gigahertz", "ghz")),
    ("year", ("years", "year")),
    ("month", ("months", "month")),
    ("week", ("weeks", "week")),
    ("day", ("days", "day")),
    ("hour", ("hours", "hour", "hrs")),
    ("minute", ("minutes", "minute", "mins")),
    ("second", ("seconds", "second", "secs")),
    ("decade_of_years", ("decades", "decade")),
    ("century", ("centuries", "century")),
)

#: Forms glued to the digits ("512GB", "100km/h", "85p"): short symbols only, matched
#: case-insensitively; "m" is a metre only in lower case, which the number extractor checks.
_ATTACHED: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("kilowatt_hour", ("kwh",)), ("megawatt_hour", ("mwh",)), ("gigawatt_hour", ("gwh",)),
    ("kilometer / hour", ("km/h", "kph")), ("mile / hour", ("mph",)),
    ("kilometer", ("km",)), ("kilogram", ("kg",)), ("centimeter", ("cm",)), ("millimeter", ("mm",)),
    ("meter", ("m",)), ("pound", ("lbs", "lb")), ("ounce", ("oz",)), ("foot", ("ft",)),
    ("gigawatt", ("gw",)), ("megawatt", ("mw",)), ("kilowatt", ("kw",)), ("horsepower", ("hp", "bhp")),
    ("gigadata_byte", ("gb",)), ("teradata_byte", ("tb",)), ("megadata_byte", ("mb",)),
    ("kilodata_bit / second", ("kbps",)), ("megadata_bit / second", ("mbps",)),
    ("gigadata_bit / second", ("gbps",)),
    ("hertz", ("hz",)), ("kilohertz", ("khz",)), ("megahertz", ("mhz",)), ("gigahertz", ("ghz",)),
    ("degree_Celsius", ("°c",)), ("degree_Fahrenheit", ("°f",)), ("penny", ("p",)),
)

#: News units pint has no physical meaning for: form -> (canonical, dimension).
_NON_PINT: Mapping[str, tuple[str, str]] = {
    "points": ("point", "score"), "point": ("point", "score"),
    "degrees": ("degree", "temperature"), "degree": ("degree", "temperature"),
}

#: Every word form, for the extractor's unit pattern.
WORD_FORMS: tuple[str, ...] = (*(f for _, forms in _WORDS for f in forms), *_NON_PINT)
#: Every attached form, for the extractor's number pattern.
ATTACHED_FORMS: tuple[str, ...] = tuple(f for _, forms in _ATTACHED for f in forms)

_WORD_INDEX: dict[str, str] = {f: expr for expr, forms in _WORDS for f in forms}
_ATTACHED_INDEX: dict[str, str] = {f: expr for expr, forms in _ATTACHED for f in forms}
_CURRENCIES = sorted({*CURRENCY_SYMBOLS.values(),
                      *(expr for expr, _ in _WORDS if len(expr) == 3 and expr.isupper())})

#: pint names that news spells otherwise.
_NAMES = {"metric_ton": "tonne", "oil_barrel": "barrel", "kilowatt_hour": "kilowatt-hour",
          "megawatt_hour": "megawatt-hour", "gigawatt_hour": "gigawatt-hour", "degree_Celsius": "degree celsius",
          "degree_Fahrenheit": "degree fahrenheit", "decade_of_years": "decade", "percentage_point": "percentage point"}

#: pint dimensionality (sorted (base dimension, power) pairs) -> the news name of the dimension.
_DIMENSIONS: dict[tuple[tuple[str, int], ...], str] = {
    (("[length]", 1),): "length",
    (("[length]", 2),): "area",
    (("[length]", 3),): "volume",
    (("[mass]", 1),): "mass",
    (("[time]", 1),): "time",
    (("[length]", 1), ("[time]", -1)): "speed",
    (("[temperature]", 1),): "temperature",
    (("[length]", 2), ("[mass]", 1), ("[time]", -3)): "power",
    (("[length]", 2), ("[mass]", 1), ("[time]", -2)): "energy",
    (("[time]", -1),): "frequency",
    (("[information]", 1),): "data",
    (("[information]", 1), ("[time]", -1)): "data rate",
    (("[length]", 3), ("[time]", -1)): "flow",
    (("[length]", -1), ("[mass]", 1), ("[time]", -2)): "pressure",
    (("[length]", 1), ("[mass]", 1), ("[time]", -2)): "force",
}


@dataclass(frozen=True, slots=True)
class Unit:
    """A unit as claims report it: its canonical name, its dimension, and the pint expression
    conversions use (None for the news units pint has no meaning for: "points", "degrees")."""

    canonical: str
    dimension: str
    pint: str | None


@cache
def registry() -> pint.UnitRegistry[Any]:
    """The one pint registry of the process: pint's defaults, then the currencies and
    ``data/news_units.txt``.  Built on first use (about half a second) and kept."""
    import pint

    reg: pint.UnitRegistry[Any] = pint.UnitRegistry(cache_folder=None)
    for code in _CURRENCIES:
        reg.define(f"{code} = [currency_{code}]")
    reg.load_definitions(str(_DATA / "news_units.txt"))
    return reg


def lookup(form: str, *, attached: bool = False) -> Unit | None:
    """The unit a written form names ("km", "Kilometres", "per  cent"), or None.

    ``attached``: the form is glued to the digits ("512GB"), where only short
    symbols are units.  Case and runs of blanks do not matter.
    """
    key = " ".join(form.casefold().split())
    fixed = _NON_PINT.get(key) if not attached else None
    if fixed is not None:
        return Unit(fixed[0], fixed[1], None)
    expr = (_ATTACHED_INDEX if attached else _WORD_INDEX).get(key)
    return _resolve(expr) if expr is not None else None


def unit_named(canonical: str) -> Unit | None:
    """The unit a canonical name stands for ("kilometer", "USD"), or None: the way back from a claim's
    ``unit`` to pint, for rules that convert."""
    return _by_canonical().get(canonical)


@cache
def _by_canonical() -> dict[str, Unit]:
    out: dict[str, Unit] = {}
    for expr, _ in (*_WORDS, *_ATTACHED):
        u = _resolve(expr)
        out.setdefault(u.canonical, u)
    for canon, dim in _NON_PINT.values():
        out.setdefault(canon, Unit(canon, dim, None))
    return out


@cache
def _resolve(expr: str) -> Unit:
    unit = registry().parse_units(expr)
    return Unit(_canonical(unit), _dimension(unit), expr)


def _canonical(unit: Any) -> str:
    """pint's unit as news writes it: "kilometer ** 2" -> "square kilometer", "mile / hour" ->
    "mile per hour", "gigadata_byte" -> "gigabyte"."""
    num: list[str] = []
    den: list[str] = []
    for name, power in unit._units.items():
        word = _NAMES.get(name) or name.replace("data_", "").replace("_", " ")
        if not (len(word) == 3 and word.isupper()):
            word = word.lower()
        p = abs(int(power))
        word = {2: f"square {word}", 3: f"cubic {word}"}.get(p, word)
        (num if power > 0 else den).append(word)
    return " per ".join([" ".join(num), *den]) if num else " ".join(f"per {d}" for d in den)


def _dimension(unit: Any) -> str:
    dims = tuple(sorted((str(k), int(v)) for k, v in unit.dimensionality.items()))
    if not dims:
        return "percent"  # the dimensionless units listed: percent, percentage points
    if len(dims) == 1 and dims[0][0].startswith("[currency_"):
        return "money"
    return _DIMENSIONS.get(dims, str(unit.dimensionality))


def convert(value: float, source: str, target: str) -> tuple[float, ...]:
    """``value`` in unit ``source`` expressed in ``target`` (canonical names), or () when the two
    do not convert (other dimensions, currencies, units pint has no meaning for).

    For units with an offset (temperatures) two readings are returned: the
    level ("30 °C" is 86 °F) and the difference ("rose 5 °C" is 9 °F), since
    a writer converts either and the number alone does not say which.
    """
    a, b = unit_named(source), unit_named(target)
    if a is None or b is None or a.pint is None or b.pint is None or a.dimension != b.dimension:
        return ()
    reg: Any = registry()
    try:
        level = float(reg.Quantity(value, a.pint).to(b.pint).magnitude)
        zero = float(reg.Quantity(0, a.pint).to(b.pint).magnitude)
    except Exception:  # pint's DimensionalityError and OffsetUnitCalculusError: no conversion
        return ()
    return (level,) if zero == 0 else (level, level - zero)
