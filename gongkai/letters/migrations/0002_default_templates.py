"""Install the shipped default letter templates (``letters.defaults``)."""

from typing import Any

from django.db import migrations


def install(apps: Any, schema_editor: Any) -> None:
    from gongkai.letters.services import letters_install_defaults

    letters_install_defaults(apps.get_model("letters", "LetterTemplate"))


def remove(apps: Any, schema_editor: Any) -> None:
    apps.get_model("letters", "LetterTemplate").objects.filter(
        organisation__isnull=True
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("letters", "0001_initial")]

    operations = [migrations.RunPython(install, remove)]
