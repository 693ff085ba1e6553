"""The app's pages: each function renders one page from ``claimgraph.*`` calls.

The page scripts beside this module (``ask.py``, ``entities.py`` …) are
two-line shims that call these functions, so ``st.navigation`` and
``AppTest.switch_page`` can address every page by its file.

Article text and entity names are never rendered as markup:
:func:`claimgraph.service.highlight_html` escapes every piece of text before
it wraps spans in ``<mark>``, and names go into Markdown through :func:`md`.
The graph, its views, the QA engine and the spaCy pipeline load once per
process (``st.cache_resource``), keyed by the graph file's modification time
so an added article shows up on every page.
"""

from __future__ import annotations

import functools
import html
import os
import re
import time
from pathlib import Path

import streamlit as st

from claimgraph import service
from claimgraph.errors import ClaimgraphError, InputError

TYPE_ICON = {"Person": ":material/person:", "Organization": ":material/account_balance:",
             "Place": ":material/place:", "Concept": ":material/lightbulb:", "Claim": ":material/chat:"}
KIND_LABEL = {"direct": "direct quote", "indirect": "indirect", "according-to": "according to",
              "report": "report", "belief": "belief", "authored": "the author's own words"}


def md(text: object) -> str:
    """Text made safe for Markdown: every markup character backslash-escaped."""
    return re.sub(r"([\\`*_{}\[\]()#+\-.!|<>~$:=&])", r"\\\1", " ".join(str(text).split()))


# ---------------------------------------------------------------- loading, once


def graph_path() -> str:
    """The graph file this app serves (``CLAIMGRAPH_GRAPH``, read on every run)."""
    return os.environ.get("CLAIMGRAPH_GRAPH", "claimgraph.trig")


def graph_version(path: str) -> int:
    """The graph file's modification time (0 when missing): the cache key of everything."""
    try:
        return Path(path).stat().st_mtime_ns
    except OSError:
        return 0


@st.cache_resource(max_entries=3, show_spinner="Loading the graph…")
def load_snapshot(path: str, version: int):
    from claimgraph.graph import load_graph

    ds = load_graph(path, missing_ok=True)
    return ds, service.snapshot(ds)


@st.cache_resource(max_entries=2, show_spinner="Loading the question-answering index…")
def load_engine(path: str, version: int):
    from claimgraph.qa import QAEngine

    # the index is cached beside the graph: an added article embeds only its statements
    return QAEngine.from_path(path, missing_ok=True)


@st.cache_resource(show_spinner="Loading the spaCy pipeline…")
def load_nlp():
    from claimgraph.extract.pipeline import load_nlp as _load

    return _load()


@st.cache_data(max_entries=16, show_spinner=False)
def example_questions(path: str, version: int) -> list[str]:
    return service.example_questions(load_snapshot(path, version)[1], n=6)


_WARMING: dict[tuple[str, int], object] = {}


def warm_up() -> None:
    """Build the QA engine in the background so the first question doesn't wait for it.

    Importing sentence-transformers costs seconds; the Ask page paints first
    and the engine is usually ready by the time a question is typed. The cache
    lock makes a question asked earlier simply wait for the same build.
    """
    import threading

    key = (graph_path(), graph_version(graph_path()))
    if key in _WARMING or not key[1] or os.environ.get("CLAIMGRAPH_WARM_UP", "1") == "0":
        return

    def work():
        try:
            load_engine(*key)
        except Exception:  # noqa: BLE001 - the page shows the error when it asks
            pass

    t = threading.Thread(target=work, name="claimgraph-warm-up", daemon=True)
    _WARMING[key] = t
    t.start()


def current():
    """(dataset, snapshot) of the graph as it is on disk now."""
    try:
        return load_snapshot(graph_path(), graph_version(graph_path()))
    except ClaimgraphError as e:
        st.error(f"Cannot open the graph: {e}")
        st.stop()


