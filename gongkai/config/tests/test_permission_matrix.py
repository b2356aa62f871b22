"""The permission matrix (issue 7, "Privacy, permissions, bad input"): every role
against every page and every API operation, and who gets what.

An applicant sees only their own case (by the query code), a unit's staff only their
unit's cases, the disclosure office its whole jurisdiction, the public only what is
published.  Every route of the root URLconf and every operation of the OpenAPI
document must have a row in ``PAGES`` or ``API`` below: a new page or operation
fails ``test_every_route_is_in_the_matrix`` until someone decides who may use it.

Outcome classes of one request:

- ``ok``: 2xx, or a redirect that is not to the login page;
- ``login``: a redirect to the login page;
- ``deny``: 403 or 404 (a case of another unit is "not found" or "forbidden");
- ``method``: 405 (a GET on a POST-only route);
- ``auth``: 401 (the API without a valid token);
- ``reached``: a POST that got past the door: anything but
  login/deny/auth/method/5xx (the form's 400, a 409, a 422, a redirect after the
  action …).  Pages get an empty POST (``post_data`` fills a form where an empty
  one would stop before the permission check); API operations get the smallest
  body their OpenAPI schema accepts, so that the service's own check answers;
- ``bad``: a GET answered 400/422 (a required parameter or header is missing),
  or an API request answered ``invalid_request`` (it did not pass the schema).

A 5xx is never accepted.  The world (``matrix_world``) is built once per module;
each (route, role) request runs in a savepoint that is rolled back, so an empty
POST that happens to succeed changes nothing for the next request.
"""

from __future__ import annotations

import copy
import io
import json
import os
import re
import zipfile
from collections.abc import Iterator
from typing import Any, Final

import pdfplumber
import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.shortcuts import resolve_url
from django.test import Client
from django.urls import reverse

from gongkai.api.api import api
from gongkai.applications.privacy import mask_id_number
from gongkai.applications.selectors import calendar_cache_clear
from gongkai.config.tests.matrix_world import (
    ADDRESS_A,
    EMAIL_A,
    ID_A,
    PDF,
    PHONE_A,
    ROLES,
    STAFF_ROLES,
    TODAY,
    MatrixWorld,
    build_world,
)
from gongkai.config.tests.routes import Route, walk_routes
from gongkai.core import clock
from gongkai.imports.models import ImportRecord, RecordStatus

pytestmark = pytest.mark.django_db

OK, LOGIN, DENY, METHOD, AUTH, REACHED, BAD = (
    "ok",
    "login",
    "deny",
    "method",
    "auth",
    "reached",
    "bad",
)

#: Routes not in the matrix, and why.
SKIPPED_PREFIXES: Final = (
    "admin/",  # Django's admin: staff/superuser only, by Django's own permissions
    "i18n/",  # set_language: a public POST that sets a language cookie
)
#: Routes of API operations end so (``url_name``); they are in ``API``, per method.
API_ROUTE_SUFFIX: Final = "_api"


def _cells(cells: str) -> dict[str, str]:
    classes = cells.split()
    assert len(classes) == len(ROLES), cells
    assert set(classes) <= {OK, LOGIN, DENY, METHOD, AUTH, REACHED, BAD}, cells
    return dict(zip(ROLES, classes, strict=True))


def get(cells: str) -> tuple[str, dict[str, str]]:
    return ("GET", _cells(cells))


def post(cells: str) -> tuple[str, dict[str, str]]:
    return ("POST", _cells(cells))


op = _cells

