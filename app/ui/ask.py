"""Page script for st.navigation; the page itself is :func:`claimgraph.app.ui.pages.ask_page`."""

from claimgraph.app.ui.pages import ask_page

ask_page()
