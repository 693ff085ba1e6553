"""Page script for st.navigation; the page itself is :func:`claimgraph.app.ui.pages.export_page`."""

from claimgraph.app.ui.pages import export_page

export_page()
