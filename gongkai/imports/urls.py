from django.urls import path

from gongkai.imports import batch_views, review_views, views

app_name = "imports"
urlpatterns = [
    path("", views.import_list, name="list"),
    path("organisations/", views.organisation_list, name="organisations"),
    path(
        "organisations/search/",
        review_views.organisation_search,
        name="organisation_search",
    ),
    path(
        "organisations/<id:pk>/confirm/",
        views.organisation_confirm_view,
        name="organisation_confirm",
    ),
    path("reports/<id:pk>/", views.report_detail, name="report"),
    path("reports/<id:pk>/cells/<str:path>/", views.report_cell, name="cell"),
    path("reports/<id:pk>/splits/", review_views.report_split, name="split"),
    path("reports/<id:pk>/assign/", review_views.report_assign_view, name="assign"),
    path("records/<id:pk>/", review_views.record_detail, name="record"),
    path(
        "reports/<id:pk>/public/",
        views.report_show_publicly_view,
        name="show_publicly",
    ),
    path(
        "corrections/<id:pk>/withdraw/",
        views.correction_withdraw,
        name="correction_withdraw",
    ),
    path("sources/<id:pk>/", views.source_download, name="source"),
    path("compare/", views.compare, name="compare"),
    path("batches/new/", batch_views.batch_new, name="batch_new"),
    path("batches/<id:pk>/", batch_views.batch_detail, name="batch"),
    path("batches/<id:pk>/retry/", batch_views.batch_retry, name="batch_retry"),
]