# --------------------------------------------------------------------------------
# The expected tables: per route (``namespace:name``) or API operation
# ("METHOD /path"), the outcome class of each role.  The URLs name case A (unit A's
# case, decided, with a letter, a paid fee, an attachment, a delivery proof and an
# appeal), its objects, the county's published report of 2024, unit A's draft,
# the county's computed 2025 report and its imported 2023 report.
#
# anon = anonymous; appl = the applicant of case A (query code in the session, or
# X-Query-Code in the API); office = 公开办管理员 and leader = 分管领导 of the
# county; clkA/revA = 承办人/审核人 of unit A; clkB/revB those of unit B;
# audit = 监督评估人员 of the county.  Staff call the API with their token.
# --------------------------------------------------------------------------------
# fmt: off
PAGES: Final[dict[str, tuple[str, dict[str, str]]]] = {
    #                                          anon    appl    office  leader  clkA    revA    clkB    revB    audit
    # -- public pages: everyone; the public form and the query page need no account
    "portal:home":                        get("ok      ok      ok      ok      ok      ok      ok      ok      ok"),
    "portal:report":                      get("ok      ok      ok      ok      ok      ok      ok      ok      ok"),  # published
    "portal:download":                    get("ok      ok      ok      ok      ok      ok      ok      ok      ok"),
    "portal:application_new":             get("ok      ok      ok      ok      ok      ok      ok      ok      ok"),
    # -- public disclosure pages (主动公开): everyone; the county's sample item etc.
    "portal:reports":                     get("ok      ok      ok      ok      ok      ok      ok      ok      ok"),
    "portal:search":                      get("ok      ok      ok      ok      ok      ok      ok      ok      ok"),
    "portal:organs":                      get("ok      ok      ok      ok      ok      ok      ok      ok      ok"),
    "portal:organ":                       get("ok      ok      ok      ok      ok      ok      ok      ok      ok"),
    "portal:guide":                       get("ok      ok      ok      ok      ok      ok      ok      ok      ok"),
    "portal:organ_feed":                  get("ok      ok      ok      ok      ok      ok      ok      ok      ok"),
    "portal:topics":                      get("ok      ok      ok      ok      ok      ok      ok      ok      ok"),
    "portal:items":                       get("ok      ok      ok      ok      ok      ok      ok      ok      ok"),
    "portal:item":                        get("ok      ok      ok      ok      ok      ok      ok      ok      ok"),
    "portal:item_attachment":             get("ok      ok      ok      ok      ok      ok      ok      ok      ok"),
    "portal:category":                    get("ok      ok      ok      ok      ok      ok      ok      ok      ok"),
    "portal:category_feed":               get("ok      ok      ok      ok      ok      ok      ok      ok      ok"),
    "portal:interpretation":              get("ok      ok      ok      ok      ok      ok      ok      ok      ok"),
    "portal:interpretation_file":         get("ok      ok      ok      ok      ok      ok      ok      ok      ok"),
    "portal:display":                     get("ok      ok      ok      ok      ok      ok      ok      ok      ok"),  # sets a cookie, goes back
    "portal:sitemap_index":               get("ok      ok      ok      ok      ok      ok      ok      ok      ok"),
    "portal:sitemap":                     get("ok      ok      ok      ok      ok      ok      ok      ok      ok"),
    "portal:application_check":           post("reached reached reached reached reached reached reached reached reached"),
    "portal:application_submitted":       get("ok      ok      ok      ok      ok      ok      ok      ok      ok"),  # shows only this session's
    "portal:application_query":           get("ok      ok      ok      ok      ok      ok      ok      ok      ok"),
    "accounts:login":                     get("ok      ok      ok      ok      ok      ok      ok      ok      ok"),
    "accounts:logout":                    post("reached reached reached reached reached reached reached reached reached"),
    "api-v1:openapi-json":                get("ok      ok      ok      ok      ok      ok      ok      ok      ok"),
    "api-v1:openapi-view":                get("ok      ok      ok      ok      ok      ok      ok      ok      ok"),
    "api-v1:api-root":                    get("deny    deny    deny    deny    deny    deny    deny    deny    deny"),  # no page there
    # -- applicant pages: only the browser that proved the query code (not staff either)
    "portal:application_case":            get("deny    ok      deny    deny    deny    deny    deny    deny    deny"),
    "portal:application_letter":          get("deny    ok      deny    deny    deny    deny    deny    deny    deny"),
    # -- back office: any staff role; lists show only what the role may see
    "backoffice:home":                    get("login   login   ok      ok      ok      ok      ok      ok      ok"),
    "backoffice:notifications":           get("login   login   ok      ok      ok      ok      ok      ok      ok"),
    # -- staff case pages: the office (its jurisdiction), the leader (looks, extends),
    #    unit A's staff; unit B's staff and the auditor never see case A
    "backoffice:cases:dashboard":         get("login   login   ok      ok      ok      ok      ok      ok      deny"),
    "backoffice:cases:list":              get("login   login   ok      ok      ok      ok      ok      ok      deny"),
    "backoffice:cases:intake":            get("login   login   ok      deny    ok      deny    ok      deny    deny"),  # 公开办 and 承办人 register
    "backoffice:cases:detail":            get("login   login   ok      ok      ok      ok      deny    deny    deny"),
    "backoffice:cases:reveal":            post("login   login   reached deny    reached reached deny    deny    deny"),  # whole personal data: handlers only
    "backoffice:cases:attach":            post("login   login   reached deny    reached reached deny    deny    deny"),
    "backoffice:cases:attachment":        get("login   login   ok      ok      ok      ok      deny    deny    deny"),
    "backoffice:cases:action":            post("login   login   reached deny    reached reached deny    deny    deny"),
    # -- letters: templates and 文号 settings are the office's; drafts are the handlers'
    "backoffice:letters:templates":       get("login   login   ok      deny    deny    deny    deny    deny    deny"),
    "backoffice:letters:template_edit":   get("login   login   ok      deny    deny    deny    deny    deny    deny"),
    "backoffice:letters:settings":        get("login   login   ok      deny    deny    deny    deny    deny    deny"),
    "backoffice:letters:case":            get("login   login   ok      ok      ok      ok      deny    deny    deny"),
    "backoffice:letters:draft":           get("login   login   ok      deny    ok      ok      deny    deny    deny"),
    "backoffice:letters:case_file":       get("login   login   ok      ok      ok      ok      deny    deny    deny"),
    "backoffice:letters:download":        get("login   login   ok      ok      ok      ok      deny    deny    deny"),
    # -- fees: the leader looks, the handlers act
    "backoffice:fees:panel":              get("login   login   ok      ok      ok      ok      deny    deny    deny"),
    "backoffice:fees:receipt":            get("login   login   ok      ok      ok      ok      deny    deny    deny"),
    "backoffice:fees:action":             post("login   login   reached deny    reached reached deny    deny    deny"),
    # -- appeals: the list is filtered (unit B's is empty); case A's appeal as its case
    "backoffice:appeals:list":            get("login   login   ok      ok      ok      ok      ok      ok      deny"),
    "backoffice:appeals:case":            get("login   login   ok      ok      ok      ok      deny    deny    deny"),
    "backoffice:appeals:detail":          get("login   login   ok      ok      ok      ok      deny    deny    deny"),
    # -- proactive disclosure (主动公开): unit A's draft item (by clerk A); the clock
    #    and the lists to every publishing role (filtered), drafting to 承办人 and
    #    the 公开办, amending to 审核人 and the 公开办, the site and the section 二
    #    inputs to the 公开办; the step is "submit" (clerk A's or the office's)
    "backoffice:publications:clock":      get("login   login   ok      ok      ok      ok      ok      ok      deny"),
    "backoffice:publications:items":      get("login   login   ok      ok      ok      ok      ok      ok      deny"),
    "backoffice:publications:item_new":   get("login   login   ok      deny    ok      deny    ok      deny    deny"),
    "backoffice:publications:items_import": get("login   login   ok      deny    deny    deny    deny    deny    deny"),
    "backoffice:publications:body_preview": post("login   login   reached deny    reached reached reached reached deny"),  # those with a rich-text form
    "backoffice:publications:item":       get("login   login   ok      ok      ok      ok      deny    deny    deny"),
    "backoffice:publications:item_attachment": get("login   login   ok      ok      ok      ok      deny    deny    deny"),
    "backoffice:publications:item_edit":  get("login   login   ok      deny    ok      deny    deny    deny    deny"),
    "backoffice:publications:item_amend": get("login   login   ok      deny    deny    ok      deny    deny    deny"),  # a draft: sent back to its page
    "backoffice:publications:interpretation": get("login   login   ok      deny    ok      deny    deny    deny    deny"),
    "backoffice:publications:step":       post("login   login   reached deny    reached deny    deny    deny    deny"),
    "backoffice:publications:interpretations": get("login   login   ok      deny    ok      deny    ok      deny    deny"),
    "backoffice:publications:checklist":  get("login   login   ok      deny    deny    deny    deny    deny    deny"),
    "backoffice:publications:catalogue":  get("login   login   ok      deny    deny    deny    deny    deny    deny"),
    "backoffice:publications:guide":      get("login   login   ok      deny    deny    deny    deny    deny    deny"),
    "backoffice:publications:guide_publish": post("login   login   reached deny    deny    deny    deny    deny    deny"),
    "backoffice:publications:decisions":  get("login   login   ok      deny    deny    deny    deny    deny    deny"),
    "backoffice:publications:decisions_import": post("login   login   reached deny    deny    deny    deny    deny    deny"),
    # -- reports: drafts of unit A to its staff and to the county's office and leader;
    #    publishing to the office and the leader; the county's own report to them only.
    #    "create" offers only the organs one may edit (the form, not a 403, refuses)
    "backoffice:create":                  post("login   login   reached reached reached reached reached reached reached"),
    "backoffice:edit":                    get("login   login   ok      ok      ok      ok      deny    deny    deny"),   # unit A's draft
    "backoffice:check":                   post("login   login   reached reached reached reached deny    deny    deny"),  # unit A's draft
    "backoffice:compute":                 post("login   login   reached deny    deny    deny    deny    deny    deny"),  # the county's
    "backoffice:drilldown":               get("login   login   ok      ok      deny    deny    deny    deny    deny"),   # the county's draft
    "backoffice:publish":                 post("login   login   reached reached deny    deny    deny    deny    deny"),  # unit A's draft
    "backoffice:unpublish":               post("login   login   reached reached deny    deny    deny    deny    deny"),  # the county's
    # -- imports: published documents, every staff user reads them; confirming an
    #    organ takes the office, showing publicly the right to publish, withdrawing a
    #    correction the right to correct (office, or the auditor at that organ)
    "imports:list":                       get("login   login   ok      ok      ok      ok      ok      ok      ok"),
    "imports:organisations":              get("login   login   ok      ok      ok      ok      ok      ok      ok"),
    "imports:organisation_search":        get("login   login   ok      ok      ok      ok      ok      ok      ok"),  # the organ picker's suggestions
    "imports:organisation_confirm":       post("login   login   reached deny    deny    deny    deny    deny    deny"),
    "imports:report":                     get("login   login   ok      ok      ok      ok      ok      ok      ok"),
    "imports:cell":                       get("login   login   ok      ok      ok      ok      ok      ok      ok"),
    "imports:show_publicly":              post("login   login   reached reached deny    deny    deny    deny    deny"),
    "imports:correction_withdraw":        post("login   login   reached deny    deny    deny    deny    deny    reached"),
    # reviewing an import (issue 8): a click on an inferred split and naming the
    # organ and year take the right to correct; a failed file's page is read by
    # every staff user (naming its organ and year takes the office or the auditor)
    "imports:split":                      post("login   login   reached deny    deny    deny    deny    deny    reached"),
    "imports:assign":                     post("login   login   reached deny    deny    deny    deny    deny    reached"),
    "imports:record":                     get("login   login   ok      ok      ok      ok      ok      ok      ok"),
    "imports:source":                     get("login   login   ok      ok      ok      ok      ok      ok      ok"),
    "imports:compare":                    get("login   login   ok      ok      ok      ok      ok      ok      ok"),
    # background imports: uploading and retrying take the office or the auditor
    "imports:batch_new":                  get("login   login   ok      deny    deny    deny    deny    deny    ok"),
    "imports:batch":                      get("login   login   ok      ok      ok      ok      ok      ok      ok"),
    "imports:batch_retry":                post("login   login   reached deny    deny    deny    deny    deny    reached"),
}

