from django.contrib.sitemaps import views as sitemap_views
from django.urls import path

from gongkai.portal import applications, display, views
from gongkai.portal import disclosure_views as dv
from gongkai.portal.feeds import CategoryFeed, OrganFeed
from gongkai.portal.sitemaps import SITEMAPS

app_name = "portal"
urlpatterns = [
    path("", dv.home, name="home"),
    path("search/", dv.search, name="search"),
    path("organs/", dv.organ_index, name="organs"),
    path("organs/<id:org_id>/", dv.organ_detail, name="organ"),
    path("organs/<id:org_id>/guide/", dv.guide_detail, name="guide"),
    path("organs/<id:org_id>/feed/", OrganFeed(), name="organ_feed"),
    path("topics/", dv.topic_index, name="topics"),
    path("items/", dv.item_index, name="items"),
    path("items/<id:item_id>/", dv.item_detail, name="item"),
    path(
        "items/<id:item_id>/attachments/<id:attachment_id>/",
        dv.attachment_download,
        name="item_attachment",
    ),
    path("categories/<id:category_id>/", dv.category_detail, name="category"),
    path("categories/<id:category_id>/feed/", CategoryFeed(), name="category_feed"),
    path(
        "interpretations/<id:interpretation_id>/",
        dv.interpretation_detail,
        name="interpretation",
    ),
    path(
        "interpretations/<id:interpretation_id>/file/",
        dv.interpretation_file,
        name="interpretation_file",
    ),
    path("display/", display.display_toggle, name="display"),
    path(
        "sitemap.xml",
        sitemap_views.index,
        {"sitemaps": SITEMAPS, "sitemap_url_name": "portal:sitemap"},
        name="sitemap_index",
    ),
    path(
        "sitemap-<section>.xml",
        sitemap_views.sitemap,
        {"sitemaps": SITEMAPS},
        name="sitemap",
    ),
    path("reports/", views.report_index, name="reports"),
    path("reports/<id:org_id>/<year:year>/", views.report_detail, name="report"),
    path(
        "reports/<id:org_id>/<year:year>/report.<str:ext>",
        views.report_download,
        name="download",
    ),
    path("applications/new/", applications.application_new, name="application_new"),
    path(
        "applications/new/check/",
        applications.application_check,
        name="application_check",
    ),
    path(
        "applications/submitted/",
        applications.application_submitted,
        name="application_submitted",
    ),
    path(
        "applications/query/", applications.application_query, name="application_query"
    ),
    path(
        "applications/<id:application_id>/",
        applications.application_case,
        name="application_case",
    ),
    path(
        "applications/<id:application_id>/letters/<id:letter_id>.<str:fmt>",
        applications.application_letter,
        name="application_letter",
    ),
]
