"""The Streamlit app's pages (``claimgraph.app.ui``): rendering only, on top of the library."""
