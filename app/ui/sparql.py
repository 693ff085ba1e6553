"""Page script for st.navigation; the page itself is :func:`claimgraph.app.ui.pages.sparql_page`."""

from claimgraph.app.ui.pages import sparql_page

sparql_page()
