"""Inputs of the publications forms: the rich-text body with its live preview of
the sanitised HTML (htmx), and several files in one file input."""

from __future__ import annotations

from typing import Any, Final

from django import forms
from django.urls import reverse_lazy
from django.utils.functional import lazy
from django.utils.translation import gettext as _

from gongkai.publications.sanitise import kept_markup

PREVIEW_URL: Final = reverse_lazy("backoffice:publications:body_preview")
MAX_FILES: Final = 20


def _kept_markup_help() -> str:
    groups = "；".join(f"{label}（{'、'.join(tags)}）" for label, tags in kept_markup())
    return _(
        "可直接输入 HTML。保存时只保留：%(groups)s；链接只保留 http、https 和 "
        "mailto 地址。脚本、样式、事件属性和其他标签都会被删除——下方预览即保存后"
        "的样子。"
    ) % {"groups": groups}


#: The help text of a rich-text field: what markup is kept (from ``sanitise``).
KEPT_MARKUP_HELP: Final = lazy(_kept_markup_help, str)()


class RichTextarea(forms.Textarea):
    """A textarea whose sanitised HTML is previewed as one types: the preview
    endpoint runs the same sanitiser as the save (``sanitise.clean_html``).  It
    sends only this field (``hx-params``); the endpoint reads ``body``."""

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__({"rows": 14, "class": "rich-text", **(attrs or {})})

    def get_context(
        self, name: str, value: Any, attrs: dict[str, Any] | None
    ) -> dict[str, Any]:
        context = super().get_context(name, value, attrs)
        target = f"{context['widget']['attrs'].get('id') or name}-preview"
        context["widget"]["attrs"].update(
            {
                "hx-post": str(PREVIEW_URL),
                "hx-trigger": "load, input changed delay:500ms",
                "hx-params": name,
                "hx-target": f"#{target}",
                "hx-swap": "innerHTML",
                "hx-sync": "this:replace",
                "aria-controls": target,
            }
        )
        return context


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one input (Django's documented pattern); a list."""

    def __init__(self, *args: Any, max_bytes: int, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)
        self.max_bytes = max_bytes

    def clean(self, data: Any, initial: Any = None) -> list[Any]:
        one = super().clean
        chosen = data if isinstance(data, list | tuple) else [data]
        files = [one(d, initial) for d in chosen if d]
        if len(files) > MAX_FILES:
            raise forms.ValidationError(
                _("一次最多添加 %(n)d 个附件") % {"n": MAX_FILES}
            )
        big = [f.name for f in files if f.size > self.max_bytes]
        if big:
            raise forms.ValidationError(
                _("附件超过 %(mb)d MB：%(names)s。请压缩或拆分后上传")
                % {"mb": self.max_bytes // (1024 * 1024), "names": "、".join(big)}
            )
        return files
