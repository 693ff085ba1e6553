"""The claimgraph Streamlit app: ask, browse, read, add, export, query.

Started by ``claimgraph app -g GRAPH`` (the graph path arrives in the
``CLAIMGRAPH_GRAPH`` environment variable). This script sets the page up and
hands over to ``st.navigation``; the pages live in ``app/ui/pages.py`` and
only call ``claimgraph.*`` functions and render what they return.
"""

from __future__ import annotations

import streamlit as st

st.set_page_config(page_title="claimgraph", page_icon="🗞️", layout="wide")

from claimgraph.app.ui.pages import CSS, PAGES, sidebar, warm_up  # noqa: E402

TITLES = {"ask": ("Ask", ":material/question_answer:"),
          "entities": ("Entities", ":material/groups:"),
          "graph": ("Graph", ":material/hub:"),
          "reader": ("Article reader", ":material/article:"),
          "add": ("Add article", ":material/note_add:"),
          "export": ("Export", ":material/download:"),
          "sparql": ("SPARQL", ":material/database:")}

nav = st.navigation([st.Page(PAGES[name], title=title, icon=icon, url_path=name,
                             default=name == "ask")
                     for name, (title, icon) in TITLES.items()])
st.html(CSS)
sidebar()
warm_up()
nav.run()
