"""Page script for st.navigation; the page itself is :func:`claimgraph.app.ui.pages.graph_page`."""

from claimgraph.app.ui.pages import graph_page

graph_page()
