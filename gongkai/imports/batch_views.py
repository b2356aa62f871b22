"""Pages of background import batches: the upload (a zip or many report files),
a batch's progress (htmx polls the counts every 2 s while files are left) and the
retry of its failed files.  Thin: the upload is checked by ``archives``, written
by ``services.batches``, read by ``batches``.

The upload and retry views are outside the request transaction
(``non_atomic_requests``): the batch commits in its own, and its tasks are queued
only once it is committed, so that a worker always finds the files."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import (
    PermissionDenied,
    RequestDataTooBig,
    TooManyFilesSent,
)
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from gongkai.core import clock
from gongkai.imports import permissions
from gongkai.imports.archives import Limits, unpack_uploads
from gongkai.imports.batches import batch_file_list, batch_progress
from gongkai.imports.errors import BatchNotFound, UploadRefused
from gongkai.imports.services.batches import (
    batch_create_from_upload,
    batch_enqueue,
    batch_retry_failed,
)
from gongkai.imports.views import _actor, staff_required


def upload_limits() -> Limits:
    return Limits(
        max_files=settings.GONGKAI_IMPORT_MAX_FILES,
        max_total_bytes=settings.GONGKAI_IMPORT_UPLOAD_MAX_BYTES,
        max_file_bytes=settings.GONGKAI_IMPORT_FILE_MAX_BYTES,
    )


def _megabytes(size: int) -> str:
    return f"{size / (1 << 20):.0f} MB"


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class UploadForm(forms.Form):
    reports = forms.FileField(
        label="报告文件或 zip 压缩包",
        widget=MultipleFileInput(
            attrs={"multiple": True, "accept": ".zip,.txt,.md,.htm,.html,.docx,.pdf"}
        ),
        required=False,
    )


def _may_upload(request: HttpRequest) -> None:
    if not permissions.can_upload_imports(request.user):
        raise PermissionDenied("只有公开办管理员和监督评估人员可以上传报告导入")


def _page(request: HttpRequest, error: str = "", status: int = 200) -> HttpResponse:
    limits = upload_limits()
    return render(
        request,
        "imports/batch_new.html",
        {
            "form": UploadForm(),
            "error": error,
            "max_total": _megabytes(limits.max_total_bytes),
            "max_file": _megabytes(limits.max_file_bytes),
            "max_files": limits.max_files,
            "max_count": settings.DATA_UPLOAD_MAX_NUMBER_FILES,
        },
        status=status,
    )


@transaction.non_atomic_requests
@require_http_methods(["GET", "POST"])
@staff_required
def batch_new(request: HttpRequest) -> HttpResponse:
    _may_upload(request)
    if request.method == "GET":
        return _page(request)
    limits = upload_limits()
    if int(request.META.get("CONTENT_LENGTH") or 0) > limits.max_total_bytes + (
        1 << 20
    ):
        return _page(
            request,
            f"上传的文件总大小超过上限 {_megabytes(limits.max_total_bytes)}，"
            "请分成几次上传。",
            413,
        )
    try:
        uploads = request.FILES.getlist("reports")
    except TooManyFilesSent:
        return _page(
            request,
            f"一次最多选择 {settings.DATA_UPLOAD_MAX_NUMBER_FILES} 个文件；"
            "更多的文件请打包成一个 zip 压缩包上传。",
            400,
        )
    except RequestDataTooBig:
        return _page(request, "上传的数据太大，请分成几次上传。", 413)
    if not uploads:
        return _page(request, "请选择要导入的报告文件或 zip 压缩包。", 400)
    try:
        unpacked = unpack_uploads(
            [(f.name or "未命名文件", f) for f in uploads], limits=limits
        )
    except UploadRefused as exc:
        return _page(request, exc.message, 400)
    batch = batch_create_from_upload(
        names=[f.name or "" for f in uploads],
        unpacked=unpacked,
        actor=_actor(request),
        now=clock.now(),
    )
    _enqueue(request, lambda: batch_enqueue(batch=batch))
    return HttpResponseRedirect(reverse("imports:batch", args=[batch.pk]))


def _enqueue(request: HttpRequest, queue: Any) -> None:
    try:
        queued = queue()
    except Exception as exc:  # Redis down, a locked database: the batch is kept
        messages.error(
            request,
            f"文件已保存，但任务队列暂时不可用（{type(exc).__name__}）。"
            "请稍后点击“重新排队”。",
        )
    else:
        if queued:
            messages.success(request, f"{queued} 个文件已排入后台导入队列")
        else:
            messages.info(request, "没有失败或未排队的文件，无需重新排队")


def _progress_or_404(pk: int) -> Any:
    try:
        return batch_progress(pk=pk)
    except BatchNotFound as exc:
        raise Http404(exc.message) from None


@require_GET
@staff_required
def batch_detail(request: HttpRequest, pk: int) -> HttpResponse:
    progress = _progress_or_404(pk)
    template = (
        "imports/_batch_progress.html"
        if request.headers.get("HX-Request")
        else "imports/batch_detail.html"
    )
    return render(
        request,
        template,
        {
            "progress": progress,
            "files": batch_file_list(batch=progress.batch),
            "can_retry": permissions.can_upload_imports(request.user),
        },
    )


@transaction.non_atomic_requests
@require_POST
@staff_required
def batch_retry(request: HttpRequest, pk: int) -> HttpResponse:
    _may_upload(request)
    progress = _progress_or_404(pk)
    actor = _actor(request)
    _enqueue(
        request,
        lambda: batch_retry_failed(batch=progress.batch, actor=actor, now=clock.now()),
    )
    return HttpResponseRedirect(reverse("imports:batch", args=[pk]))
