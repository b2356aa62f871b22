"""The answers of /publications as plain dicts (the schemas are in
``publication_schemas``): public items, search hits, the catalogue, staff's view of
an item, decision counts."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from gongkai.publications.models import (
    DecisionCount,
    InformationItem,
    PolicyInterpretation,
    Validity,
)
from gongkai.publications.public import ItemPage
from gongkai.publications.selectors import CategoryNode, checklist_for, item_timeline
from gongkai.publications.status import Status


def named(obj: Any) -> dict[str, Any] | None:
    return None if obj is None else {"id": obj.pk, "name": obj.name}


def summary(item: InformationItem) -> dict[str, Any]:
    return {
        "id": item.pk,
        "title": item.title,
        "index_number": item.index_number,
        "organisation": named(item.organisation),
        "category": named(item.category),
        "document_number": item.document_number,
        "genre": item.genre,
        "published_on": item.published_on,
        "validity": item.validity,
        "page_url": reverse("portal:item", args=[item.pk]),
        "api_url": reverse("api-v1:publication_item_api", args=[item.pk]),
    }


def metadata(item: InformationItem) -> dict[str, Any]:
    return {
        "index_number": item.index_number,
        "organisation": item.organisation.name,
        "document_number": item.document_number,
        "topic": item.topic,
        "genre": item.genre,
        "category": item.category.name if item.category else "",
        "written_on": item.written_on,
        "published_on": item.published_on,
        "effective_on": item.effective_on,
        "amended_on": item.amended_on,
        "validity": item.validity,
        "validity_label": str(Validity(item.validity).label),
        "repealed_on": item.repealed_on,
        "lapsed_on": item.lapsed_on,
        "normative_kind": item.normative_kind,
    }


def interpretation(i: PolicyInterpretation) -> dict[str, Any]:
    return {
        "id": i.pk,
        "kind": i.kind,
        "kind_label": i.get_kind_display(),
        "title": i.title,
        "body": i.body,
        "video_url": i.video_url,
        "published_on": i.published_on,
        "page_url": reverse("portal:interpretation", args=[i.pk]),
        "file_url": reverse("portal:interpretation_file", args=[i.pk])
        if i.file
        else None,
    }


def category(node: CategoryNode) -> dict[str, Any]:
    c = node.category
    return {
        "id": c.pk,
        "name": c.name,
        "code": c.code,
        "description": c.description,
        "url": reverse("portal:category", args=[c.pk]),
        "children": [category(child) for child in node.children],
    }


def staff_item(item: InformationItem) -> dict[str, Any]:
    item = InformationItem.objects.select_related("organisation", "category").get(
        pk=item.pk
    )
    return {
        "id": item.pk,
        "title": item.title,
        "organisation": named(item.organisation),
        "category": named(item.category),
        "status": item.status,
        "status_label": str(Status(item.status).label),
        "index_number": item.index_number,
        "formed_on": item.formed_on,
        "publish_due_on": item.publish_due_on,
        "published_on": item.published_on,
        "validity": item.validity,
        "disclosure": item.disclosure,
        "checklist": [
            {"id": q.pk, "text": q.text, "pass_answer": q.pass_answer}
            for q in checklist_for(organisation=item.organisation)
        ],
        "timeline": [
            {
                "action": e.action,
                "on": e.on,
                "actor": str(e.actor) if e.actor else None,
                "comment": e.comment,
            }
            for e in item_timeline(item=item).order_by("pk")
        ],
    }


def decision(entry: DecisionCount) -> dict[str, Any]:
    return {
        "id": entry.pk,
        "organisation": named(entry.organisation),
        "year": entry.year,
        "licensing": entry.licensing,
        "punishment": entry.punishment,
        "coercion": entry.coercion,
        "fees_wan_yuan": format(entry.fees_wan_yuan.normalize(), "f"),
        "source": entry.source,
        "note": entry.note,
    }


def item_detail(page: ItemPage) -> dict[str, Any]:
    """The public item with its metadata block, attachments and interpretations."""
    item = page.item
    return {
        **summary(item),
        "metadata": metadata(item),
        "body": item.body,
        "attachments": [
            {
                "id": a.pk,
                "name": a.original_name,
                "content_type": a.content_type,
                "size": a.size,
                "url": reverse("portal:item_attachment", args=[item.pk, a.pk]),
            }
            for a in page.attachments
        ],
        "interpretations": [interpretation(i) for i in page.interpretations],
        "replaces": page.replaces.pk if page.replaces else None,
        "replaced_by": [i.pk for i in page.replaced_by],
    }
