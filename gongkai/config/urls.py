from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("accounts/", include("gongkai.accounts.urls")),
    path("staff/", include("gongkai.backoffice.urls")),
    path("imports/", include("gongkai.imports.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("", include("gongkai.portal.urls")),
]
