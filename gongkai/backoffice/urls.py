from django.urls import path

from gongkai.backoffice import views

app_name = "backoffice"
urlpatterns = [
    path("", views.home, name="home"),
    path("reports/new/", views.report_create, name="create"),
    path("reports/<id:pk>/edit/", views.report_edit, name="edit"),
    path("reports/<id:pk>/check/", views.report_check, name="check"),
    path("reports/<id:pk>/publish/", views.report_publish_view, name="publish"),
    path("reports/<id:pk>/unpublish/", views.report_unpublish_view, name="unpublish"),
]
