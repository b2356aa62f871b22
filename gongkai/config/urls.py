from django.contrib import admin
from django.urls import include, path

from gongkai.api.api import api

urlpatterns = [
    path("admin/", admin.site.urls),
    path("accounts/", include("gongkai.accounts.urls")),
    path("staff/", include("gongkai.backoffice.urls")),
    path("imports/", include("gongkai.imports.urls")),
    path("api/v1/", api.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("", include("gongkai.portal.urls")),
]