API: Final[dict[str, dict[str, str]]] = {
    #                                                                       anon    appl    office  leader  clkA    revA    clkB    revB    audit
    # -- public: published reports, the check, the calculators, the public form
    "GET /api/v1/reports":                                              op("ok      ok      ok      ok      ok      ok      ok      ok      ok"),
    "GET /api/v1/reports/{org_id}/{year}":                              op("ok      ok      ok      ok      ok      ok      ok      ok      ok"),
    "POST /api/v1/check":                                               op("reached reached reached reached reached reached reached reached reached"),
    "GET /api/v1/deadlines/due":                                        op("ok      ok      ok      ok      ok      ok      ok      ok      ok"),
    "GET /api/v1/fees/quote":                                           op("ok      ok      ok      ok      ok      ok      ok      ok      ok"),
    "POST /api/v1/applications":                                        op("reached reached reached reached reached reached reached reached reached"),
    # -- the applicant, by the query code (X-Query-Code); without it the request is
    #    refused as incomplete (400), a wrong code is 404 (test_another_case_is_denied)
    "GET /api/v1/applications/track/{tracking_number}":                 op("bad     ok      bad     bad     bad     bad     bad     bad     bad"),
    "GET /api/v1/applications/track/{tracking_number}/letters":         op("bad     ok      bad     bad     bad     bad     bad     bad     bad"),
    "GET /api/v1/applications/track/{tracking_number}/letters/{letter_id}.{fmt}": op("bad     ok      bad     bad     bad     bad     bad     bad     bad"),
    "POST /api/v1/applications/track/{tracking_number}/attachments":    op("bad     deny    bad     bad     bad     bad     bad     bad     bad"),  # case A was not filed online
    # -- staff: lists filtered by role (test_lists_show_only_what_the_role_may_see)
    "GET /api/v1/applications":                                         op("auth    auth    ok      ok      ok      ok      ok      ok      ok"),
    "GET /api/v1/appeals":                                              op("auth    auth    ok      ok      ok      ok      ok      ok      ok"),
    # -- staff: reading case A
    "GET /api/v1/applications/{application_id}":                        op("auth    auth    ok      ok      ok      ok      deny    deny    deny"),
    "GET /api/v1/applications/{application_id}/timeline":               op("auth    auth    ok      ok      ok      ok      deny    deny    deny"),
    "GET /api/v1/applications/{application_id}/fee-notice":             op("auth    auth    ok      ok      ok      ok      deny    deny    deny"),
    "GET /api/v1/applications/{application_id}/fee-notice/receipt":     op("auth    auth    ok      ok      ok      ok      deny    deny    deny"),
    "GET /api/v1/applications/{application_id}/attachments":            op("auth    auth    ok      ok      ok      ok      deny    deny    deny"),
    "GET /api/v1/applications/{application_id}/attachments/{attachment_id}": op("auth    auth    ok      ok      ok      ok      deny    deny    deny"),
    "GET /api/v1/applications/{application_id}/delivery-proof":         op("auth    auth    ok      ok      ok      ok      deny    deny    deny"),
    "GET /api/v1/applications/{application_id}/appeals":                op("auth    auth    ok      ok      ok      ok      deny    deny    deny"),
    "GET /api/v1/appeals/{appeal_id}":                                  op("auth    auth    ok      ok      ok      ok      deny    deny    deny"),
    "GET /api/v1/applications/{application_id}/letters":                op("auth    auth    ok      ok      ok      ok      deny    deny    deny"),
    "GET /api/v1/applications/{application_id}/letters/draft":          op("auth    auth    ok      deny    ok      ok      deny    deny    deny"),
    "GET /api/v1/letters/{letter_id}.{fmt}":                            op("auth    auth    ok      ok      ok      ok      deny    deny    deny"),
    # -- staff: the office's steps (register, route, transfer)
    "POST /api/v1/applications/intake":                                 op("auth    auth    reached deny    deny    deny    deny    deny    deny"),  # at the county
    "POST /api/v1/applications/{application_id}/route":                 op("auth    auth    reached deny    deny    deny    deny    deny    deny"),
    "POST /api/v1/applications/{application_id}/transfer":              op("auth    auth    reached deny    deny    deny    deny    deny    deny"),
    # -- staff: the extension takes the 分管领导 (第三十三条第二款)
    "POST /api/v1/applications/{application_id}/extend":                op("auth    auth    deny    reached deny    deny    deny    deny    deny"),
    # -- staff: the handlers' steps (the office and unit A's staff)
    "POST /api/v1/applications/{application_id}/hand-back":             op("auth    auth    reached deny    reached reached deny    deny    deny"),
    "POST /api/v1/applications/{application_id}/start":                 op("auth    auth    reached deny    reached reached deny    deny    deny"),
    "POST /api/v1/applications/{application_id}/correction":            op("auth    auth    reached deny    reached reached deny    deny    deny"),
    # the leader, who sees the case, is told it awaits no correction (409) before
    # the service refuses them: nothing they could not see already
    "POST /api/v1/applications/{application_id}/correction/received":   op("auth    auth    reached reached reached reached deny    deny    deny"),
    "POST /api/v1/applications/{application_id}/correction/lapsed":     op("auth    auth    reached reached reached reached deny    deny    deny"),
    "POST /api/v1/applications/{application_id}/consultations":         op("auth    auth    reached deny    reached reached deny    deny    deny"),
    "POST /api/v1/applications/{application_id}/consultations/{consultation_id}/answer": op("auth    auth    reached deny    reached reached deny    deny    deny"),
    "POST /api/v1/applications/{application_id}/decide":                op("auth    auth    reached deny    reached reached deny    deny    deny"),
    "POST /api/v1/applications/{application_id}/withdraw":              op("auth    auth    reached deny    reached reached deny    deny    deny"),
    "POST /api/v1/applications/{application_id}/deliver":               op("auth    auth    reached deny    reached reached deny    deny    deny"),
    "POST /api/v1/applications/{application_id}/delivery-proof":        op("auth    auth    reached deny    reached reached deny    deny    deny"),
    "POST /api/v1/applications/{application_id}/archive":               op("auth    auth    reached deny    reached reached deny    deny    deny"),
    "POST /api/v1/applications/{application_id}/attachments":           op("auth    auth    reached deny    reached reached deny    deny    deny"),
    # -- staff: fees, appeals, letters (the handlers)
    "POST /api/v1/applications/{application_id}/fee-notice":            op("auth    auth    reached deny    reached reached deny    deny    deny"),
    "POST /api/v1/applications/{application_id}/fee-notice/paid":       op("auth    auth    reached deny    reached reached deny    deny    deny"),
    "POST /api/v1/applications/{application_id}/fee-notice/receipt":    op("auth    auth    reached deny    reached reached deny    deny    deny"),
    "POST /api/v1/applications/{application_id}/fee-notice/lapsed":     op("auth    auth    reached deny    reached reached deny    deny    deny"),
    "POST /api/v1/applications/{application_id}/appeals":               op("auth    auth    reached deny    reached reached deny    deny    deny"),
    "POST /api/v1/appeals/{appeal_id}/decision":                        op("auth    auth    reached deny    reached reached deny    deny    deny"),
    "POST /api/v1/applications/{application_id}/letters":               op("auth    auth    reached deny    reached reached deny    deny    deny"),
    # -- proactive disclosure (主动公开): public reads; staff steps on the county's published item
    "GET /api/v1/publications/items":                                   op("ok      ok      ok      ok      ok      ok      ok      ok      ok"),
    "GET /api/v1/publications/items/{item_id}":                         op("ok      ok      ok      ok      ok      ok      ok      ok      ok"),
    "GET /api/v1/publications/search":                                  op("ok      ok      ok      ok      ok      ok      ok      ok      ok"),
    "GET /api/v1/publications/organs/{org_id}/catalogue":               op("ok      ok      ok      ok      ok      ok      ok      ok      ok"),
    "GET /api/v1/publications/organs/{org_id}/guide":                   op("ok      ok      ok      ok      ok      ok      ok      ok      ok"),
    "POST /api/v1/publications/drafts":                                 op("auth    auth    reached deny    deny    deny    deny    deny    deny"),
    "GET /api/v1/publications/items/{item_id}/workflow":                op("auth    auth    ok      ok      deny    deny    deny    deny    deny"),
    "POST /api/v1/publications/items/{item_id}/update":                 op("auth    auth    reached deny    deny    deny    deny    deny    deny"),
    "POST /api/v1/publications/items/{item_id}/submit":                 op("auth    auth    reached deny    deny    deny    deny    deny    deny"),
    "POST /api/v1/publications/items/{item_id}/review":                 op("auth    auth    reached deny    deny    deny    deny    deny    deny"),
    "POST /api/v1/publications/items/{item_id}/approve":                op("auth    auth    deny    reached deny    deny    deny    deny    deny"),
    "POST /api/v1/publications/items/{item_id}/return":                 op("auth    auth    deny    reached deny    deny    deny    deny    deny"),
    "POST /api/v1/publications/items/{item_id}/withdraw":               op("auth    auth    reached reached deny    deny    deny    deny    deny"),
    "POST /api/v1/publications/items/{item_id}/amend":                  op("auth    auth    reached deny    deny    deny    deny    deny    deny"),
    "POST /api/v1/publications/items/{item_id}/repeal":                 op("auth    auth    reached reached deny    deny    deny    deny    deny"),
    "POST /api/v1/publications/items/{item_id}/lapse":                  op("auth    auth    reached reached deny    deny    deny    deny    deny"),
    "GET /api/v1/publications/decision-counts":                         op("auth    auth    ok      ok      ok      ok      ok      ok      ok"),
    "POST /api/v1/publications/decision-counts":                        op("auth    auth    reached deny    deny    deny    deny    deny    deny"),
}
# fmt: on

