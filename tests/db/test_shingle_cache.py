"""The store's cache of candidates' shingles: least recently used entries go first."""

from db.dedup import ShingleCache, shingle_hashes


def test_cache_keeps_the_most_recently_used_entries():
    cache = ShingleCache(size=2)
    first, second, third = (shingle_hashes(f"story number {n} " * 10) for n in range(3))
    cache.put(1, "a", first)
    cache.put(2, "b", second)
    assert cache.get(1, "a") == first  # touching 1 makes 2 the oldest
    cache.put(3, "c", third)
    assert cache.get(2, "b") is None
    assert cache.get(1, "a") == first and cache.get(3, "c") == third


def test_an_edited_body_is_a_different_entry():
    cache = ShingleCache()
    cache.put(1, "hash-before-edit", shingle_hashes("the original text of the story " * 5))
    assert cache.get(1, "hash-after-edit") is None
