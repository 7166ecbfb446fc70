"""sovereignty_codes against the scalar call, on random points, and its handling of arrays:
strides, buffers, dtypes, lengths and shapes."""

import array
import math

import numpy as np
import pytest

import nerchinsk

# the covered frame is 105.5-141.8E, 42.25-57.5N (docs/LIBRARY.md); a box a little larger
# draws land of every status, sea, and land outside the covered area
WEST, EAST, SOUTH, NORTH = 104.0, 143.0, 41.0, 59.0


def scalar_code(lon, lat, when):
    """The code the scalar call implies: the status, or what its error says."""
    try:
        return nerchinsk.STATUS.index(nerchinsk.sovereignty_at(lon, lat, when).status)
    except nerchinsk.Error as e:
        return nerchinsk.STATUS.index({"at_sea": "sea", "outside": "outside"}.get(e.code, "invalid_coordinate"))


def random_points(n, seed):
    rng = np.random.default_rng(seed)
    return rng.uniform(WEST, EAST, n), rng.uniform(SOUTH, NORTH, n)


def test_status_names_the_codes():
    assert nerchinsk.STATUS == ["russia", "china", "joint", "undetermined", "sea", "outside", "invalid_coordinate"]


@pytest.mark.parametrize("when", [1700, 1859, "1858-05-28", 1920, 2025])
def test_codes_agree_with_the_scalar_call_on_random_points(when):
    lon, lat = random_points(3000, seed=when if isinstance(when, int) else 1858)
    codes = nerchinsk.sovereignty_codes(lon, lat, when)
    assert codes.dtype == np.uint8 and codes.shape == lon.shape
    expected = [scalar_code(x, y, when) for x, y in zip(lon, lat)]
    assert codes.tolist() == expected
    # the box holds land, sea and outside: the comparison is not all one code
    assert len(set(expected)) >= 4


def test_bad_coordinates_are_invalid_not_errors():
    lon = np.array([math.nan, math.inf, -math.inf, 200.0, 124.0, 124.0775])
    lat = np.array([50.0, 50.0, 50.0, 50.0, 95.0, 53.39056])
    codes = nerchinsk.sovereignty_codes(lon, lat, 1700)
    invalid = nerchinsk.STATUS.index("invalid_coordinate")
    assert codes.tolist() == [invalid] * 5 + [nerchinsk.STATUS.index("china")]


def test_strided_arrays_are_read_as_they_are():
    lon, lat = random_points(5000, seed=7)
    both = np.stack([lon, lat], axis=1)  # lon and lat as columns: stride 16 bytes
    assert not both[:, 0].flags.c_contiguous
    expected = nerchinsk.sovereignty_codes(lon, lat, 1900)
    assert np.array_equal(nerchinsk.sovereignty_codes(both[:, 0], both[:, 1], 1900), expected)
    reversed_codes = nerchinsk.sovereignty_codes(lon[::-1], lat[::-1], 1900)
    assert np.array_equal(reversed_codes, expected[::-1])
    every_third = nerchinsk.sovereignty_codes(lon[::3], lat[::3], 1900)
    assert np.array_equal(every_third, expected[::3])


def test_buffers_sequences_and_other_dtypes():
    lon, lat = random_points(1000, seed=11)
    expected = nerchinsk.sovereignty_codes(lon, lat, 1900)
    as_buffers = nerchinsk.sovereignty_codes(array.array("d", lon), memoryview(lat), 1900)
    assert np.array_equal(as_buffers, expected)
    assert np.array_equal(nerchinsk.sovereignty_codes(list(lon), list(lat), 1900), expected)
    f32 = nerchinsk.sovereignty_codes(lon.astype(np.float32), lat.astype(np.float32), 1900)
    assert f32.shape == expected.shape  # converted once; float32 moves points by metres


def test_empty_arrays_give_an_empty_array():
    codes = nerchinsk.sovereignty_codes(np.empty(0), np.empty(0), 1900)
    assert codes.dtype == np.uint8 and codes.shape == (0,)


def test_mismatched_lengths_raise():
    with pytest.raises(nerchinsk.Error, match="same length") as info:
        nerchinsk.sovereignty_codes(np.zeros(3), np.zeros(4), 1900)
    assert info.value.code == "invalid_input"


@pytest.mark.parametrize(
    "values",
    [np.zeros((2, 2)), np.float64(1.0), "abc", None, ["a", "b"], np.array([b"x", b"y"])],
)
def test_arrays_that_are_not_one_dimensional_numbers_are_type_errors(values):
    with pytest.raises(TypeError):
        nerchinsk.sovereignty_codes(values, np.zeros(2), 1900)
    with pytest.raises(TypeError):
        nerchinsk.sovereignty_codes(np.zeros(2), values, 1900)


def test_a_date_before_the_first_treaty_raises():
    with pytest.raises(nerchinsk.Error) as info:
        nerchinsk.sovereignty_codes(np.zeros(2), np.zeros(2), 1600)
    assert info.value.code == "before_coverage"


def test_the_inputs_are_left_as_they_were():
    lon, lat = random_points(100, seed=3)
    lon.flags.writeable = False  # read in place: a read-only array is fine
    before = (lon.copy(), lat.copy())
    nerchinsk.sovereignty_codes(lon, lat, 1900)
    assert np.array_equal(lon, before[0]) and np.array_equal(lat, before[1])


def numpy_bytes_allocated_by(call):
    """The peak of memory NumPy allocates (it reports to tracemalloc) during `call`."""
    import tracemalloc

    tracemalloc.start()
    try:
        call()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_float64_inputs_are_not_copied_strided_or_not():
    n = 1_000_000  # 8 MB a coordinate
    lon, lat = random_points(n, seed=13)
    both = np.stack([lon, lat], axis=1)
    lon32 = lon.astype(np.float32)
    copied = numpy_bytes_allocated_by(lambda: nerchinsk.sovereignty_codes(lon32, lat, 1900))
    assert copied >= 8 * n  # a float32 input is converted to float64: the measure sees copies
    for x, y in [(lon, lat), (both[:, 0], both[:, 1]), (lon[::-1], lat[::-1])]:
        assert numpy_bytes_allocated_by(lambda: nerchinsk.sovereignty_codes(x, y, 1900)) < n