#: Cells where today's behaviour is wrong and not yet fixed: (key, role) → reason.
#: The test then expects the wrong answer to persist (xfail), and fails once fixed
#: so that the cell is moved back into the table.
KNOWN_WRONG: Final[dict[tuple[str, str], str]] = {}

# --------------------------------------------------------------------------------
# The world, the clients, the URLs
# --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def world(
    django_db_setup: None,
    django_db_blocker: Any,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[MatrixWorld]:
    """Built once in a transaction that is rolled back after the module."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(clock, "today", lambda: TODAY)
        with django_db_blocker.unblock():
            calendar_cache_clear()
            atomic = transaction.atomic()
            atomic.__enter__()
            try:
                yield build_world(tmp_path_factory.mktemp("matrix"))
            finally:
                transaction.set_rollback(True)
                atomic.__exit__(None, None, None)
                calendar_cache_clear()


@pytest.fixture(scope="module")
def clients(world: MatrixWorld) -> dict[str, Client]:
    """A browser per role: staff signed in; the applicant has queried case A."""
    out = {"anonymous": Client(), "applicant": Client()}
    answer = out["applicant"].post(
        reverse("portal:application_query"),
        {
            "tracking_number": world.case_a.tracking_number,
            "query_code": world.query_code_a,
        },
    )
    assert answer.status_code == 302, answer.status_code
    for role in STAFF_ROLES:
        out[role] = Client()
        out[role].force_login(world.users[role])
    return out


def headers(world: MatrixWorld, role: str) -> dict[str, str]:
    """API headers: a token for the staff, the query code for the applicant."""
    if role == "anonymous":
        return {}
    if role == "applicant":
        return {"X-Query-Code": world.query_code_a}
    return {"Authorization": f"Bearer {world.tokens[role]}"}


def values(world: MatrixWorld) -> dict[str, str]:
    """URL values: the objects of case A (unit A) and the county's reports."""
    return {
        # cases, letters, fees, appeals
        "pk": str(world.case_a.pk),
        "application_id": str(world.case_a.pk),
        "attachment": str(world.attachment_a.pk),
        "attachment_id": str(world.attachment_a.pk),
        "letter": str(world.letter_a.pk),
        "letter_id": str(world.letter_a.pk),
        "appeal_id": str(world.appeal_a.pk),
        "consultation_id": str(world.consultation.pk),
        "tracking_number": world.case_a.tracking_number,
        "org": str(world.county.pk),
        "org_id": str(world.county.pk),
        "year": str(world.published.year),
        "kind": "disclosed",
        "fmt": "pdf",
        "ext": "pdf",
        "action": "archive",
        "cell": "applications.new.0",
        "path": "applications.new.0",
        # public disclosure (the county's sample)
        "item_id": str(world.public.item.pk),
        "category_id": str(world.public.category.pk),
        "interpretation_id": str(world.public.interpretation.pk),
        "section": "items",
    }