# ---------------------------------------------------------------- shared pieces


def empty_graph_note(snap) -> bool:
    if snap.articles:
        return False
    st.info("The graph holds no articles yet. Add one on the **Add article** page.")
    st.page_link(PAGES["add"], label="Add an article", icon=":material/note_add:")
    return True


def speaker_line(snap, speaker: dict | None, fallback: str | None = None) -> str:
    if not speaker:
        return md(fallback) if fallback else "_no named speaker_"
    role = snap.role_text(speaker["iri"])
    return f"**{md(speaker['label'])}**" + (f" · {md(role)}" if role else "")


def evidence_card(snap, *, text: str, kind: str, speaker: dict | None, evidence: list,
                  score: float | None = None, cue: str | None = None,
                  source_text: str | None = None) -> None:
    """One answer or claim: what, who (role, organization), where, and the quote in its paragraph."""
    ev = evidence[0] if evidence else None
    with st.container(border=True):
        head = [speaker_line(snap, speaker, source_text)]
        if cue:
            head.append(f"_{md(cue)}_")
        head.append(f"`{KIND_LABEL.get(kind, kind)}`")
        if ev:
            head.append(f"paragraph {ev['paragraph']}")
        if score is not None:
            head.append(f"score {score:.2f}")
        st.markdown(" · ".join(head))
        st.markdown(f"> {md(text)}")
        if ev:
            st.html(f'<div class="cg-para">{service.quote_in_paragraph(snap, ev)}</div>')
            aid = ev["article"].rsplit("/", 1)[-1]
            with st.container(horizontal=True):
                st.page_link(PAGES["reader"], label="Show in article", icon=":material/article:",
                             query_params={"article": aid, "start": str(ev["start"]),
                                           "end": str(ev["end"])})
                if speaker and speaker.get("iri"):  # a group of unnamed people has no page
                    etype = (snap.by_iri.get(speaker["iri"]) or {}).get("type", "Person")
                    st.page_link(PAGES["entities"], label=md(speaker["label"]),
                                 icon=TYPE_ICON.get(etype, ":material/person:"),
                                 query_params={"entity": speaker["iri"]})


CSS = """<style>
[data-testid="stAppDeployButton"] { display: none; }
.cg-para { line-height: 1.6; padding: .4rem .6rem; background: #fafafa; border-radius: .4rem;
           border-left: 3px solid #ddd; font-size: .95rem; }
.cg-para mark { padding: 0 .1rem; border-radius: .2rem; }
.cg-article p { line-height: 1.7; margin: 0 0 .8rem 0; }
.cg-article .pn { color: #999; font-size: .75rem; margin-right: .4rem; user-select: none; }
.cg-article mark { padding: 0 .1rem; border-radius: .2rem; cursor: help; }
.cg-legend span { display: inline-block; margin: 0 .5rem .3rem 0; padding: .1rem .5rem;
                  border-radius: .8rem; font-size: .85rem; }
</style>"""


# ---------------------------------------------------------------- Ask


def _ask_example(q: str) -> None:
    st.session_state["question"] = q


