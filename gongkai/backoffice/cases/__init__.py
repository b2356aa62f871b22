"""Staff pages of disclosure applications (依申请公开): dashboard, list, intake and
the case page with one form per state change."""
