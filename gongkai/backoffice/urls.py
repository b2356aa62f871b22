from django.urls import path

from gongkai.backoffice import views

app_name = "backoffice"
urlpatterns = [
    path("", views.home, name="home"),
    path("reports/new/", views.report_create, name="create"),
    path("reports/<int:pk>/edit/", views.report_edit, name="edit"),
    path("reports/<int:pk>/check/", views.report_check, name="check"),
    path("reports/<int:pk>/publish/", views.report_publish_view, name="publish"),
    path("reports/<int:pk>/unpublish/", views.report_unpublish_view, name="unpublish"),
]
