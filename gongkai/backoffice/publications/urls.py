from django.urls import path

from gongkai.backoffice.publications import inputs_views, items_views, site_views

app_name = "publications"
urlpatterns = [
    path("", inputs_views.clock_board, name="clock"),
    path("items/", items_views.item_list, name="items"),
    path("items/new/", items_views.item_create, name="item_new"),
    path("items/import/", inputs_views.items_upload, name="items_import"),
    path("preview/", items_views.body_preview, name="body_preview"),
    path("items/<id:pk>/", items_views.item_detail, name="item"),
    path("items/<id:pk>/edit/", items_views.item_edit, name="item_edit"),
    path("items/<id:pk>/amend/", items_views.item_amend, name="item_amend"),
    path(
        "items/<id:pk>/interpretation/",
        site_views.interpretation_edit,
        name="interpretation",
    ),
    path(
        "items/<id:pk>/attachments/<id:attachment>/",
        items_views.item_attachment,
        name="item_attachment",
    ),
    path("items/<id:pk>/<slug:action>/", items_views.item_step, name="step"),
    path("interpretations/", site_views.interpretations, name="interpretations"),
    path("checklist/", site_views.checklist, name="checklist"),
    path("catalogue/", site_views.catalogue, name="catalogue"),
    path("guide/", site_views.guide, name="guide"),
    path("guide/<id:pk>/publish/", site_views.guide_publish, name="guide_publish"),
    path("decisions/", inputs_views.decisions, name="decisions"),
    path("decisions/import/", inputs_views.decisions_import, name="decisions_import"),
]