#: Per route, URL values that differ from ``values`` (another object's pk).
def route_values(world: MatrixWorld, key: str) -> dict[str, str]:
    base = values(world)
    reports = {
        "backoffice:edit": world.draft_a,
        "backoffice:check": world.draft_a,
        "backoffice:compute": world.computed,
        "backoffice:drilldown": world.computed,
        "backoffice:publish": world.draft_a,
        "backoffice:unpublish": world.published,
        "imports:report": world.imported,
        "imports:cell": world.imported,
        "imports:show_publicly": world.imported,
        "imports:split": world.imported,
        "imports:assign": world.imported,
    }
    if key in reports:
        base["pk"] = str(reports[key].pk)
    if key == "portal:item_attachment":
        base["attachment_id"] = str(world.public.attachment.pk)
    if key == "backoffice:appeals:detail":
        base["pk"] = str(world.appeal_a.pk)
    if key.startswith("backoffice:publications:"):
        base["pk"] = str(world.pub_draft.pk)
        base["action"] = "submit"
    if key == "backoffice:publications:item_attachment":
        base["attachment"] = str(world.pub_attachment.pk)
    if key == "backoffice:publications:guide_publish":
        base["pk"] = str(world.public.guide.pk)
    if key == "backoffice:fees:action":
        base["action"] = "lapsed"
    if key == "imports:organisation_confirm":
        base["pk"] = str(world.unconfirmed.pk)
    if key == "imports:source":
        base["pk"] = str(world.source.pk)
    if key == "imports:correction_withdraw":
        base["pk"] = str(world.correction.pk)
    if key in ("imports:batch", "imports:batch_retry"):
        base["pk"] = str(world.batch_id)
    if key == "imports:record":
        failed = ImportRecord.objects.filter(status=RecordStatus.FAILED).first()
        assert failed is not None  # matrix_world imports a file without a year
        base["pk"] = str(failed.pk)
    return base