def ask_page() -> None:
    ds, snap = current()
    st.title("Ask the graph")
    st.caption("Who said what, with the paragraph it comes from. Questions may name people "
               "and organizations in English or Chinese.")
    if empty_graph_note(snap):
        return
    shared = st.query_params.get("q")
    if shared and "question" not in st.session_state:
        st.session_state["question"] = shared  # a shared link /?q=... asks its question
    c1, c2 = st.columns([6, 1], vertical_alignment="bottom")
    q = c1.text_input("Question", key="question",
                      placeholder="e.g. What did the central bank say about inflation?")
    k = c2.number_input("Answers", 1, 10, 3, key="ask_k", help="How many answers to show")
    st.button("Ask", type="primary", key="ask_button")
    examples = example_questions(graph_path(), graph_version(graph_path()))
    if examples:
        st.caption("Try:")
        cols = st.columns(min(len(examples), 3))
        for i, ex in enumerate(examples):
            cols[i % len(cols)].button(ex, key=f"example_{i}", on_click=_ask_example, args=(ex,),
                                       width="stretch")
    if not q.strip():
        return
    if st.query_params.get("q") != q:
        st.query_params["q"] = q
    engine = load_engine(graph_path(), graph_version(graph_path()))
    try:
        res = engine.ask(q, k=k)
    except ClaimgraphError as e:
        st.error(str(e))
        return
    st.divider()
    if res["abstained"]:
        reason = res.get("reason") or "nothing in the graph supports an answer"
        reason = reason.strip().rstrip(".")
        st.warning(f"**Not in the graph.** {md(reason[:1].upper() + reason[1:])}. "
                   "claimgraph answers only from what its articles say; it does not guess.",
                   icon=":material/help:")
        return
    st.subheader(f"{len(res['answers'])} answer{'s' if len(res['answers']) != 1 else ''}")
    for ans in res["answers"]:
        evidence_card(snap, text=ans["text"], kind=ans["kind"], speaker=ans["speaker"],
                      evidence=ans["evidence"], score=ans["score"])


# ---------------------------------------------------------------- Entities


def entities_page() -> None:
    ds, snap = current()
    st.title("Entities")
    if empty_graph_note(snap):
        return
    chosen = st.query_params.get("entity")
    if chosen and chosen in snap.by_iri:
        entity_profile(snap, chosen)
        st.divider()
    elif chosen:
        st.warning(f"{md(chosen)} is not an entity of this graph.")
    c1, c2 = st.columns([3, 2])
    text = c1.text_input("Search names (English or Chinese)", key="entity_search")
    types = sorted({e["type"] for e in snap.entities})
    picked = c2.multiselect("Types", types, default=types, key="entity_types")
    rows = service.search_entities(snap, text, picked)
    st.caption(f"{len(rows)} of {len(snap.entities)} entities")
    table = [{"name": snap.name(e["iri"]), "中文": ", ".join(e["labels"]["zh"]),
              "type": e["type"], "roles": _roles_text(e), "claims": e["claims"],
              "mentioned": e["mentioned"]} for e in rows]
    iris = [e["iri"] for e in rows]
    st.dataframe(table, hide_index=True, width="stretch", key="entity_table",
                 height=min(420, 38 + 35 * max(len(table), 1)),
                 on_select=functools.partial(_open_from_table, iris), selection_mode="single-row",
                 column_config={"name": st.column_config.TextColumn("English"),
                                "claims": st.column_config.NumberColumn("claims"),
                                "mentioned": st.column_config.CheckboxColumn("mentioned")})
    if rows:
        st.selectbox("Open an entity (or select a row above)", [None] + iris, key="entity_pick",
                     format_func=lambda i: "—" if i is None else
                     f"{snap.name(i)} ({snap.by_iri[i]['type']}, {snap.by_iri[i]['claims']} claims)",
                     on_change=_open_from_pick)


# widget callbacks act only when the user changes the widget, never on a plain rerun
def _open_from_pick() -> None:
    iri = st.session_state.get("entity_pick")
    if iri:
        st.query_params["entity"] = iri


def _open_from_table(iris: list[str]) -> None:
    state = st.session_state.get("entity_table")
    rows = state.selection.rows if state is not None else []
    if rows and rows[0] < len(iris):
        st.query_params["entity"] = iris[rows[0]]


CARDS_PER_TAB = 15


def _first(items: list, key: str) -> list:
    """The first CARDS_PER_TAB items, or all of them once the reader asks (long lists stay fast)."""
    if len(items) <= CARDS_PER_TAB:
        return items
    if st.toggle(f"Show all {len(items)}", key=f"all_{key}"):
        return items
    st.caption(f"The first {CARDS_PER_TAB} of {len(items)}:")
    return items[:CARDS_PER_TAB]


