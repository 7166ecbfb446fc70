"""scripts/topology.py on small hand-made lines: what the rule accepts and what it reports."""
import pytest

from topology import check_topology

OK = "topology: lines meet only at shared vertices\n"


def failure(lines, ids):
    """The message check_topology stops with (it must stop)."""
    with pytest.raises(SystemExit) as e:
        check_topology(lines, ids)
    return str(e.value)


def accepted(lines, ids, capsys):
    check_topology(lines, ids)
    return capsys.readouterr().out


def test_crossing_lines_are_reported():
    lines = [[(0, 0), (2, 2)], [(0, 2), (2, 0)]]
    assert failure(lines, ["a", "b"]) == "topology check failed:\n  a meets b away from a shared vertex: POINT (1 1)"


def test_crossing_at_a_vertex_of_only_one_line_is_reported():
    # (1, 1) is a vertex of a, but b passes through it between its vertices
    lines = [[(0, 0), (1, 1), (2, 2)], [(0, 2), (2, 0)]]
    assert failure(lines, ["a", "b"]) == "topology check failed:\n  a meets b away from a shared vertex: POINT (1 1)"


def test_lines_meeting_at_shared_end_points_are_accepted(capsys):
    lines = [[(0, 0), (1, 1)], [(1, 1), (2, 0)], [(2, 0), (0, 0)]]
    assert accepted(lines, ["a", "b", "c"], capsys) == OK


def test_two_lines_closing_a_face_between_the_same_two_ends_are_accepted(capsys):
    # like a pre-2004 channel and the 2004 line around an island: they meet at both ends
    lines = [[(0, 0), (1, -1), (2, 0)], [(0, 0), (1, 1), (2, 0)]]
    assert accepted(lines, ["channel", "line_2004"], capsys) == OK


def test_t_junction_on_a_vertex_of_both_is_accepted(capsys):
    lines = [[(0, 0), (1, 0), (2, 0)], [(1, 0), (1, 1)]]
    assert accepted(lines, ["main", "branch"], capsys) == OK


def test_t_junction_between_vertices_is_reported():
    # the branch ends on the main line's interior, where the main line has no vertex
    lines = [[(0, 0), (2, 0)], [(1, 0), (1, 1)]]
    assert failure(lines, ["main", "branch"]) == \
        "topology check failed:\n  main meets branch away from a shared vertex: POINT (1 0)"


def test_overlapping_lines_are_reported():
    lines = [[(0, 0), (1, 0), (2, 0)], [(1, 0), (2, 0), (3, 0)]]
    assert failure(lines, ["a", "b"]) == \
        "topology check failed:\n  a meets b away from a shared vertex: LINESTRING (1 0, 2 0)"


def test_self_crossing_line_is_reported():
    lines = [[(0, 0), (2, 2), (2, 0), (0, 2)], [(5, 5), (6, 6)]]
    assert failure(lines, ["bow", "other"]) == "topology check failed:\n  bow crosses itself"


def test_line_whose_end_touches_its_own_interior_is_reported():
    lines = [[(0, 0), (2, 0), (2, 1), (1, 0)]]
    assert failure(lines, ["hook"]) == "topology check failed:\n  hook crosses itself"


def test_closed_ring_is_accepted(capsys):
    # the frame: a line that ends where it starts
    lines = [[(0, 0), (1, 0), (1, 1), (0, 1), (0, 0)], [(0, 0), (-1, -1)]]
    assert accepted(lines, ["frame", "edge"], capsys) == OK


def test_self_crossing_ring_is_reported():
    lines = [[(0, 0), (2, 2), (2, 0), (0, 2), (0, 0)]]
    assert failure(lines, ["figure_eight"]) == "topology check failed:\n  figure_eight crosses itself"


def test_duplicate_ids_are_reported_even_if_the_lines_are_apart():
    lines = [[(0, 0), (1, 0)], [(5, 5), (6, 6)], [(8, 8), (9, 9)], [(10, 0), (11, 0)]]
    assert failure(lines, ["b", "a", "b", "a"]) == "topology check failed:\n  duplicate id a\n  duplicate id b"


def test_every_problem_is_listed_in_order():
    # duplicate ids first, then each line that crosses itself, then each pair that meets wrongly
    lines = [[(0, 0), (2, 2), (2, 0), (0, 2)], [(10, 0), (12, 2)], [(10, 2), (12, 0)], [(20, 0), (21, 0)]]
    assert failure(lines, ["bow", "a", "b", "a"]) == (
        "topology check failed:\n"
        "  duplicate id a\n"
        "  bow crosses itself\n"
        "  a meets b away from a shared vertex: POINT (11 1)")


def test_lines_apart_and_coordinates_as_lists_are_accepted(capsys):
    # GeoJSON gives vertices as lists, not tuples
    lines = [[[0.5, 0.5], [1.0, 1.0]], [[1.0, 1.0], [2.0, 0.5]], [[3.0, 3.0], [4.0, 4.0]]]
    assert accepted(lines, ["a", "b", "c"], capsys) == OK