def classify(status: int, location: str, *, post: bool) -> str:
    if status >= 500:
        return f"error {status}"
    if status == 401:
        return AUTH
    if status == 405:
        return METHOD
    if status in (403, 404):
        return DENY
    if 300 <= status < 400 and location.startswith(resolve_url(settings.LOGIN_URL)):
        return LOGIN
    if 200 <= status < 400:
        return REACHED if post else OK
    return REACHED if post else BAD


def request(browser: Client, method: str, url: str, **extra: Any) -> Any:
    """One request in a savepoint that is rolled back, from a copy of the
    browser (a logout or a new session id does not change the role's browser)."""
    client = Client()
    client.cookies = copy.deepcopy(browser.cookies)
    with transaction.atomic():
        if method == "GET":
            response = client.get(url, **extra)
        else:
            response = client.post(url, **extra)
        transaction.set_rollback(True)
    return response


def page_routes() -> list[Route]:
    """Every route but the skipped ones and the API's operations (in ``API``)."""
    return [
        r
        for r in walk_routes()
        if not "".join(t for t, _ in r.parts).startswith(SKIPPED_PREFIXES)
        and not (r.namespace == "api-v1" and r.name.endswith(API_ROUTE_SUFFIX))
    ]


API_SCHEMA: Final[dict[str, Any]] = api.get_openapi_schema()


def api_operations() -> list[tuple[str, str]]:
    schema = API_SCHEMA
    return [
        (method.upper(), path)
        for path, operations in schema["paths"].items()
        for method in operations
    ]


def api_url(path: str, world: MatrixWorld) -> str:
    vals = values(world)
    return re.sub(r"\{(\w+)\}", lambda m: vals[m.group(1)], path)


#: Query strings of API GETs that need one to get past validation.
API_QUERY: Final = {
    "GET /api/v1/deadlines/due": "?received=2025-03-03",
    "GET /api/v1/fees/quote": "?method=per_item&quantity=30",
    "GET /api/v1/applications/{application_id}/letters/draft": "?kind=disclosed",
    "GET /api/v1/publications/search": "?q=示范",
}


def post_data(world: MatrixWorld, key: str) -> dict[str, Any]:
    """What a page's POST carries: empty, except where an empty form would be
    refused before the permission check is reached."""
    if key == "backoffice:cases:attach":  # a valid file: the service decides
        return {"kind": "other", "file": SimpleUploadedFile("材料.pdf", PDF)}
    return {}


