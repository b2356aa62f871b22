from django.urls import path

from gongkai.portal import applications, views

app_name = "portal"
urlpatterns = [
    path("", views.home, name="home"),
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
