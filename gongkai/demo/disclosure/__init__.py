"""The demo county's proactive disclosure (主动公开): each organ's 公开目录 and
公开指南, a year and more of realistic items per organ (a few thousand in all) from
which the county's report section 二 is computed, the last weeks through the real
review services.  ``load.demo_disclosure_load`` is the entry point."""
