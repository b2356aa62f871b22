"""Forms of the publications pages.  They check only the shape of what was typed;
the rules (who, which state, a comment to return, the checklist) are the
services', whose messages the views put on the form with everything typed kept."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from gongkai.backoffice.cases.forms import DATE_ERRORS, DATE_WIDGET
from gongkai.backoffice.publications.widgets import (
    KEPT_MARKUP_HELP,
    MultipleFileField,
    RichTextarea,
)
from gongkai.orgs.models import Organisation
from gongkai.publications.errors import ReviewIncomplete
from gongkai.publications.models import (
    Answer,
    CatalogueCategory,
    Channel,
    ChecklistQuestion,
    Disclosure,
    InformationItem,
    InterpretationKind,
    NormativeKind,
    WithheldGround,
)
from gongkai.publications.services.items import NOTE_MAX
from gongkai.publications.status import Status

MAX_UPLOAD_BYTES = 20 * 1024 * 1024


def date_field(label: Any, required: bool = False) -> forms.DateField:
    return forms.DateField(
        label=label, required=required, widget=DATE_WIDGET, error_messages=DATE_ERRORS
    )


COMMENT = _("意见")


def comment_field(label: Any = COMMENT) -> forms.CharField:
    # not required here: the service says when a comment is needed
    return forms.CharField(
        label=label,
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class OrganChoiceField(forms.ModelChoiceField[Organisation]):
    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("label", _("机关"))
        kwargs.setdefault(
            "error_messages",
            {"invalid_choice": _("所选机关不在您的范围内：请重新选择")},
        )
        super().__init__(queryset=Organisation.objects.none(), **kwargs)


# -- the list --------------------------------------------------------------------
class ItemFilterForm(forms.Form):
    q = forms.CharField(label=_("标题"), required=False, max_length=100)
    status = forms.ChoiceField(
        label=_("状态"), required=False, choices=[("", _("全部")), *Status.choices]
    )
    unit = OrganChoiceField(label=_("发布机构"), required=False, empty_label=_("全部"))
    category = forms.ModelChoiceField(
        label=_("目录分类"),
        required=False,
        queryset=CatalogueCategory.objects.none(),
        empty_label=_("全部"),
    )
    normative_kind = forms.ChoiceField(
        label=_("文件类型"),
        required=False,
        choices=[
            ("", _("全部")),
            (NormativeKind.RULE.value, NormativeKind.RULE.label),
            (NormativeKind.NORMATIVE.value, NormativeKind.NORMATIVE.label),
            ("none", NormativeKind.NONE.label),
        ],
    )
    queue = forms.ChoiceField(
        label=_("待我办理"),
        required=False,
        choices=[
            ("", _("全部")),
            ("review", _("待我审核（保密审查）")),
            ("approve", _("待我审批发布")),
        ],
    )
    clock = forms.ChoiceField(
        label=_("公开期限（第二十六条）"),
        required=False,
        choices=[
            ("", _("全部")),
            ("late", _("已超过20个工作日")),
            ("due", _("5个工作日内到期")),
        ],
    )

    def __init__(
        self,
        *args: Any,
        units: QuerySet[Organisation],
        categories: QuerySet[CatalogueCategory],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units  # type: ignore[attr-defined]
        field = self.fields["category"]
        field.queryset = categories  # type: ignore[attr-defined]
        field.label_from_instance = (  # type: ignore[attr-defined]
            lambda c: f"{c.organisation.name} · {c.name}"
        )


# -- drafting --------------------------------------------------------------------
class ItemForm(forms.Form):
    """A draft's fields (``publications.services.EDITABLE``) and one attachment."""

    title = forms.CharField(label=_("标题"), max_length=500)
    body = forms.CharField(
        label=_("正文"),
        required=False,
        widget=RichTextarea(),
        help_text=KEPT_MARKUP_HELP,
    )
    category = forms.ModelChoiceField(
        label=_("目录分类"),
        required=False,
        queryset=CatalogueCategory.objects.none(),
        empty_label=_("（未分类）"),
    )
    document_number = forms.CharField(label=_("文号"), required=False, max_length=100)
    topic = forms.CharField(label=_("主题分类"), required=False, max_length=100)
    genre = forms.CharField(
        label=_("体裁"),
        required=False,
        max_length=50,
        widget=forms.TextInput(attrs={"list": "genres"}),
    )
    normative_kind = forms.ChoiceField(
        label=_("文件类型"), required=False, choices=NormativeKind.choices
    )
    major_policy = forms.BooleanField(
        label=_("重大政策（须配发政策解读）"), required=False
    )
    written_on = date_field(_("成文日期"))
    effective_on = date_field(_("施行日期"))
    formed_on = date_field(_("信息形成或者变更之日"), required=False)
    disclosure = forms.ChoiceField(
        label=_("公开属性"), choices=Disclosure.choices, initial=Disclosure.PROACTIVE
    )
    withheld_ground = forms.ChoiceField(
        label=_("不予公开的理由"),
        required=False,
        choices=[("", "—"), *WithheldGround.choices],
    )
    disclosure_note = forms.CharField(
        label=_("公开属性说明"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    channels = forms.MultipleChoiceField(
        label=_("公开渠道"),
        required=False,
        choices=Channel.choices,
        widget=forms.CheckboxSelectMultiple,
        initial=[Channel.WEBSITE],
    )
    channel_other = forms.CharField(label=_("其他渠道"), required=False, max_length=200)
    replaces = forms.ModelChoiceField(
        label=_("修订或替代的文件"),
        required=False,
        queryset=InformationItem.objects.none(),
        empty_label=_("（不修订已发布的文件）"),
        help_text=_(
            "本文件是某份已发布的规章或行政规范性文件的修订版本时选择它；"
            "本文件发布后，原文件不再计入现行有效件数（第二十条第（一）项）"
        ),
    )
    legacy_url = forms.URLField(
        label=_("原网址"), required=False, max_length=500, assume_scheme="https"
    )
    attachment = MultipleFileField(
        label=_("添加附件"),
        required=False,
        max_bytes=MAX_UPLOAD_BYTES,
        help_text=_("可一次选择多个文件，每个不超过 20 MB"),
    )

    def __init__(
        self,
        *args: Any,
        categories: QuerySet[CatalogueCategory],
        replaceable: QuerySet[InformationItem] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["category"].queryset = categories  # type: ignore[attr-defined]
        field = self.fields["replaces"]
        field.queryset = (  # type: ignore[attr-defined]
            InformationItem.objects.none() if replaceable is None else replaceable
        )
        field.label_from_instance = _replaceable_label  # type: ignore[attr-defined]

    def values(self) -> dict[str, Any]:
        """The service's keyword arguments (without the attachments)."""
        data = dict(self.cleaned_data)
        data.pop("attachment", None)
        data.pop("organisation", None)
        data.pop("comment", None)
        data.pop("amended_on", None)
        data["normative_kind"] = data.get("normative_kind") or ""
        if data.get("formed_on") is None:
            data.pop("formed_on", None)  # kept as it was (a new draft: today)
        return data


def _replaceable_label(doc: InformationItem) -> str:
    number = f"{doc.document_number} " if doc.document_number else ""
    return (
        f"{doc.organisation.name} · {number}{doc.title}（{doc.get_validity_display()}）"
    )


class ItemCreateForm(ItemForm):
    organisation = OrganChoiceField(label=_("发布机构"), empty_label=None)
    field_order = ["organisation"]

    def __init__(
        self, *args: Any, organisations: QuerySet[Organisation], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations  # type: ignore[attr-defined]
        self.fields["category"].label_from_instance = (  # type: ignore[attr-defined]
            lambda c: f"{c.organisation.name} · {c.name}"
        )


class ItemAmendForm(ItemForm):
    amended_on = date_field(_("修改日期"))
    comment = comment_field(_("更正理由"))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        del self.fields["attachment"]


# -- the steps -------------------------------------------------------------------
class CommentForm(forms.Form):
    comment = comment_field()


class ReviewForm(forms.Form):
    """保密审查: one yes/no per question of the checklist, each with a note (needed
    when the answer is not the one that allows publication)."""

    comment = comment_field(_("审核意见"))

    def __init__(
        self, *args: Any, questions: list[ChecklistQuestion], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.questions = questions
        for q in questions:
            self.fields[f"q{q.pk}"] = forms.ChoiceField(
                label=q.text,
                required=False,
                choices=Answer.choices,
                widget=forms.RadioSelect,
            )
            self.fields[f"q{q.pk}_note"] = forms.CharField(
                label=_("说明"),
                required=False,
                max_length=NOTE_MAX,
                widget=forms.TextInput(
                    attrs={"aria-label": _("「%(q)s」的说明") % {"q": q.text}}
                ),
                help_text=_(
                    "回答「%(answer)s」的，请说明仍可公开的理由（如已征得第三方同意）"
                )
                % {"answer": _other_answer(q.pass_answer)},
            )
        order = [name for q in questions for name in (f"q{q.pk}", f"q{q.pk}_note")]
        self.order_fields([*order, "comment"])

    def answers(self) -> dict[int, str | tuple[str, str]]:
        """The service's ``answers``: (answer, note) where a note was written."""
        out: dict[int, str | tuple[str, str]] = {}
        for q in self.questions:
            answer = self.cleaned_data.get(f"q{q.pk}")
            if answer:
                note = (self.cleaned_data.get(f"q{q.pk}_note") or "").strip()
                out[q.pk] = (answer, note) if note else answer
        return out

    def show_error(self, exc: ReviewIncomplete) -> None:
        """The service's message above the checklist, and a mark beside each
        question it names (its answer when unanswered, else its note)."""
        self.add_error(None, exc.message)
        for pk in exc.questions:
            if f"q{pk}" not in self.fields:
                continue
            if not self.data.get(f"q{pk}"):
                self.add_error(f"q{pk}", _("请回答"))
            else:
                self.add_error(f"q{pk}_note", _("请说明理由"))


def _other_answer(pass_answer: str) -> Any:
    return Answer.NO.label if pass_answer == Answer.YES else Answer.YES.label


class EndForm(forms.Form):
    on = date_field(_("日期"), required=True)
    comment = comment_field(_("说明"))


# -- the office's pages ------------------------------------------------------------
class ChecklistQuestionForm(forms.Form):
    text = forms.CharField(
        label=_("审查事项"), max_length=500, widget=forms.Textarea(attrs={"rows": 2})
    )
    pass_answer = forms.ChoiceField(
        label=_("可以发布的回答"), choices=Answer.choices, initial=Answer.NO
    )
    absolute = forms.BooleanField(
        label=_("不得说明后公开"),
        required=False,
        help_text=_("回答与「可以发布的回答」不同时，一律不得发布（如第十四条的情形）"),
    )
    position = forms.IntegerField(label=_("顺序"), min_value=0, initial=0)
    active = forms.BooleanField(label=_("启用"), required=False, initial=True)


class CategoryForm(forms.Form):
    name = forms.CharField(label=_("分类名称"), max_length=200)
    code = forms.CharField(
        label=_("分类代码"), max_length=40, help_text=_("字母和数字，用于索引号")
    )
    parent = forms.ModelChoiceField(
        label=_("上级分类"),
        required=False,
        queryset=CatalogueCategory.objects.none(),
        empty_label=_("（顶级分类）"),
    )
    position = forms.IntegerField(label=_("顺序"), min_value=0, initial=0)
    description = forms.CharField(
        label=_("说明"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(
        self, *args: Any, categories: QuerySet[CatalogueCategory], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["parent"].queryset = categories  # type: ignore[attr-defined]


class GuideForm(forms.Form):
    body = forms.CharField(
        label=_("公开指南正文"),
        widget=RichTextarea(attrs={"rows": 20}),
        help_text=format_lazy(
            "{} {}",
            _("保存为新的草稿版本，发布后替换网站上的指南。"),
            KEPT_MARKUP_HELP,
        ),
    )


class InterpretationForm(forms.Form):
    kind = forms.ChoiceField(label=_("解读形式"), choices=InterpretationKind.choices)
    title = forms.CharField(label=_("解读标题"), max_length=500)
    body = forms.CharField(
        label=_("正文"),
        required=False,
        widget=RichTextarea(attrs={"rows": 10}),
        help_text=KEPT_MARKUP_HELP,
    )
    video_url = forms.URLField(
        label=_("视频地址"), required=False, assume_scheme="https"
    )
    file = forms.FileField(
        label=_("图解或视频文件"), required=False, help_text=_("图解解读请上传图片")
    )
    publish = forms.BooleanField(
        label=_("随文件一同发布"), required=False, initial=True
    )

    def clean_file(self) -> Any:
        upload = self.cleaned_data.get("file")
        if upload is not None and upload.size > MAX_UPLOAD_BYTES * 10:
            raise forms.ValidationError(_("文件超过 200 MB"))
        return upload


class DecisionCountForm(forms.Form):
    organisation = OrganChoiceField(label=_("单位"), empty_label=None)
    year = forms.IntegerField(label=_("年度"), min_value=2008, max_value=2100)
    licensing = forms.IntegerField(label=_("行政许可（件）"), min_value=0, initial=0)
    punishment = forms.IntegerField(label=_("行政处罚（件）"), min_value=0, initial=0)
    coercion = forms.IntegerField(label=_("行政强制（件）"), min_value=0, initial=0)
    fees_wan_yuan = forms.CharField(
        label=_("行政事业性收费（万元）"), max_length=30, initial="0"
    )
    note = forms.CharField(label=_("备注"), required=False, max_length=500)

    def __init__(
        self, *args: Any, organisations: QuerySet[Organisation], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations  # type: ignore[attr-defined]


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("CSV 或 XLSX 文件"),
        help_text=_("第一行为列名；UTF-8 或 GBK 编码的 CSV"),
    )

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("文件超过 20 MB"))
        if not upload.name.lower().endswith((".csv", ".xlsx")):
            raise forms.ValidationError(_("只能上传 .csv 或 .xlsx 文件"))
        return upload


class DecisionImportForm(UploadForm):
    year = forms.IntegerField(
        label=_("年度"),
        required=False,
        min_value=2008,
        max_value=2100,
        help_text=_("文件没有「年度」列时必填"),
    )


class ItemImportForm(UploadForm):
    organisation = OrganChoiceField(label=_("导入到机关"), empty_label=None)
    field_order = ["organisation", "file"]

    def __init__(
        self, *args: Any, organisations: QuerySet[Organisation], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations  # type: ignore[attr-defined]
