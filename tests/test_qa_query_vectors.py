"""Question vectors: batched MiniLM encodes and e5 prefetched in background threads give
the vectors one-at-a-time encoding gives, and the cache forgets them all when cleared."""

import numpy as np
import pytest
from claimgraph.qa import embed


@pytest.fixture(autouse=True)
def _fresh():
    embed.clear_query_cache()
    yield
    embed.clear_query_cache()


@pytest.mark.slow
def test_batched_words_equal_single_encodes():
    words = ["said", "warned", "acknowledged", "told reporters", "said"]
    single = [embed.encode([w])[0] for w in words]
    batch = embed.minilm_queries(words)
    assert len(batch) == len(words)
    for a, b in zip(batch, single, strict=True):
        assert np.abs(a - b).max() < 1e-5
    assert batch[0] is batch[4]  # one vector per text, cached
    assert embed.minilm_query("warned") is batch[1]
    with pytest.raises(ValueError):
        batch[1][0] = 1.0  # cached vectors are read-only


@pytest.mark.slow
def test_cache_keeps_the_most_recent(monkeypatch):
    monkeypatch.setattr(embed, "QUERY_CACHE", 3)
    embed.minilm_queries(["a", "b", "c"])
    embed.minilm_query("a")  # used again: "b" is now the oldest
    embed.minilm_query("d")
    assert list(embed._MINILM_QUERIES) == ["c", "a", "d"]
    many = embed.minilm_queries(["w", "x", "y", "z", "w"])  # more than the cache holds
    assert len(many) == 5 and many[0] is many[4] and list(embed._MINILM_QUERIES) == ["x", "y", "z"]


@pytest.mark.slow
def test_e5_prefetch_gives_the_direct_vectors():
    texts = ["标准普尔对美国主权信用评级怎么看?", "瑞银对收益率怎么看?", "美国国债总额是多少?"]
    direct = [embed._e5_vector(t) for t in texts]
    embed.e5_prefetch(texts + texts[:1])
    got = [embed.e5_query(t) for t in texts]
    for a, b in zip(got, direct, strict=True):
        assert np.array_equal(a, b)
    assert not embed._E5_PENDING
    embed.e5_prefetch(texts)  # cached: nothing started
    assert not embed._E5_PENDING
    embed.e5_prefetch(["联邦储备委员会说了什么?"])
    embed.clear_query_cache()  # waits for the running prefetch, then forgets it
    assert not embed._E5_PENDING and not embed._E5_QUERIES


@pytest.mark.slow
def test_a_failed_prefetch_is_retried(monkeypatch):
    calls = []

    def flaky(text):
        calls.append(text)
        if len(calls) == 1:
            raise RuntimeError("engine busy")
        return np.ones(4, dtype=np.float32) / 2

    monkeypatch.setattr(embed, "_e5_vector", flaky)
    embed.e5_prefetch(["某某说了什么?"])
    with pytest.raises(RuntimeError):
        embed.e5_query("某某说了什么?")
    assert not embed._E5_PENDING
    assert embed.e5_query("某某说了什么?").tolist() == [0.5] * 4
    assert len(calls) == 2
