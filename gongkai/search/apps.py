from django.apps import AppConfig, apps
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "gongkai.search"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = _("全文检索")

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from gongkai.search import publications
        from gongkai.search.services import search_index_prune

        # ``flush`` (and each transactional test's teardown) empties the tables
        # Django knows and then sends post_migrate: the SQLite full-text table is
        # not one of them, so its rows without an entry are removed here.
        post_migrate.connect(
            lambda **kwargs: search_index_prune(using=kwargs.get("using", "default")),
            sender=self,
            weak=False,
            dispatch_uid="gongkai.search.prune",
        )

        if apps.is_installed(publications.APP_NAME):
            publications.connect()
