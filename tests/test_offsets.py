from hypothesis import given
from hypothesis import strategies as st

from factcheck.offsets import OffsetMap


def test_aligned_pieces_merge_and_map_one_to_one():
    offsets = OffsetMap()
    offsets.add(0, 5, 5)
    offsets.add(5, 9, 4)
    assert offsets.clean_starts == [0]
    assert offsets.span(2, 7) == (2, 7)


def test_deleted_text_is_skipped():
    # original "a\\$b": the backslash (index 1) is deleted
    offsets = OffsetMap()
    offsets.add(0, 1, 1)
    offsets.add(2, 4, 2)
    assert offsets.span(1, 3) == (2, 4)


def test_replacement_maps_to_whole_replaced_range():
    # original "x-\n\ny" cleaned to "xy"? here: "\r\n" (0..2) becomes "\n"
    offsets = OffsetMap()
    offsets.add(0, 2, 1)
    offsets.add(2, 5, 3)
    assert offsets.span(0, 1) == (0, 2)
    assert offsets.span(0, 2) == (0, 3)


@given(st.lists(st.tuples(st.integers(0, 5), st.integers(0, 3)), max_size=30))
def test_spans_never_run_backwards(pieces):
    offsets = OffsetMap()
    position = 0
    for original_length, clean_length in pieces:
        offsets.add(position, position + original_length, clean_length if original_length else 0)
        position += original_length
    for start in range(offsets.clean_length):
        for end in range(start + 1, offsets.clean_length + 1):
            low, high = offsets.span(start, end)
            assert 0 <= low < high <= position
