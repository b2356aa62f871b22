from django.urls import path

from gongkai.imports import views

app_name = "imports"
urlpatterns = [
    path("", views.import_list, name="list"),
    path("organisations/", views.organisation_list, name="organisations"),
    path(
        "organisations/<int:pk>/confirm/",
        views.organisation_confirm_view,
        name="organisation_confirm",
    ),
    path("reports/<int:pk>/", views.report_detail, name="report"),
    path("reports/<int:pk>/cells/<str:path>/", views.report_cell, name="cell"),
    path(
        "corrections/<int:pk>/withdraw/",
        views.correction_withdraw,
        name="correction_withdraw",
    ),
    path("sources/<int:pk>/", views.source_download, name="source"),
    path("compare/", views.compare, name="compare"),
]