def _roles_text(ent: dict) -> str:
    out = []
    for r in ent["roles"]:
        org = (r.get("organization") or {}).get("label") or ""
        role = ("former " if r["former"] else "") + (r["role"] or "member")
        out.append(f"{role}, {org}" if org else role)
    return "; ".join(out)


def entity_profile(snap, iri: str) -> None:
    prof = service.entity_profile(snap, iri)
    ent = prof["entity"]
    st.header(f"{TYPE_ICON.get(ent['type'], '')} {md(prof['name'])}")
    facts = [f"`{ent['type']}`"]
    others = [n for n in ent["labels"]["en"][1:]] + ent["labels"]["zh"]
    if others:
        facts.append("also " + ", ".join(md(n) for n in others))
    if not ent["mentioned"]:
        facts.append("listed in an entity directory but never mentioned in the text")
    st.markdown(" · ".join(facts))
    for r in ent["roles"]:
        org = r["organization"] or {}
        st.markdown(f"- {'former ' if r['former'] else ''}{md(r['role'] or 'member')}"
                    + (f" at **{md(org.get('label', ''))}**" if org else ""))
    m = st.columns(4)
    m[0].metric("Claims made", len(prof["said"]))
    m[1].metric("Claims about", len(prof["about"]))
    m[2].metric("Affiliations", len(prof["affiliations"]))
    m[3].metric("Co-mentioned", len(prof["co_mentioned"]))
    tabs = st.tabs(["Said", "Said about", "Affiliations", "Co-mentioned", "Articles"])
    with tabs[0]:
        if not prof["said"]:
            st.caption("No claims by this entity.")
        for c in _first(prof["said"], f"said_{iri}"):
            evidence_card(snap, text=c["content"], kind=c["kind"], speaker=c["speaker"],
                          evidence=c["evidence"], cue=c["cue"])
    with tabs[1]:
        if not prof["about"]:
            st.caption("No claims name this entity.")
        for c in _first(prof["about"], f"about_{iri}"):
            evidence_card(snap, text=c["content"], kind=c["kind"], speaker=c["speaker"],
                          evidence=c["evidence"], cue=c["cue"], source_text=c["source_text"])
    with tabs[2]:
        if not prof["affiliations"]:
            st.caption("No affiliations in the graph.")
        for mem in prof["affiliations"]:
            other = mem["organization"] if mem["person"]["iri"] == iri else mem["person"]
            ev = mem["evidence"][0]
            line = (f"{md(mem['person']['label'])} — {'former ' if mem['former'] else ''}"
                    f"{md(mem['role'] or 'member')} — {md(mem['organization']['label'])} "
                    f"(paragraph {ev['paragraph']})")
            st.markdown(line)
            st.page_link(PAGES["entities"], label=md(other["label"]), icon=":material/arrow_forward:",
                         query_params={"entity": other["iri"]})
    with tabs[3]:
        if not prof["co_mentioned"]:
            st.caption("No entity shares a claim or an affiliation with this one.")
        cols = st.columns(3)
        for i, co in enumerate(prof["co_mentioned"]):
            cols[i % 3].page_link(PAGES["entities"], icon=TYPE_ICON.get(co["type"], ":material/circle:"),
                                  label=f"{md(co['label'])} ({co['shared']})",
                                  query_params={"entity": co["iri"]})
    with tabs[4]:
        for a in prof["articles"]:
            st.page_link(PAGES["reader"], label=md(a["title"] or a["name"] or a["id"]), icon=":material/article:",
                         query_params={"article": a["id"]})
    st.page_link(PAGES["graph"], label="Show in the graph", icon=":material/hub:",
                 query_params={"focus": iri})


# ---------------------------------------------------------------- Graph


