from django.urls import path

from gongkai.portal import views

app_name = "portal"
urlpatterns = [
    path("", views.home, name="home"),
    path("reports/<id:org_id>/<year:year>/", views.report_detail, name="report"),
    path(
        "reports/<id:org_id>/<year:year>/report.<str:ext>",
        views.report_download,
        name="download",
    ),
]
