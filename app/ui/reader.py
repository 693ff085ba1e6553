"""Page script for st.navigation; the page itself is :func:`claimgraph.app.ui.pages.reader_page`."""

from claimgraph.app.ui.pages import reader_page

reader_page()
