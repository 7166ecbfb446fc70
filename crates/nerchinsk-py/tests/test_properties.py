"""Property tests of bad input (hypothesis): whatever the numbers, dates and arrays, an answer
or nerchinsk.Error / TypeError, never a crash, and the vectorised call agrees with the scalar
one."""

import datetime

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

import nerchinsk

any_float = st.floats(allow_nan=True, allow_infinity=True)
near_the_border = st.tuples(st.floats(100.0, 145.0), st.floats(38.0, 60.0))
years = st.integers(min_value=-(10**12), max_value=10**12)


def code_of(lon, lat, when):
    try:
        return nerchinsk.STATUS.index(nerchinsk.sovereignty_at(lon, lat, when).status)
    except nerchinsk.Error as e:
        assert e.code in ("not_finite", "out_of_range", "at_sea", "outside")
        return nerchinsk.STATUS.index({"at_sea": "sea", "outside": "outside"}.get(e.code, "invalid_coordinate"))


@given(any_float, any_float, st.integers(1689, 2100))
def test_any_coordinate_gives_an_answer_or_the_error(lon, lat, year):
    try:
        s = nerchinsk.sovereignty_at(lon, lat, year)
    except nerchinsk.Error as e:
        assert e.code in ("not_finite", "out_of_range", "at_sea", "outside", "before_coverage")
        return
    assert s.status in ("russia", "china", "joint", "undetermined")
    assert np.isfinite(lon) and np.isfinite(lat)


@given(years)
def test_any_int_year_gives_an_answer_or_the_error(year):
    try:
        s = nerchinsk.sovereignty_at(124.0775, 53.39056, year)
    except nerchinsk.Error as e:
        assert e.code in ("before_coverage", "invalid_date")
        assert year < 1689 or year > 2**31 - 1
        return
    assert year >= 1689 and s.status in ("russia", "china")


@given(st.text(max_size=20))
def test_any_text_is_a_date_or_the_error(text):
    try:
        nerchinsk.sovereignty_at(124.0775, 53.39056, text)
    except nerchinsk.Error as e:
        assert e.code in ("invalid_date", "before_coverage")


@given(st.dates(min_value=datetime.date(1689, 9, 8)))
def test_a_date_and_its_iso_text_agree(day):
    a = nerchinsk.sovereignty_at(127.533, 50.25, day)
    b = nerchinsk.sovereignty_at(127.533, 50.25, day.isoformat())
    assert (a.status, a.sovereign, a.treaty) == (b.status, b.sovereign, b.treaty)


@given(
    st.one_of(
        st.floats(), st.none(), st.booleans(), st.binary(), st.lists(st.integers(), max_size=2), st.complex_numbers()
    )
)
def test_a_date_of_another_type_is_a_type_error(when):
    with pytest.raises(TypeError):
        nerchinsk.sovereignty_at(124.0775, 53.39056, when)
    with pytest.raises(TypeError):
        nerchinsk.sovereignty_codes(np.zeros(1), np.zeros(1), when)
    with pytest.raises(TypeError):
        nerchinsk.territories(when)


@settings(max_examples=50)
@given(st.lists(near_the_border | st.tuples(any_float, any_float), max_size=300), st.integers(1689, 2030))
def test_codes_equal_the_scalar_call(points, year):
    lon = np.array([p[0] for p in points], dtype=np.float64)
    lat = np.array([p[1] for p in points], dtype=np.float64)
    codes = nerchinsk.sovereignty_codes(lon, lat, year)
    assert codes.tolist() == [code_of(x, y, year) for x, y in points]


@settings(max_examples=50)
@given(st.integers(0, 50), st.integers(0, 50))
def test_mismatched_lengths_always_raise(n, m):
    lon, lat = np.full(n, 124.0), np.full(m, 53.0)
    if n == m:
        assert len(nerchinsk.sovereignty_codes(lon, lat, 1900)) == n
    else:
        with pytest.raises(nerchinsk.Error):
            nerchinsk.sovereignty_codes(lon, lat, 1900)


@settings(max_examples=50)
@given(
    hnp.arrays(np.float64, st.integers(1, 200), elements=st.floats(100.0, 145.0)),
    st.integers(1, 5),
    st.booleans(),
)
def test_any_stride_reads_the_same_points(values, step, backwards):
    lat = np.linspace(40.0, 58.0, len(values))
    view = (values[::-1] if backwards else values)[::step]
    lat_view = (lat[::-1] if backwards else lat)[::step]
    codes = nerchinsk.sovereignty_codes(view, lat_view, 1900)
    copies = nerchinsk.sovereignty_codes(np.ascontiguousarray(view), np.ascontiguousarray(lat_view), 1900)
    assert np.array_equal(codes, copies)


@given(hnp.arrays(st.sampled_from([np.float64, np.int64, np.float32]), hnp.array_shapes(min_dims=2, max_dims=3)))
def test_arrays_of_two_or_more_dimensions_are_type_errors(values):
    with pytest.raises(TypeError):
        nerchinsk.sovereignty_codes(values, values, 1900)
