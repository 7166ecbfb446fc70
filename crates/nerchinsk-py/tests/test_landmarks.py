"""Landmark answers through Python, the same as the Rust library gives them. The coordinates
and expected answers come from the Rust tests and docs named at each case (tests/landmarks.rs
cites the pages the coordinates are read from; the statuses follow from the treaty texts)."""

import datetime

import pytest

import nerchinsk

# Albazino, the fort the 1689 treaty had demolished (src/lib.rs crate docs).
ALBAZINO = (124.0775, 53.39056)
# Blagoveshchensk and Heihe across the Amur (tests/landmarks.rs, sovereign_names_follow_the_date).
BLAGOVESHCHENSK = (127.533, 50.25)
HEIHE = (127.4886, 50.2458)


def test_albazino_was_qing_in_1700_and_russian_after_aigun():
    s = nerchinsk.sovereignty_at(*ALBAZINO, 1700)
    assert (s.status, s.sovereign, s.treaty) == ("china", "Qing Empire", "Treaty of Nerchinsk")
    s = nerchinsk.sovereignty_at(*ALBAZINO, 1900)
    assert (s.status, s.treaty) == ("russia", "Treaty of Aigun")
    assert isinstance(s.certain, bool)


@pytest.mark.parametrize(
    "year, sovereign",
    [
        (1859, "Russian Empire"),
        (1917, "Russian Soviet Republic"),
        (1919, "Russian Socialist Federative Soviet Republic"),
        (1950, "Union of Soviet Socialist Republics"),
        (2000, "Russian Federation"),
    ],
)
def test_blagoveshchensk_names_follow_the_date(year, sovereign):
    assert nerchinsk.sovereignty_at(*BLAGOVESHCHENSK, year).sovereign == sovereign


@pytest.mark.parametrize(
    "year, sovereign",
    [(1900, "Qing Empire"), (1930, "Republic of China"), (1960, "People's Republic of China")],
)
def test_heihe_names_follow_the_date(year, sovereign):
    s = nerchinsk.sovereignty_at(*HEIHE, year)
    assert (s.status, s.sovereign) == ("china", sovereign)


def test_the_uda_zone_is_undetermined_until_aigun():
    # Chumikan (tests/landmarks.rs, the_uda_zone_is_undetermined_until_aigun)
    s = nerchinsk.sovereignty_at(135.283, 54.70, 1700)
    assert s.status == "undetermined"
    assert s.sovereign == "undetermined between Tsardom of Russia and Qing Empire"
    assert nerchinsk.sovereignty_at(135.283, 54.70, 1858).status == "russia"


def test_vladivostok_is_russian_by_the_convention_of_peking():
    # tests/landmarks.rs, the_treaty_and_distance_are_reported
    s = nerchinsk.sovereignty_at(131.8853, 43.115, 1900)
    assert (s.status, s.treaty) == ("russia", "Convention of Peking")
    assert nerchinsk.nearest_border(131.8853, 43.115, 1900).line == "peking_land_line"


def test_a_date_in_three_forms_gives_one_answer():
    # Aigun was signed on 28 May 1858 (src/query.rs, sovereignty_on's example)
    for day in ("1858-05-28", datetime.date(1858, 5, 28), datetime.datetime(1858, 5, 28, 12)):
        assert nerchinsk.sovereignty_at(*BLAGOVESHCHENSK, day).status == "russia"
    for day in ("1858-05-27", datetime.date(1858, 5, 27)):
        assert nerchinsk.sovereignty_at(*BLAGOVESHCHENSK, day).status == "china"
    # a bare year is 31 December, in every form it comes in
    assert nerchinsk.sovereignty_at(*ALBAZINO, "1700").sovereign == "Qing Empire"
    assert nerchinsk.sovereignty_at(*ALBAZINO, 1858).status == "russia"


def test_certainty_in_time_between_signing_and_ratification():
    # src/certainty.rs: in 1859 Aigun was signed and the Qing had not ratified it; de.wikipedia's
    # point for Blagoveshchensk, 5 km from the Amur (BLAGOVESHCHENSK is 1.87 km, within the line's
    # 2 km accuracy: not certain in space)
    s = nerchinsk.sovereignty_at(127.53333, 50.28333, "1859-06-01")
    assert not s.certain
    assert (s.doubt, s.other_sovereign) == ("time", "Qing Empire")
    # Harbin, far from any line, in 1900
    harbin = nerchinsk.sovereignty_at(126.6409, 45.7576, "1900-01-01")
    assert harbin.certain and harbin.doubt is None and harbin.other_sovereign is None


def test_the_nearest_border_of_blagoveshchensk_is_the_amur():
    near = nerchinsk.nearest_border(*BLAGOVESHCHENSK, 1950)
    assert near.line == "amur_upper"
    assert 0 < near.distance_km < 5


def test_repr_shows_the_answer():
    text = repr(nerchinsk.sovereignty_at(*ALBAZINO, 1700))
    assert text.startswith("Sovereignty(status='china', sovereign='Qing Empire'")