class _Styled:
    """A st-link-analysis style with extra Cytoscape properties (the component only reads dump())."""

    def __init__(self, base, extra: dict) -> None:
        self.base, self.extra = base, extra

    def dump(self) -> dict:
        out = self.base.dump()
        out["style"].update(self.extra)
        return out


def graph_page() -> None:
    import warnings

    with warnings.catch_warnings():  # st-link-analysis 0.4 warns about its own default
        warnings.simplefilter("ignore")
        from st_link_analysis import EdgeStyle, Event, NodeStyle, st_link_analysis

    ds, snap = current()
    st.title("Graph")
    if empty_graph_note(snap):
        return
    focus_options = [None] + [e["iri"] for e in sorted(
        (e for e in snap.entities if e["mentioned"]),
        key=lambda e: (-e["claims"], snap.name(e["iri"]).casefold()))]
    qp_focus = st.query_params.get("focus")
    default = focus_options.index(qp_focus) if qp_focus in focus_options else 0
    types = st.pills("Show", list(service.NODE_TYPES), selection_mode="multi",
                     default=["Person", "Organization", "Concept", "Claim"], key="graph_types",
                     format_func=lambda t: f"{TYPE_ICON[t]} {t}") or []
    c2, c3 = st.columns([4, 1], vertical_alignment="bottom")
    focus = c2.selectbox("Focus on", focus_options, index=default, key=f"graph_focus_{qp_focus}",
                         format_func=lambda i: "everything" if i is None else
                         f"{snap.name(i)} ({snap.by_iri[i]['type']})")
    depth = c3.number_input("Depth", 1, 4, 2 if focus else 1, key="graph_depth",
                            disabled=focus is None, help="Hops from the focused entity")
    elements = service.graph_elements(snap, types, focus, int(depth), max_nodes=250)
    n, m = len(elements["nodes"]), len(elements["edges"])
    note = f"{n} nodes, {m} edges"
    if elements["truncated"]:
        note += (f" — the {elements['total_nodes']} nodes were cut to the {n} best connected; "
                 "focus on one entity to see its neighbourhood")
    st.caption(note + ". Tap a node to open it below; scroll to zoom; drag to move.")
    if not n:
        st.info("Nothing to draw with these filters.")
        return
    # entity names readable at overview zoom; claims stay icons (click one for its text)
    names = {"font-size": 7, "min-zoomed-font-size": 5}
    node_styles = [_Styled(NodeStyle("Person", "#4e79a7", "name", "person"), names),
                   _Styled(NodeStyle("Organization", "#f28e2b", "name", "account_balance"), names),
                   _Styled(NodeStyle("Place", "#59a14f", "name", "place"), names),
                   _Styled(NodeStyle("Concept", "#b07aa1", "name", "science"), names),
                   NodeStyle("Claim", "#bab0ac", None, "chat")]
    edge_styles = [EdgeStyle("SAID", "#4e79a7", caption="label", directed=True, labeled=None),
                   EdgeStyle("ABOUT", "#bab0ac", caption="label", directed=True, labeled=None),
                   EdgeStyle("MEMBER_OF", "#f28e2b", caption="role", directed=True, labeled=None),
                   EdgeStyle("FORMER_MEMBER_OF", "#e15759", caption="role", directed=True,
                             labeled=None)]
    picked = st_link_analysis({"nodes": elements["nodes"], "edges": elements["edges"]},
                              layout="cose", node_styles=node_styles, edge_styles=edge_styles,
                              height=620, events=[Event("pick", "tap", "node")],
                              key=f"graph_{hash((tuple(types), focus, depth, n, m))}")
    node = (picked or {}).get("data", {}).get("target_id") if isinstance(picked, dict) else None
    if node and node in snap.by_iri:
        _graph_entity_actions(snap, node, focus)
    elif node and node in snap.claim_by_iri:
        c = snap.claim_by_iri[node]
        st.caption("Selected claim:")
        evidence_card(snap, text=c["content"], kind=c["kind"], speaker=c["speaker"],
                      evidence=c["evidence"], cue=c["cue"], source_text=c["source_text"])
    elif focus:
        _graph_entity_actions(snap, focus, focus)
    else:
        st.caption("Tap a node to open its page or focus the network on it.")


