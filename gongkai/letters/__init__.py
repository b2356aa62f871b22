"""Reply and notice letters on disclosure applications (domain-spec §6).

- ``kinds``: the letters (one reply per outcome, 非本机关, the notices);
- ``defaults``: the shipped texts, installed by migration ``0002`` through
  ``services.letters_install_defaults``; an office edits its own versions;
- ``placeholders``: the only template syntax, ``{{申请人}}`` (no template code);
- ``context``: the values of a case; ``law``: the articles quoted and the remedies
  clause;
- ``rendering``: the GB/T 9704 layout as PDF and DOCX (``gongkai.documents``);
- ``services``: draft, issue (文号, frozen text), files, templates, settings, the
  case file (PDF and zip); ``selectors``: templates in force, a case's letters.

Setting ``GONGKAI_LETTERS_RECONSIDERATION_FIRST`` (outcome codes; default every
不予公开 ground and 部分公开): the replies that tell the applicant to apply for
reconsideration before suing (行政复议法第二十三条第一款第（四）项; see ``law``).
"""
