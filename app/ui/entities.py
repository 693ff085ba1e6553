"""Page script for st.navigation; the page itself is :func:`claimgraph.app.ui.pages.entities_page`."""

from claimgraph.app.ui.pages import entities_page

entities_page()
