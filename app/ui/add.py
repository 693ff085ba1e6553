"""Page script for st.navigation; the page itself is :func:`claimgraph.app.ui.pages.add_page`."""

from claimgraph.app.ui.pages import add_page

add_page()