def _graph_entity_actions(snap, iri: str, focus: str | None) -> None:
    ent = snap.by_iri[iri]
    with st.container(horizontal=True, vertical_alignment="center"):
        st.page_link(PAGES["entities"], label=f"Open {md(snap.name(iri))}'s page",
                     icon=TYPE_ICON.get(ent["type"], ":material/person:"),
                     query_params={"entity": iri})
        if iri != focus:
            st.page_link(PAGES["graph"], label=f"Focus the network on {md(snap.name(iri))}",
                         icon=":material/center_focus_strong:", query_params={"focus": iri})


# ---------------------------------------------------------------- Article reader


def _int_param(name: str) -> int | None:
    v = st.query_params.get(name)
    return int(v) if v is not None and str(v).isdigit() else None


def reader_page() -> None:
    ds, snap = current()
    st.title("Article reader")
    if empty_graph_note(snap):
        return
    by_id = {a["id"]: a for a in snap.articles}
    wanted = st.query_params.get("article")
    if wanted and wanted not in by_id:
        wanted = next((a["id"] for a in snap.articles if a["iri"] == wanted), None)
    ids = list(by_id)
    idx = ids.index(wanted) if wanted in by_id else 0
    aid = st.selectbox("Article", ids, index=idx, key=f"reader_article_{wanted}",
                       format_func=lambda i: by_id[i]["title"] or by_id[i]["name"] or i)
    art = by_id[aid]
    if aid != wanted:
        st.query_params.update({"article": aid})
    start, end = _int_param("start"), _int_param("end")
    target = (start, end) if aid == wanted and start is not None and end is not None else None
    marks = service.claim_marks(snap, art["iri"])
    st.caption(f"{md(art['name'])} · {len(art['paragraphs'])} paragraphs · {len(marks)} "
               "attributions, coloured by speaker (hover for speaker and cue)")
    chips = "".join(f'<span style="background:{c}">{_esc(s)} ({n})</span>'
                    for s, c, n in service.legend(marks))
    if chips:
        st.html(f'<div class="cg-legend">{chips}</div>')
    if target:
        para = next((p for p in art["paragraphs"] if p["start"] <= target[0] < p["end"] + 1), None)
        where = f"paragraph {para['paragraph']}" if para else f"characters {target[0]}–{target[1]}"
        st.info(f"Jumped to {where}: the passage is outlined in red below.")
    body = []
    for p in art["paragraphs"]:
        inner = service.highlight_html(art["text"], marks, p["start"], p["end"], target=target)
        body.append(f'<p id="cg-p{p["paragraph"]}"><span class="pn">{p["paragraph"]}</span>'
                    f"{inner}</p>")
    st.html(f'<div class="cg-article">{"".join(body)}</div>')
    if target:
        # our own constant script; no article text in it
        st.html("<script>setTimeout(function(){var t=parent.document.getElementById('cg-target')"
                "||document.getElementById('cg-target');if(t){t.scrollIntoView({block:'center'});}"
                "},300);</script>", unsafe_allow_javascript=True)


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


# ---------------------------------------------------------------- Add article


