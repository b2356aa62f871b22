"""A checklist question whose failing answer no note lifts (第十四条): the default
questions on state secrets, what laws and regulations forbid, and what would
endanger national security, public security, economic security or social
stability."""

from django.db import migrations, models

ABSOLUTE = (
    "是否涉及国家秘密",
    "是否属于法律、行政法规禁止公开的信息",
    "公开后是否可能危及国家安全、公共安全、经济安全、社会稳定",
)


def mark(apps, schema_editor):
    Question = apps.get_model("publications", "ChecklistQuestion")
    Question.objects.filter(organisation=None, text__in=ABSOLUTE).update(absolute=True)


class Migration(migrations.Migration):
    dependencies = [("publications", "0002_default_checklist")]
    operations = [
        migrations.AddField(
            model_name="checklistquestion",
            name="absolute",
            field=models.BooleanField(
                default=False,
                help_text="回答与「可以发布的回答」不同时，一律不得发布（如第十四条的情形）",
                verbose_name="不得说明后公开",
            ),
        ),
        migrations.RunPython(mark, migrations.RunPython.noop),
    ]