def _resolve(schema: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        node = schema["components"]["schemas"][node["$ref"].rsplit("/", 1)[1]]
    return node


#: Ids a body names, by field: the world's objects.
IDS: Final = {
    "unit_id": lambda w: w.unit_a.pk,
    "organisation_id": lambda w: w.county.pk,
    "organisation": lambda w: w.county.pk,
}


def example(
    schema: dict[str, Any], node: dict[str, Any], name: str, world: MatrixWorld
) -> Any:
    """The smallest value the schema accepts (ids point at the world's objects)."""
    node = _resolve(schema, node)
    if "anyOf" in node:
        choices = [
            n for n in node["anyOf"] if _resolve(schema, n).get("type") != "null"
        ]
        return example(schema, choices[0], name, world)
    if "enum" in node:
        return node["enum"][0]
    kind = node.get("type")
    if kind == "object":
        return {
            key: example(schema, node["properties"][key], key, world)
            for key in node.get("required", [])
        }
    if kind == "array":
        if node.get("minItems", 0) == 0:
            return []
        return [example(schema, node["items"], name, world)]
    if kind == "boolean":
        return False
    if kind in ("integer", "number"):
        return IDS.get(name, lambda w: 1)(world)
    if node.get("format") == "date":
        return "2025-03-21"
    if node.get("format") == "binary":
        return SimpleUploadedFile("材料.pdf", PDF)
    return "示范"


def api_body(world: MatrixWorld, operation: dict[str, Any]) -> dict[str, Any]:
    """The request's keyword arguments for the test client."""
    schema = API_SCHEMA
    content = operation.get("requestBody", {}).get("content", {})
    if "application/json" in content:
        body = example(schema, content["application/json"]["schema"], "", world)
        return {"data": json.dumps(body), "content_type": "application/json"}
    if "multipart/form-data" in content:
        return {
            "data": example(schema, content["multipart/form-data"]["schema"], "", world)
        }
    return {}


def observe_page(
    world: MatrixWorld, clients: dict[str, Client], route: Route, method: str
) -> dict[str, str]:
    url = route.url(route_values(world, route.key))
    out = {}
    for role in ROLES:
        extra = {"data": post_data(world, route.key)} if method == "POST" else {}
        response = request(clients[role], method, url, **extra)
        out[role] = classify(
            response.status_code,
            response.get("Location", ""),
            post=method == "POST",
        )
        if route.key not in REVEAL_ROUTES:
            check_masking(response, f"{route.key} as {role}")
    return out


def observe_api(world: MatrixWorld, operation: str) -> dict[str, str]:
    method, path = operation.split(" ", 1)
    url = api_url(path, world) + API_QUERY.get(operation, "")
    spec = API_SCHEMA["paths"][path][method.lower()]
    out = {}
    for role in ROLES:
        extra = api_body(world, spec) if method == "POST" else {}
        response = request(Client(), method, url, headers=headers(world, role), **extra)
        out[role] = classify(response.status_code, "", post=method == "POST")
        if response.status_code == 400 and _code(response) == "invalid_request":
            out[role] = BAD  # the schema refused it: no permission check reached
        check_masking(response, f"{operation} as {role}")
    return out


#: Where a handler asks for the applicant's whole personal data (logged).
REVEAL_ROUTES: Final = frozenset({"backoffice:cases:reveal"})


def _code(response: Any) -> str:
    try:
        return str(json.loads(response.content).get("code", ""))
    except ValueError:
        return ""


def check_masking(response: Any, where: str) -> None:
    """No page or answer shows case A's identity number or contact details whole,
    unless a handler asked for it (``privacy.personal_data_reveal``: the reveal routes)."""
    kind = response.get("Content-Type", "")
    if not kind.startswith(("text/", "application/json")):
        return  # letters, case files and uploads are documents, not views
    body = response.content.decode("utf-8", errors="replace")
    shown = [v for v in (ID_A, PHONE_A, EMAIL_A, ADDRESS_A) if v in body]
    assert shown == [], f"{where}: personal data shown whole"


@pytest.mark.skipif(not os.environ.get("MATRIX_DUMP"), reason="MATRIX_DUMP unset")
def test_dump(world: MatrixWorld, clients: dict[str, Client]) -> None:
    """Print today's behaviour as table rows (to review before writing them)."""
    lines = []
    for route in page_routes():
        url = route.url(route_values(world, route.key))
        response = request(clients["office"], "GET", url)
        method = "POST" if response.status_code == 405 else "GET"
        got = observe_page(world, clients, route, method)
        lines.append(f"{route.key} {method} " + " ".join(got[r] for r in ROLES))
    for method, path in api_operations():
        got = observe_api(world, f"{method} {path}")
        lines.append(f"{method} {path} " + " ".join(got[r] for r in ROLES))
    with open(os.environ["MATRIX_DUMP"], "w") as f:
        f.write("\n".join(lines) + "\n")


# --------------------------------------------------------------------------------
# The tests
# --------------------------------------------------------------------------------

PAGE_ROUTES: Final = {r.key: r for r in page_routes()}
OPERATIONS: Final = [f"{m} {p}" for m, p in api_operations()]


def test_every_route_is_in_the_matrix() -> None:
    """A new page or API operation fails here until its row says who gets what;
    a row of a route that is gone fails too."""
    assert sorted(set(PAGE_ROUTES) - set(PAGES)) == []
    assert sorted(set(PAGES) - set(PAGE_ROUTES)) == []
    assert sorted(set(OPERATIONS) - set(API)) == []
    assert sorted(set(API) - set(OPERATIONS)) == []


def test_every_api_route_is_an_operation_of_the_document() -> None:
    """The API's routes in the URLconf are the document's operations, so that
    walking the document misses none."""
    documented = {
        spec["operationId"]
        for operations in API_SCHEMA["paths"].values()
        for spec in operations.values()
    }
    routed = {
        r.name
        for r in walk_routes()
        if r.namespace == "api-v1" and r.name.endswith(API_ROUTE_SUFFIX)
    }
    assert routed
    assert {
        n for n in routed if not any(o.endswith(f"_{n}") for o in documented)
    } == set()


def _compare(key: str, expected: dict[str, str], got: dict[str, str]) -> None:
    wrong = {r: (expected[r], got[r]) for r in ROLES if expected[r] != got[r]}
    known = {r: KNOWN_WRONG[(key, r)] for r in wrong if (key, r) in KNOWN_WRONG}
    fixed = [r for r in ROLES if (key, r) in KNOWN_WRONG and r not in wrong]
    assert fixed == [], f"{key}: fixed, move these cells back into the table"
    assert {r: w for r, w in wrong.items() if r not in known} == {}, key
    if known:
        pytest.xfail("; ".join(f"{r}: {reason}" for r, reason in known.items()))


@pytest.mark.parametrize("key", sorted(PAGES))
def test_pages(world: MatrixWorld, clients: dict[str, Client], key: str) -> None:
    method, expected = PAGES[key]
    route = PAGE_ROUTES[key]
    _compare(key, expected, observe_page(world, clients, route, method))
    if method == "POST":  # a GET on a POST-only route is 405 for who may POST
        url = route.url(route_values(world, key))
        for role in ROLES:
            if expected[role] == REACHED:
                response = request(clients[role], "GET", url)
                assert response.status_code == 405, (key, role)


@pytest.mark.parametrize("operation", sorted(API))
def test_api(world: MatrixWorld, operation: str) -> None:
    _compare(operation, API[operation], observe_api(world, operation))


def _text(response: Any) -> str:
    assert response.status_code == 200, response.status_code
    return str(response.content.decode())


def test_lists_show_only_what_the_role_may_see(
    world: MatrixWorld, clients: dict[str, Client]
) -> None:
    """The office and the leader see the county's cases, a unit's staff only the
    unit's, the auditor none; the same in the back office and the API."""
    a, b = world.case_a.tracking_number, world.case_b.tracking_number
    sees = {
        "office": {a, b},
        "leader": {a, b},
        "clerk_a": {a},
        "reviewer_a": {a},
        "clerk_b": {b},
        "reviewer_b": {b},
        "auditor": set(),
    }
    appeals = {
        role: ({world.appeal_a.pk} if a in seen else set())
        for role, seen in sees.items()
    }
    for role, seen in sees.items():
        answer = request(
            Client(), "GET", "/api/v1/applications", headers=headers(world, role)
        )
        body = json.loads(_text(answer))
        items = body["items"] if isinstance(body, dict) else body
        assert {x["tracking_number"] for x in items} == seen, role
        answer = request(
            Client(), "GET", "/api/v1/appeals", headers=headers(world, role)
        )
        body = json.loads(_text(answer))
        items = body["items"] if isinstance(body, dict) else body
        assert {x["id"] for x in items} == appeals[role], role
        if role == "auditor":
            continue  # no case pages at all (the matrix)
        for name in ("backoffice:cases:list", "backoffice:appeals:list"):
            page = _text(request(clients[role], "GET", reverse(name)))
            shown = {n for n in (a, b) if n in page}
            assert shown == (seen if name.endswith("cases:list") else seen & {a}), (
                name,
                role,
            )


#: Routes naming a case, with the roles that must not reach case B (unit B's).
CASE_ROUTES: Final = [
    "backoffice:cases:detail",
    "backoffice:cases:reveal",
    "backoffice:cases:attach",
    "backoffice:cases:action",
    "backoffice:letters:case",
    "backoffice:letters:draft",
    "backoffice:letters:case_file",
    "backoffice:fees:panel",
    "backoffice:fees:action",
    "backoffice:appeals:case",
]
CASE_OPERATIONS: Final = [
    "GET /api/v1/applications/{application_id}",
    "GET /api/v1/applications/{application_id}/timeline",
    "GET /api/v1/applications/{application_id}/attachments",
    "GET /api/v1/applications/{application_id}/letters",
    "GET /api/v1/applications/{application_id}/appeals",
    "GET /api/v1/applications/{application_id}/fee-notice",
    "POST /api/v1/applications/{application_id}/decide",
    "POST /api/v1/applications/{application_id}/archive",
]


def test_another_case_is_denied(world: MatrixWorld, clients: dict[str, Client]) -> None:
    """Case B (unit B's): unit A's staff are refused as unit B's are on case A,
    and the applicant of case A cannot follow case B."""
    b = world.case_b
    for key in CASE_ROUTES:
        method = PAGES[key][0]
        url = PAGE_ROUTES[key].url(route_values(world, key) | {"pk": str(b.pk)})
        for role in ("clerk_a", "reviewer_a"):
            extra = {"data": post_data(world, key)} if method == "POST" else {}
            response = request(clients[role], method, url, **extra)
            assert response.status_code in (403, 404), (key, role)
        response = request(clients["clerk_b"], "GET", url)
        assert response.status_code in (200, 405), (key, "clerk_b")
    for operation in CASE_OPERATIONS:
        method, path = operation.split(" ", 1)
        url = path.replace("{application_id}", str(b.pk))
        for role in ("clerk_a", "reviewer_a"):
            extra = (
                api_body(world, API_SCHEMA["paths"][path][method.lower()])
                if method == "POST"
                else {}
            )
            response = request(
                Client(), method, url, headers=headers(world, role), **extra
            )
            assert response.status_code in (403, 404), (operation, role)
    applicant = clients["applicant"]
    for name, args in (
        ("portal:application_case", [b.pk]),
        ("portal:application_letter", [b.pk, world.letter_a.pk, "pdf"]),
    ):
        assert request(applicant, "GET", reverse(name, args=args)).status_code == 404
    code = {"X-Query-Code": world.query_code_a}  # case A's code on case B
    for path in ("", "/letters", f"/letters/{world.letter_a.pk}.pdf"):
        url = f"/api/v1/applications/track/{b.tracking_number}{path}"
        assert request(Client(), "GET", url, headers=code).status_code == 404, path
    url = f"/api/v1/applications/track/{world.case_a.tracking_number}"
    wrong = {"X-Query-Code": world.query_code_b}
    assert request(Client(), "GET", url, headers=wrong).status_code == 404


def test_the_public_sees_only_published_reports(
    world: MatrixWorld, clients: dict[str, Client]
) -> None:
    """Drafts, the computed draft and an imported report not shown publicly are not
    on the portal or the public API; on the portal, staff who may read a draft see
    a preview of it (marked as a draft, not cached)."""
    preview = {
        world.draft_a.pk: {"office", "leader", "clerk_a", "reviewer_a"},
        world.computed.pk: {"office", "leader"},
        world.imported.pk: {"office", "leader"},  # the county's draft rights
    }
    for report in (world.draft_a, world.computed, world.imported):
        page = reverse("portal:report", args=[report.organisation_id, report.year])
        got = {r for r in ROLES if request(clients[r], "GET", page).status_code == 200}
        assert got == preview[report.pk], report
        api_url = f"/api/v1/reports/{report.organisation_id}/{report.year}"
        for role in ("anonymous", "office"):
            answer = request(Client(), "GET", api_url, headers=headers(world, role))
            assert answer.status_code == 404, (report, role)
    listed = json.loads(_text(request(Client(), "GET", "/api/v1/reports")))
    items = listed["items"] if isinstance(listed, dict) else listed
    assert len(items) == 1, items


def test_identity_numbers_are_masked_except_where_revealed(
    world: MatrixWorld, clients: dict[str, Client]
) -> None:
    """Where a role reads case A, the identity number is masked
    (``4101**********1234``), including the applicant's own page, the leader's view
    and the case file the leader exports; it is whole only when a handler reveals
    it, and that view is logged.  (``check_masking`` asserts the same of every
    page and answer of the matrix.)"""
    from gongkai.applications.models import PersonalDataView

    masked = mask_id_number(ID_A)
    assert masked != ID_A
    detail = reverse("backoffice:cases:detail", args=[world.case_a.pk])
    for role in ("office", "leader", "clerk_a", "reviewer_a"):
        page = _text(request(clients[role], "GET", detail))
        assert masked in page, role
        assert ID_A not in page, role
        answer = request(
            Client(),
            "GET",
            f"/api/v1/applications/{world.case_a.pk}",
            headers=headers(world, role),
        )
        assert masked in _text(answer), role
        assert ID_A not in answer.content.decode(), role
    portal = _text(
        request(
            clients["applicant"],
            "GET",
            reverse("portal:application_case", args=[world.case_a.pk]),
        )
    )
    assert masked in portal
    assert ID_A not in portal
    track = request(
        Client(),
        "GET",
        f"/api/v1/applications/track/{world.case_a.tracking_number}",
        headers=headers(world, "applicant"),
    )
    assert ID_A not in _text(track)
    # the case file (an export) as the leader, who looks but does not handle
    for fmt in ("pdf", "zip"):
        url = reverse("backoffice:letters:case_file", args=[world.case_a.pk, fmt])
        data = request(clients["leader"], "GET", url).content
        if fmt == "pdf":
            with pdfplumber.open(io.BytesIO(data)) as pdf:
                text = "\n".join(page.extract_text() or "" for page in pdf.pages)
            assert masked in text
            assert ID_A not in text
        else:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                manifest = archive.read("manifest.csv").decode("utf-8-sig")
            assert ID_A not in manifest
    # revealed: to the handlers only, and logged
    with transaction.atomic():
        before = PersonalDataView.objects.count()
        reveal = reverse("backoffice:cases:reveal", args=[world.case_a.pk])
        assert ID_A in _text(clients["clerk_a"].post(reveal))
        answer = Client().get(
            f"/api/v1/applications/{world.case_a.pk}?reveal=true",
            headers=headers(world, "reviewer_a"),
        )
        assert ID_A in _text(answer)
        assert PersonalDataView.objects.count() == before + 2
        refused = Client().get(
            f"/api/v1/applications/{world.case_a.pk}?reveal=true",
            headers=headers(world, "leader"),
        )
        assert refused.status_code == 403
        assert ID_A not in refused.content.decode()
        assert clients["leader"].post(reveal).status_code == 403
        transaction.set_rollback(True)