def add_page() -> None:
    st.title("Add an article")
    st.caption("Paste text or upload a .txt, .md or .html file. The article is extracted and "
               "added to the graph; adding the same text again changes nothing.")
    tab_paste, tab_upload = st.tabs(["Paste text", "Upload a file"])
    with tab_paste:
        pasted = st.text_area("Article text", key="add_text", height=260,
                              placeholder="Headline\n\nFirst paragraph …")
        name = st.text_input("Name it", value="pasted.txt", key="add_name",
                             help="Shown as the article's source; .md or .html picks the reader")
    with tab_upload:
        upload = st.file_uploader("Article file", type=["txt", "md", "markdown", "html", "htm"],
                                  key="add_file")
    fmt = st.selectbox("Format", ["detect", "text", "markdown", "html", "caixin"], key="add_fmt")
    if st.button("Add to the graph", type="primary", key="add_button"):
        if upload is not None:
            data, filename = upload.getvalue(), upload.name
        else:
            data, filename = pasted, name.strip() or "pasted.txt"
        _run_add(data, filename, None if fmt == "detect" else fmt)
    last = st.session_state.get("add_result")
    if last:
        (st.success if last["added"] else st.info)(last["message"])
        if last.get("article_id"):
            st.page_link(PAGES["reader"], label="Read it with its attributions", icon=":material/article:",
                         query_params={"article": last["article_id"]})


def _run_add(data, filename: str, fmt: str | None) -> None:
    st.session_state.pop("add_result", None)
    with st.status(f"Adding {filename} …", expanded=True) as status:
        bar = st.progress(0.0, text="Starting")

        def progress(step: str, frac: float) -> None:
            bar.progress(min(max(frac, 0.0), 1.0), text=step)

        try:
            if isinstance(data, str) and not data.strip():
                raise InputError("the text box is empty: paste an article or upload a file")
            nlp = load_nlp()
            rep = service.add_article_text(graph_path(), data, filename, fmt=fmt, progress=progress,
                                           nlp=nlp)
        except ClaimgraphError as e:
            status.update(label="Could not add the article", state="error")
            st.error(str(e))
            return
        status.update(label="Added" if rep.added else "Already in the graph", state="complete",
                      expanded=False)
    st.session_state["add_result"] = {"added": rep.added, "message": rep.message,
                                      "article_id": rep.article_id}


# ---------------------------------------------------------------- Export


def export_page() -> None:
    from claimgraph.graph.exporters import formats

    ds, snap = current()
    st.title("Export")
    st.caption(f"The whole graph ({_plural(len(snap.articles), 'article')}, "
               f"{_plural(len(snap.entities), 'entity')}, {_plural(len(snap.claims), 'claim')}) "
               "in every registered format.")
    version = graph_version(graph_path())
    for name, ex in formats().items():
        c1, c2 = st.columns([3, 1])
        c1.markdown(f"**{md(name)}** — {md(ex.description)}")
        fname = f"claimgraph-{name}.zip" if ex.is_dir else f"claimgraph{ex.suffix}"

        def data(name=name):
            return export_data(graph_path(), version, name)[0]

        c2.download_button(f"Download {name}", data=data, file_name=fname, key=f"export_{name}",
                           width="stretch", on_click="ignore")


@st.cache_data(max_entries=16, show_spinner="Exporting…")
def export_data(path: str, version: int, fmt: str) -> tuple[bytes, str, str]:
    ds, _ = load_snapshot(path, version)
    return service.export_bytes(ds, fmt)


# ---------------------------------------------------------------- SPARQL

