"""Byline's store: everything that touches disk or network (TinyDB files, loading sources,
fetching feeds), plus relatedness and bookmarks over what is stored."""
