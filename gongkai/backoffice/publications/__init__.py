"""Staff pages of proactive disclosure (主动公开): items and their review, the
第二十六条 clock, the checklist, catalogue, guide, interpretations and the inputs
of section 二."""