EXAMPLE_QUERIES = {
    "Claims with their speakers": """SELECT ?speaker ?kind ?content WHERE {
  ?c a cg:Claim ; cg:content ?content ; cg:kind ?kind .
  OPTIONAL { ?c cg:speaker ?s . ?s skos:prefLabel ?speaker FILTER(lang(?speaker) = "en") }
} LIMIT 50""",
    "Who is quoted most": """SELECT ?speaker (COUNT(?c) AS ?claims) WHERE {
  ?c a cg:Claim ; cg:speaker ?s . ?s skos:prefLabel ?speaker FILTER(lang(?speaker) = "en")
} GROUP BY ?speaker ORDER BY DESC(?claims) LIMIT 20""",
    "Entities with Chinese names": """SELECT ?en ?zh WHERE {
  ?e skos:prefLabel ?zh FILTER(lang(?zh) = "zh")
  OPTIONAL { ?e skos:prefLabel ?en FILTER(lang(?en) = "en") }
} ORDER BY ?en""",
    "Roles and affiliations": """SELECT ?person ?role ?organization ?former WHERE {
  ?m a org:Membership ; org:member ?p ; org:organization ?o ; cg:isFormer ?former .
  ?p skos:prefLabel ?person . ?o skos:prefLabel ?organization .
  OPTIONAL { ?m org:role/skos:prefLabel ?role }
}""",
    "Articles": """SELECT ?article ?headline (COUNT(?c) AS ?claims) WHERE {
  ?article a schema:NewsArticle . OPTIONAL { ?article schema:headline ?headline }
  OPTIONAL { ?c cg:article ?article ; a cg:Claim }
} GROUP BY ?article ?headline""",
}


def _load_example() -> None:
    name = st.session_state.get("sparql_example")
    if name in EXAMPLE_QUERIES:
        st.session_state["sparql_query"] = EXAMPLE_QUERIES[name]


def sparql_page() -> None:
    from claimgraph.graph.sparql import result_rows, run_query

    ds, snap = current()
    st.title("SPARQL")
    st.caption("Read-only queries (SELECT, ASK, CONSTRUCT, DESCRIBE) over the graph. The prefixes "
               "cg:, schema:, org:, skos:, oa:, prov: and rdf: are predefined.")
    st.session_state.setdefault("sparql_query", next(iter(EXAMPLE_QUERIES.values())))
    st.selectbox("Example queries", list(EXAMPLE_QUERIES), index=None, key="sparql_example",
                 on_change=_load_example, placeholder="Pick an example…")
    query = st.text_area("Query", key="sparql_query", height=200)
    c1, c2, _ = st.columns([1, 1, 4], vertical_alignment="bottom")
    timeout = c2.number_input("Time limit (s)", 1.0, 60.0, 10.0, step=1.0, key="sparql_timeout")
    if not c1.button("Run", type="primary", key="sparql_run"):
        return
    t0 = time.time()
    try:
        cols, rows = result_rows(run_query(ds, query, timeout=float(timeout)))
    except ClaimgraphError as e:
        st.error(str(e))
        return
    st.caption(f"{len(rows)} row{'s' if len(rows) != 1 else ''} in {time.time() - t0:.2f} s")
    table = [dict(zip(cols, r, strict=True)) for r in rows]
    st.dataframe(table, hide_index=True, width="stretch")
    if table:
        import csv
        import io

        buf = io.StringIO()
        w = csv.writer(buf)
        w.writerow(cols)
        w.writerows(rows)
        st.download_button("Download CSV", buf.getvalue(), file_name="query.csv", mime="text/csv",
                           key="sparql_csv", on_click="ignore")


# ---------------------------------------------------------------- navigation

# page scripts, relative to the main script (app/streamlit_app.py)
PAGES = {
    "ask": "ui/ask.py",
    "entities": "ui/entities.py",
    "graph": "ui/graph.py",
    "reader": "ui/reader.py",
    "add": "ui/add.py",
    "export": "ui/export.py",
    "sparql": "ui/sparql.py",
}


def sidebar() -> None:
    with st.sidebar:
        st.caption("Who said what in the news, with evidence.")
        try:
            _, snap = load_snapshot(graph_path(), graph_version(graph_path()))
        except ClaimgraphError:
            return
        counts = " · ".join(_plural(n, word) for n, word in (
            (len(snap.articles), "article"), (len(snap.entities), "entity"),
            (len(snap.claims), "claim")))
        st.caption(f"Graph: {md(Path(graph_path()).name)} · {counts}")


def _plural(n: int, word: str) -> str:
    if n == 1:
        return f"1 {word}"
    return f"{n:,} {word[:-1] + 'ies' if word.endswith('y') else word + 's'}"
