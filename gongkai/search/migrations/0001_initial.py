from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies: list[tuple[str, str]] = []

    operations = [
        migrations.CreateModel(
            name="SearchEntry",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("kind", models.CharField(max_length=40)),
                ("object_id", models.BigIntegerField()),
                ("title", models.TextField()),
                ("body", models.TextField(blank=True)),
                ("date", models.DateField()),
                ("organ_ids", models.JSONField(default=list)),
                ("category_id", models.BigIntegerField(blank=True, null=True)),
                ("document_type", models.CharField(blank=True, max_length=64)),
            ],
            options={"db_table": "search_entry"},
        ),
        migrations.AddConstraint(
            model_name="searchentry",
            constraint=models.UniqueConstraint(fields=("kind", "object_id"), name="search_entry_unique_item"),
        ),
    ]
