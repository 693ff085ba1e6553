"""Choosing an attribution's source: the source ranker's groupwise fit."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))


def _top(w: dict, feats: list[list[str]]) -> int:
    scores = [sum(w.get(f, 0.0) for f in fs) for fs in feats]
    return scores.index(max(scores))


def test_the_groupwise_fit_ranks_within_each_group():
    from train_source_ranker import fit_group

    # the right source is the one person in each group; 'near' is as often right as wrong
    groups = []
    for k in range(40):
        near_is_person = k % 2 == 0
        feats = [["bias", "anim=person", "near=" + str(near_is_person)],
                 ["bias", "anim=thing", "near=" + str(not near_is_person)],
                 ["bias", "anim=thing", "near=False"]]
        groups.append((feats, [1, 0, 0]))
    w = fit_group(groups, 1.0)["weights"]
    assert all(_top(w, feats) == ys.index(1) for feats, ys in groups)


def test_the_groupwise_fit_learns_what_beats_what_within_a_group():
    from train_source_ranker import fit_group

    # 'subj' wins whenever it is there; groups without it have two 'obj' candidates of
    # which one is right. Pointwise, 'obj' is right in 30 of 70 rows and 'subj' in 20 of 20.
    # Within a group, 'subj' must beat 'obj'.
    groups = [([["bias", "subj"], ["bias", "obj"]], [1, 0]) for _ in range(20)]
    groups += [([["bias", "obj", "near"], ["bias", "obj"]], [1, 0]) for _ in range(30)]
    w = fit_group(groups, 1.0)["weights"]
    assert _top(w, [["bias", "subj"], ["bias", "obj", "near"]]) == 0
    assert _top(w, [["bias", "obj", "near"], ["bias", "obj"]]) == 0
