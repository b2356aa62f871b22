from django.urls import include, path

from gongkai.backoffice import drilldown_views, notifications_views, views

app_name = "backoffice"
urlpatterns = [
    path("", views.home, name="home"),
    path("notifications/", notifications_views.notifications, name="notifications"),
    path("cases/", include("gongkai.backoffice.cases.urls")),
    path("letters/", include("gongkai.backoffice.letters_views")),
    path("appeals/", include("gongkai.backoffice.appeals_views")),
    path("fees/", include("gongkai.backoffice.fees_views")),
    path("publications/", include("gongkai.backoffice.publications.urls")),
    path("reports/new/", views.report_create, name="create"),
    path("reports/<id:pk>/edit/", views.report_edit, name="edit"),
    path("reports/<id:pk>/check/", views.report_check, name="check"),
    path("reports/<id:pk>/compute/", views.report_recompute_view, name="compute"),
    path(
        "reports/<id:pk>/cells/<str:cell>/",
        drilldown_views.report_cell_cases,
        name="drilldown",
    ),
    path("reports/<id:pk>/publish/", views.report_publish_view, name="publish"),
    path("reports/<id:pk>/unpublish/", views.report_unpublish_view, name="unpublish"),
]
