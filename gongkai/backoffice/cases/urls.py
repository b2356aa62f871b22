from django.urls import path

from gongkai.backoffice.cases import views

app_name = "cases"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("list/", views.case_list, name="list"),
    path("new/", views.intake, name="intake"),
    path("<id:pk>/", views.case_detail, name="detail"),
    path("<id:pk>/reveal/", views.case_reveal, name="reveal"),
    path("<id:pk>/attach/", views.case_attach, name="attach"),
    path(
        "<id:pk>/attachments/<id:attachment>/",
        views.case_attachment,
        name="attachment",
    ),
    path("<id:pk>/<slug:action>/", views.case_action, name="action"),
]