def test_ceded_area_rows_follow_the_treaties():
    rows = nerchinsk.ceded_area()
    aigun = [r for r in rows if r["event"] == "aigun_1858"]
    # src/area.rs, transfers_of: Aigun gave Russia over 600,000 km2 of Qing land
    china_to_russia = [r for r in aigun if (r["from"], r["to"]) == ("china", "russia")]
    assert china_to_russia and china_to_russia[0]["km2"] > 600_000
    assert aigun[0]["date"] == "1858-05-28" and aigun[0]["treaty"] == "Treaty of Aigun"
    assert not [r for r in rows if r["event"] == "nerchinsk_1689"]  # nothing before it
    assert all(r["km2"] > 0 and r["from"] != r["to"] for r in rows)


def test_changes_from_1857_to_1861_are_aigun_and_peking():
    # src/changes.rs: more than 900,000 km2 of Qing land became Russian
    fc = nerchinsk.changes(1857, 1861)
    assert fc["type"] == "FeatureCollection"
    to_russia = sum(
        f["properties"]["area_km2"]
        for f in fc["features"]
        if (f["properties"]["from"], f["properties"]["to"]) == ("china", "russia")
    )
    assert to_russia > 900_000
    assert nerchinsk.changes(1861, 1861)["features"] == []


def test_territories_tile_the_covered_land_by_status():
    fc = nerchinsk.territories(1900)
    statuses = {f["properties"]["status"] for f in fc["features"]}
    assert statuses == {"russia", "china"}  # after Aigun and Peking, before 1917
    for f in fc["features"]:
        assert f["geometry"]["type"] in ("Polygon", "MultiPolygon")
    # src/area.rs: Russia holds about 2.1 million km2 of the covered land in 1900
    russia = sum(f["properties"]["area_km2"] for f in fc["features"] if f["properties"]["status"] == "russia")
    assert 2.0e6 < russia < 2.2e6


def test_uncertain_bands_follow_the_lines_in_force():
    bands = {f["properties"]["line"]: f for f in nerchinsk.uncertain_bands(1700)["features"]}
    # the Stanovoy crest (accuracy 10 km) is a line of 1689; the Amur is not yet
    assert "stanovoy_crest" in bands and "amur_upper" not in bands
    crest = bands["stanovoy_crest"]["properties"]
    assert crest["kind"] == "uncertain_band" and crest["accuracy_km"] == 10.0
    # about 2 x 10 km wide along its 2,289 km (src/band.rs test: 44,500 km2)
    assert 40_000 < crest["area_km2"] < 46_000
    assert bands["stanovoy_crest"]["geometry"]["type"] == "MultiPolygon"
    assert "amur_upper" in {f["properties"]["line"] for f in nerchinsk.uncertain_bands(2025)["features"]}


def test_help_shows_the_contract():
    assert "year_or_date" in nerchinsk.sovereignty_at.__doc__
    assert "GIL" in nerchinsk.sovereignty_codes.__doc__
    assert "rows out" in nerchinsk.classify.__doc__.replace("\n", " ").replace("  ", " ")


# Tainan and Jincheng (Kinmen), the Taiwan region (tests/taiwan.rs; data/TAIWAN.md, Landmarks).
TAINAN = (120.1833, 22.9833)
JINCHENG = (118.3167, 24.4)


def test_the_taiwan_region_answers_by_coordinate():
    assert nerchinsk.sovereignty_at(*TAINAN, 1700).sovereign == "Qing Empire"
    s = nerchinsk.sovereignty_at(*TAINAN, 1900)
    assert (s.status, s.sovereign, s.treaty) == ("japan", "Empire of Japan", "Treaty of Shimonoseki")
    s = nerchinsk.sovereignty_at(*TAINAN, 1960)
    assert s.status == "disputed" and "administered by the Republic of China" in s.sovereign
    # Kinmen was never ceded
    assert nerchinsk.sovereignty_at(*JINCHENG, 1900).sovereign == "Qing Empire"
    # between signing and ratification of Shimonoseki: not certain, in time
    s = nerchinsk.sovereignty_at(*TAINAN, "1895-04-20")
    assert (s.status, s.certain, s.doubt, s.other_sovereign) == ("china", False, "time", "Empire of Japan")
    near = nerchinsk.nearest_border(*TAINAN, 1900)
    assert near.line == "" and near.distance_km == float("inf")
    with pytest.raises(nerchinsk.Error, match="Kinmen"):
        nerchinsk.sovereignty_at(118.1525, 24.4875, 1950)  # Xiamen island, PRC-held: outside the region


def test_classify_answers_rows_of_both_regions():
    pd = pytest.importorskip("pandas")
    df = pd.DataFrame({"lon": [TAINAN[0], ALBAZINO[0]], "lat": [TAINAN[1], ALBAZINO[1]], "year": [1900, 1900]})
    out = nerchinsk.classify(df, date="year")
    assert list(out["status"]) == ["japan", "russia"]
    assert list(out["sovereign"]) == ["Empire of Japan", "Russian Empire"]
