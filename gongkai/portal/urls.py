from django.urls import path

from gongkai.portal import views

app_name = "portal"
urlpatterns = [
    path("", views.home, name="home"),
    path("reports/<int:org_id>/<int:year>/", views.report_detail, name="report"),
    path(
        "reports/<int:org_id>/<int:year>/report.<str:ext>",
        views.report_download,
        name="download",
    ),
]
