"""Bad input raises nerchinsk.Error (a ValueError) with the library's message and code, or
TypeError for a value of the wrong type. The messages are the library's (src/error.rs)."""

import math

import pytest

import nerchinsk


def error_of(*args):
    with pytest.raises(nerchinsk.Error) as info:
        nerchinsk.sovereignty_at(*args)
    return info.value


def test_the_error_is_a_value_error():
    assert issubclass(nerchinsk.Error, ValueError)


@pytest.mark.parametrize(
    "lon, lat, year, code, words",
    [
        (math.nan, 50.0, 1900, "not_finite", "not a finite number"),
        (124.0, math.inf, 1900, "not_finite", "not a finite number"),
        (200.0, 50.0, 1900, "out_of_range", "longitude 200 is outside -180..=180"),
        (124.0, -95.0, 1900, "out_of_range", "latitude -95 is outside -90..=90"),
        (135.5, 43.0, 1900, "at_sea", "at sea"),  # the Sea of Japan (src/error.rs)
        (100.0, 50.0, 1900, "outside", "outside the covered area"),  # Mongolia (src/query.rs)
        (124.0775, 53.39056, 1600, "before_coverage", "before the first treaty"),
    ],
)
def test_bad_points_and_years_raise_the_library_message(lon, lat, year, code, words):
    e = error_of(lon, lat, year)
    assert e.code == code
    assert words in str(e)


@pytest.mark.parametrize("text", ["1858-02-30", "1900-13-01", "yesterday", "", "1900-1", "12.5"])
def test_bad_date_strings_raise(text):
    e = error_of(124.0775, 53.39056, text)
    assert e.code == "invalid_date"
    assert "not a valid date" in str(e)


def test_years_that_fit_no_date_raise():
    for year in (10**20, -(10**20), 2**31):
        with pytest.raises(nerchinsk.Error, match="out of range"):
            nerchinsk.sovereignty_at(124.0775, 53.39056, year)


@pytest.mark.parametrize("when", [1900.0, None, True, [1900], b"1900", object()])
def test_a_date_of_the_wrong_type_is_a_type_error(when):
    with pytest.raises(TypeError):
        nerchinsk.sovereignty_at(124.0775, 53.39056, when)


@pytest.mark.parametrize("coordinate", ["124", None, [124.0], object()])
def test_a_coordinate_of_the_wrong_type_is_a_type_error(coordinate):
    with pytest.raises(TypeError):
        nerchinsk.sovereignty_at(coordinate, 53.39056, 1900)
    with pytest.raises(TypeError):
        nerchinsk.nearest_border(124.0775, coordinate, 1900)


def test_every_date_argument_rejects_bad_dates():
    calls = [
        lambda d: nerchinsk.nearest_border(124.0775, 53.39056, d),
        lambda d: nerchinsk.territories(d),
        lambda d: nerchinsk.uncertain_bands(d),
        lambda d: nerchinsk.changes(d, 1900),
        lambda d: nerchinsk.changes(1900, d),
        lambda d: nerchinsk.sovereignty_codes([124.0775], [53.39056], d),
    ]
    for call in calls:
        with pytest.raises(nerchinsk.Error, match="not a valid date"):
            call("1900-02-29")
        with pytest.raises(nerchinsk.Error, match="before"):
            call(1650)
        with pytest.raises(TypeError):
            call(1900.5)


def test_nearest_border_errors():
    with pytest.raises(nerchinsk.Error) as info:
        nerchinsk.nearest_border(math.nan, 50.0, 1900)
    assert info.value.code == "not_finite"
    with pytest.raises(nerchinsk.Error) as info:
        nerchinsk.nearest_border(0.0, 0.0, 1900)
    assert info.value.code == "outside"
