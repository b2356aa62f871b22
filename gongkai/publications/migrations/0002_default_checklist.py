"""The 保密审查 checklist every organ starts with (第十四条至第十七条); the office
edits or adds to it (``ChecklistQuestion`` with its organ)."""

from django.db import migrations

DEFAULT = (
    "是否涉及国家秘密",
    "是否涉及工作秘密或者敏感信息",
    "是否属于法律、行政法规禁止公开的信息",
    "公开后是否可能危及国家安全、公共安全、经济安全、社会稳定",
    "是否涉及商业秘密、个人隐私等第三方合法权益",
    "是否属于内部事务信息或者过程性信息",
)


def add(apps, schema_editor):
    Question = apps.get_model("publications", "ChecklistQuestion")
    for i, text in enumerate(DEFAULT):
        Question.objects.get_or_create(
            organisation=None, text=text, defaults={"position": i, "pass_answer": "no"}
        )


def remove(apps, schema_editor):
    Question = apps.get_model("publications", "ChecklistQuestion")
    Question.objects.filter(organisation=None, text__in=DEFAULT).delete()


class Migration(migrations.Migration):
    dependencies = [("publications", "0001_initial")]
    operations = [migrations.RunPython(add, remove)]
