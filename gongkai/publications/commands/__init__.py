"""``gongkai publications …`` (registered in ``gongkai.cli``)."""
