"""The engine's saved index: loads without the graph, answers as the built engine does,
and is refused when its files do not belong together."""
from __future__ import annotations

import json

import numpy as np
import pytest
from test_qa import _snapshot

QUESTIONS = ["What did Acme Bank say about bond yields?", "Who warned that the dollar is overvalued?",
             "Who is the chief economist at Acme Bank?", "How much is the national debt?",
             "What did Globex say?", "What did market participants say?",
             "What did 阿克米银行 say about yields?", "What is the capital of France?"]


@pytest.fixture(scope="module")
def built():
    from claimgraph.qa import QAEngine

    return QAEngine(snapshot=_snapshot())


def test_saved_index_answers_like_the_built_engine(built, tmp_path, monkeypatch):
    from claimgraph.qa import QAEngine, index

    built.save(tmp_path)
    monkeypatch.setattr(index.Snapshot, "from_dataset", lambda *a, **k: pytest.fail("read graph"))
    loaded = QAEngine.load(tmp_path)
    assert loaded is not None and len(loaded.statements) == len(built.statements)
    assert [loaded.statements[i] for i in range(len(built.statements))] == list(built.statements)
    for q in QUESTIONS:
        assert loaded.ask(q) == built.ask(q), q


def test_mismatched_index_files_are_not_trusted(built, tmp_path):
    from claimgraph.qa import QAEngine

    built.save(tmp_path)
    meta = json.loads((tmp_path / "meta.json").read_text(encoding="utf-8"))
    meta["stamp"] = "0" * 16  # arrays written by another save
    (tmp_path / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    assert QAEngine.load(tmp_path) is None
    built.save(tmp_path)
    (tmp_path / "statements.jsonl").write_bytes(b"{}\n")  # truncated statements
    assert QAEngine.load(tmp_path) is None
    assert QAEngine.load(tmp_path / "missing") is None


def test_statements_of_another_save_are_refused(built, tmp_path):
    """statements.jsonl is tied to arrays.npz (and so to meta.json) by its CRC-32: a file of
    the right length with other bytes (a crash between the writes of two saves) is refused."""
    from claimgraph.qa import QAEngine

    built.save(tmp_path)
    assert QAEngine.load(tmp_path) is not None
    raw = (tmp_path / "statements.jsonl").read_bytes()
    at = raw.index(b'"text":"') + len(b'"text":"')
    other = raw[:at] + bytes([raw[at] ^ 1]) + raw[at + 1:]  # same length, one letter changed
    (tmp_path / "statements.jsonl").write_bytes(other)
    assert QAEngine.load(tmp_path) is None
    (tmp_path / "statements.jsonl").write_bytes(raw)
    assert QAEngine.load(tmp_path) is not None


def test_compact_structures():
    from claimgraph.qa.store import CsrIndex, CtxView, PrefixSets, RowMatrix

    idx = CsrIndex.from_dict({"a": [0, 3], "b": [], "c": [2]})
    assert idx["a"].tolist() == [0, 3] and idx["b"].tolist() == [] and "d" not in idx
    assert sorted(idx) == ["a", "b", "c"]
    ctx = CtxView(np.array([1, 1, 4]), np.array([5, 6, 7]), np.array([0.0, 0.02, 0.0]))
    assert ctx.get(1) == [(5, 0.0), (6, 0.02)] and ctx.get(2) is None and ctx.get(4) == [(7, 0.0)]
    sets = [frozenset({"bond", "yield"}), frozenset(), frozenset({"yield"})]
    ps = PrefixSets.from_sets(sets)
    assert [ps[i] for i in range(3)] == sets
    assert ps.counts({"yield", "rate"}, np.arange(3)).tolist() == [1, 0, 1]
    vecs = np.eye(3, dtype=np.float32)
    m = RowMatrix(vecs, np.array([2, 0, 2, 1]))
    assert m.shape == (4, 3) and (m[[0, 3]] == vecs[[2, 1]]).all()
    assert (m @ np.array([1.0, 2.0, 3.0], dtype=np.float32)).tolist() == [3.0, 1.0, 3.0, 2.0]
    off, ids = m.statements_of_rows()
    assert [ids[off[r]:off[r + 1]].tolist() for r in range(3)] == [[1], [3], [0, 2]]


def _where_engine():
    from claimgraph.qa import QAEngine
    from claimgraph.qa.index import Snapshot
    from claimgraph.qa.verbalize import Statement

    text = ("Asked how the explosion happened, the commissioner would not describe the explosion's "
            "device. The blast went off around 8:30 p.m. in front of 131 West 23rd Street.")
    stmts = []
    for a, b in ((0, text.index(" The blast") + 1), (text.index("The blast"), len(text))):
        s = text[a:b].strip()
        stmts.append(Statement("passage", s, s, None, [{"article": "ex:a", "paragraph": 1, "quote": s,
                                                         "start": text.index(s),
                                                         "end": text.index(s) + len(s)}]))
    return QAEngine(snapshot=Snapshot(stmts, {}, {}, [text]))


def test_where_question_prefers_a_sentence_naming_a_place():
    from claimgraph.qa.routes import PLACE

    assert PLACE.search("went off in front of 131 West 23rd Street")
    assert PLACE.search("a press conference in Chelsea") and not PLACE.search("In the end it fell.")
    assert not PLACE.search("chief economist at Goldman Sachs")
    eng = _where_engine()
    assert eng.place_mask.tolist() == [False, True]
    res = eng.ask("Where did the explosion happen?")
    assert not res["abstained"] and "23rd Street" in res["answers"][0]["text"]
    eng.place_mask[:] = False  # without the preference: the same sentence, 0.1 lower
    plain = eng.ask("Where did the explosion happen?")["answers"][0]
    assert plain["text"] == res["answers"][0]["text"]
    assert abs(res["answers"][0]["score"] - plain["score"] - 0.1) < 1e-3


def test_compact_vectors_on_disk_score_like_float32(tmp_path):
    """Past the ANN threshold the rows are float16, memory-mapped, multiplied in chunks whose
    pages are released: the scores match the float32 product to float16 precision."""
    from claimgraph.qa import ann, store
    from claimgraph.qa.store import RowMatrix

    rng = np.random.default_rng(1)
    vecs = rng.standard_normal((3 * store._CHUNK + 17, 8)).astype(np.float32)
    vecs /= np.linalg.norm(vecs, axis=1, keepdims=True)
    row = rng.integers(0, len(vecs), 5000)
    qv = vecs[7]
    full = RowMatrix(vecs, row)
    assert ann.compact_if_large(full, threshold=len(row) + 1) is full  # small: exact float32
    small = ann.compact_if_large(full, threshold=10)
    np.save(tmp_path / "v.npy", small.vecs)
    m = RowMatrix(np.load(tmp_path / "v.npy", mmap_mode="r"), row)
    assert m.vecs.dtype == np.float16 and m[[3, 4]].dtype == np.float32
    got, want = m @ qv, full @ qv
    assert got.shape == want.shape and np.abs(got - want).max() < 2e-3
    assert np.array_equal(m @ qv, got)  # released pages read back the same
    assert int(np.argmax(got)) == int(np.argmax(want))


def _resident_kb(path) -> int:
    """Resident KB of this process's mappings of ``path`` (Linux), or -1 if unknown."""
    import os
    import re

    path, total, cur = os.path.realpath(path), 0, False
    try:
        with open("/proc/self/smaps", encoding="utf-8") as f:
            for ln in f:
                if re.match(r"^[0-9a-f]+-[0-9a-f]+ ", ln):
                    cur = ln.rstrip().endswith(" " + path)
                elif cur and ln.startswith("Rss:"):
                    total += int(ln.split()[1])
    except OSError:
        return -1
    return total


def test_statement_table_reads_with_pread(built, tmp_path):
    """Statements are decoded from pread bytes: none of the file's pages stay in the process."""
    from claimgraph.qa.store import StatementTable

    built.save(tmp_path)
    tab = StatementTable.open(tmp_path / "statements.jsonl", built.statements._off)
    for _ in range(2):
        assert list(tab) == list(built.statements)
    assert tab[len(tab) - 1] == built.statements[len(tab) - 1]
    if _resident_kb(tmp_path / "statements.jsonl") < 0:
        pytest.skip("no /proc/self/smaps")
    assert _resident_kb(tmp_path / "statements.jsonl") == 0
    (tmp_path / "statements.jsonl").write_bytes(b"{}")  # shorter than the offsets say
    with pytest.raises(ValueError):
        StatementTable.open(tmp_path / "statements.jsonl", built.statements._off)


def test_vector_file_rows_come_from_pread_and_a_row_cache(tmp_path, monkeypatch):
    """A RowMatrix opened on a .npy file reads rows with pread into its own cache: gathers
    in any order, with repeats, past the cache's size, equal the file's rows; products equal
    the float32 product of the same rows; the file's pages do not stay mapped."""
    from claimgraph.qa import store
    from claimgraph.qa.store import RowMatrix

    rng = np.random.default_rng(2)
    n = 3001  # MiniLM's width: BLAS gives each row the same product in any chunk
    vecs = rng.standard_normal((n, 384)).astype(np.float16)
    np.save(tmp_path / "v.npy", vecs)
    row = rng.integers(0, n, 3 * store._CHUNK)
    monkeypatch.setattr(store, "_ROW_CACHE", 1000 * vecs.strides[0])  # 1,000 rows: evictions
    m = RowMatrix.open(tmp_path / "v.npy", row)
    assert len(m._cache) == 1000
    for size in (1, 7, 300, 499, 501, 5000):
        rows = rng.integers(0, n, size)  # unsorted, with repeats
        assert np.array_equal(m.read(rows), vecs[rows])
        assert np.array_equal(m.read(rows), vecs[rows])  # now partly from the cache
    assert np.array_equal(m.read(np.array([[3, 1], [1, 2]])), vecs[[[3, 1], [1, 2]]])
    assert m.read(np.zeros(0, dtype=np.int64)).shape == (0, 384)
    cached = m._owner[m._owner >= 0]
    assert (m._slot[cached] >= 0).all() and (m._owner[m._slot[cached]] == cached).all()
    assert int((m._slot >= 0).sum()) == len(cached)  # no stale slot
    qv = rng.standard_normal(384).astype(np.float32)
    idx = rng.integers(0, len(row), store._CHUNK + 1000)  # chunked: two reads
    assert np.array_equal(m[idx] @ qv, np.asarray(vecs[row[idx]], dtype=np.float32) @ qv)
    assert np.array_equal(np.asarray(m[idx[:5]]), vecs[row[idx[:5]]].astype(np.float32))
    assert np.array_equal(m @ qv, (vecs.astype(np.float32) @ qv)[row])
    if _resident_kb(tmp_path / "v.npy") < 0:
        pytest.skip("no /proc/self/smaps")
    assert _resident_kb(tmp_path / "v.npy") == 0


def test_npz_members_are_mapped_and_checked(tmp_path):
    from claimgraph.qa.index import map_npz

    arrays = {"a": np.arange(10, dtype=np.int64), "b": np.array([[1.5, 2.0]], dtype=np.float32),
              "s": np.array("stamp"), "e": np.zeros(0, dtype=np.int32),
              "f": np.asfortranarray(np.arange(6).reshape(2, 3))}
    np.savez(tmp_path / "x.npz", **arrays)
    got = map_npz(tmp_path / "x.npz")
    assert sorted(got) == sorted(arrays)
    for k, v in arrays.items():
        assert got[k].dtype == v.dtype and np.array_equal(got[k], v), k
    got["a"][0] = 7  # a private map: the file keeps its bytes
    assert map_npz(tmp_path / "x.npz")["a"][0] == 0
    raw = bytearray((tmp_path / "x.npz").read_bytes())
    at = raw.index(np.arange(10, dtype=np.int64).tobytes())
    raw[at + 3] ^= 1  # a damaged member
    (tmp_path / "x.npz").write_bytes(bytes(raw))
    with pytest.raises(ValueError, match="damaged"):
        map_npz(tmp_path / "x.npz")
    (tmp_path / "x.npz").write_bytes(bytes(raw[:100]))
    with pytest.raises(ValueError):
        map_npz(tmp_path / "x.npz")
