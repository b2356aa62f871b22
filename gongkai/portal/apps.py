from django.apps import AppConfig, apps
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "gongkai.portal"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = _("公开门户")

    def ready(self) -> None:
        from gongkai.portal.page_cache import on_publication_changed
        from gongkai.publications import hooks

        if apps.is_installed("gongkai.search"):
            # The index first, then the pages: a search page made between the two
            # would otherwise be kept with the old results.  (Subscribing twice
            # hears once, so the search app's own subscription changes nothing.)
            from gongkai.search.publications import on_publication_changed as index

            hooks.subscribe(index)
        hooks.subscribe(on_publication_changed)
