"""Disclosure applications (依申请公开): the case, its items, its timeline and the
records the clock depends on.  Thin: only ``services`` write them."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from gongkai.applications.outcomes import ApplicantType, Outcome
from gongkai.applications.status import OPEN, Status
from gongkai.core.models import BaseModel


class IdentityDocument(models.TextChoices):
    """The identity proofs of 第二十九条 (the same codes as ``rules.identity.IdentityType``)."""

    RESIDENT_ID = "resident_id", _("居民身份证")
    CREDIT_CODE = "credit_code", _("统一社会信用代码")
    PASSPORT = "passport", _("护照")
    HK_MACAO_PERMIT = "hk_macao_permit", _("港澳居民来往内地通行证")
    TAIWAN_PERMIT = "taiwan_permit", _("台湾居民来往大陆通行证")
    FOREIGNER_PERMANENT_RESIDENCE = (
        "foreigner_permanent_residence",
        _("外国人永久居留身份证"),
    )


class FormWanted(models.TextChoices):
    PAPER = "paper", _("纸质")
    ELECTRONIC = "electronic", _("电子")
    INSPECTION = "inspection", _("查阅")


class Delivery(models.TextChoices):
    PICKUP = "pickup", _("自取")
    POST = "post", _("邮寄")
    EMAIL = "email", _("电子邮件")
    ONLINE = "online", _("在线")


class Channel(models.TextChoices):
    """How the application arrived (第三十一条; the same codes as
    ``rules.receipt.Channel``)."""

    IN_PERSON = "in_person", _("当面")
    REGISTERED_POST = "registered_post", _("挂号信")
    ORDINARY_POST = "ordinary_post", _("平信")
    ONLINE = "online", _("网络")
    FAX = "fax", _("传真")
    EMAIL = "email", _("电子邮件")


_OPEN = sorted(s.value for s in OPEN)


class Application(BaseModel):
    organisation = models.ForeignKey(
        "orgs.Organisation",
        on_delete=models.PROTECT,
        related_name="applications",
        verbose_name=_("受理机关"),
    )
    unit = models.ForeignKey(
        "orgs.Organisation",
        on_delete=models.PROTECT,
        related_name="handled_applications",
        null=True,
        blank=True,
        verbose_name=_("承办单位"),
    )
    tracking_number = models.CharField(_("受理编号"), max_length=80, unique=True)
    query_code_hash = models.CharField(_("查询码摘要"), max_length=128)
    applicant_type = models.CharField(
        _("申请人类型"), max_length=30, choices=ApplicantType.choices
    )
    applicant_name = models.CharField(_("申请人姓名或名称"), max_length=200)
    id_type = models.CharField(
        _("证件类型"), max_length=40, choices=IdentityDocument.choices
    )
    id_number = models.CharField(_("证件号码或统一社会信用代码"), max_length=64)
    phone = models.CharField(_("联系电话"), max_length=40, blank=True)
    email = models.EmailField(_("电子邮箱"), blank=True)
    address = models.CharField(_("通信地址"), max_length=300, blank=True)
    form_wanted = models.CharField(
        _("所需信息的指定提供载体形式"), max_length=20, choices=FormWanted.choices
    )
    delivery = models.CharField(
        _("获取信息的方式"), max_length=20, choices=Delivery.choices
    )
    channel = models.CharField(_("申请渠道"), max_length=20, choices=Channel.choices)
    received_on = models.DateField(_("收到申请之日"))
    status = models.CharField(
        _("状态"), max_length=30, choices=Status.choices, default=Status.RECEIVED
    )
    outcome = models.CharField(
        _("办理结果"), max_length=60, choices=Outcome.choices, blank=True
    )
    outcome_basis = models.CharField(_("法律依据"), max_length=200, blank=True)
    outcome_reason = models.TextField(_("理由"), blank=True)
    responsible_organ = models.CharField(
        _("负责公开的机关（非本机关）"), max_length=200, blank=True
    )
    decided_on = models.DateField(_("办结日期"), null=True, blank=True)
    due_on = models.DateField(_("答复期限"), null=True, blank=True)
    due_provisional = models.BooleanField(_("期限为暂定"), default=False)
    delivered_on = models.DateField(_("送达日期"), null=True, blank=True)
    delivered_by = models.CharField(
        _("送达方式"), max_length=20, choices=Delivery.choices, blank=True
    )
    delivery_proof = models.FileField(
        _("送达凭证"), upload_to="applications/delivery/%Y/", blank=True
    )
    archived_on = models.DateField(_("归档日期"), null=True, blank=True)
    transferred_to = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="transferred_from",
        verbose_name=_("转至"),
    )

    class Meta:
        ordering = ["-received_on", "-pk"]
        verbose_name = _("政府信息公开申请")
        verbose_name_plural = _("政府信息公开申请")
        indexes = [
            models.Index(
                fields=["organisation", "received_on", "applicant_type"],
                name="app_org_received",
            ),
            models.Index(
                fields=["organisation", "decided_on", "outcome", "applicant_type"],
                name="app_org_decided",
            ),
            models.Index(fields=["unit", "status", "due_on"], name="app_unit_due"),
            # Sections 三 and 四 in one index scan (no sort, no table read):
            # benchmarks/bench_applications.py.
            models.Index(
                fields=[
                    "organisation",
                    "applicant_type",
                    "outcome",
                    "received_on",
                    "decided_on",
                ],
                name="app_org_counts",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=Status.values), name="app_status_valid"
            ),
            models.CheckConstraint(
                condition=Q(applicant_type__in=ApplicantType.values),
                name="app_applicant_type_valid",
            ),
            models.CheckConstraint(
                condition=Q(outcome="") | Q(outcome__in=Outcome.values),
                name="app_outcome_valid",
            ),
            # An outcome is set exactly when the case is concluded.
            models.CheckConstraint(
                condition=(Q(outcome="") & Q(decided_on__isnull=True))
                | (~Q(outcome="") & Q(decided_on__isnull=False)),
                name="app_outcome_iff_decided",
            ),
            models.CheckConstraint(
                condition=Q(status__in=_OPEN, decided_on__isnull=True)
                | (~Q(status__in=_OPEN) & Q(decided_on__isnull=False)),
                name="app_open_iff_undecided",
            ),
            models.CheckConstraint(
                condition=Q(decided_on__isnull=True)
                | Q(decided_on__gte=models.F("received_on")),
                name="app_decided_after_received",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.tracking_number} {self.applicant_name}"

    @property
    def is_open(self) -> bool:
        return self.status in OPEN


class TrackingCounter(models.Model):
    """The last serial of 受理编号 given by an organ in a year: numbers are never
    reused (the row is locked while a number is taken)."""

    organisation = models.ForeignKey("orgs.Organisation", on_delete=models.PROTECT)
    year = models.PositiveSmallIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "year"], name="tracking_counter_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation_id}-{self.year}: {self.last}"


class ApplicationItem(BaseModel):
    """One piece of information sought (第二十九条第二款第（二）项)."""

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="items"
    )
    position = models.PositiveSmallIntegerField(default=1)
    name = models.CharField(_("信息名称"), max_length=300, blank=True)
    document_number = models.CharField(_("文号"), max_length=100, blank=True)
    description = models.TextField(_("其他特征描述"), blank=True)
    withheld = models.BooleanField(_("不予公开"), default=False)
    withheld_ground = models.CharField(
        _("不予公开的理由"), max_length=60, choices=Outcome.choices, blank=True
    )
    withheld_note = models.TextField(_("不予公开的内容与说明"), blank=True)

    class Meta:
        ordering = ["application", "position"]
        verbose_name = _("申请事项")
        verbose_name_plural = _("申请事项")
        constraints = [
            models.CheckConstraint(
                condition=Q(withheld=False, withheld_ground="")
                | Q(withheld=True) & ~Q(withheld_ground=""),
                name="item_withheld_has_ground",
            ),
        ]

    def __str__(self) -> str:
        return self.name or self.document_number or self.description[:30]


class ApplicationEvent(models.Model):
    """One line of a case's timeline: who did what, when, with the values before
    and after.  Written by every service, once per change."""

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="events"
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    kind = models.CharField(_("事项"), max_length=40)
    on = models.DateField(_("日期"))
    before = models.JSONField(default=dict, blank=True)
    after = models.JSONField(default=dict, blank=True)
    note = models.TextField(_("说明"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["application", "pk"]
        verbose_name = _("办理记录")
        verbose_name_plural = _("办理记录")

    def __str__(self) -> str:
        return f"{self.on} {self.kind}"


class ConsultationParty(models.TextChoices):
    THIRD_PARTY = "third_party", _("第三方（第三十二条）")
    ORGAN = "organ", _("其他机关（第三十四条）")


class Consultation(BaseModel):
    """A consultation letter; its time is not counted (第三十三条第三款)."""

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="consultations"
    )
    party_kind = models.CharField(
        _("征求对象"), max_length=20, choices=ConsultationParty.choices
    )
    party_name = models.CharField(_("名称"), max_length=200)
    sent_on = models.DateField(_("发函日期"))
    received_by_them_on = models.DateField(_("对方收到日期"), null=True, blank=True)
    answered_on = models.DateField(_("回复日期"), null=True, blank=True)
    answer = models.TextField(_("意见"), blank=True)

    class Meta:
        ordering = ["application", "sent_on", "pk"]
        verbose_name = _("征求意见")
        verbose_name_plural = _("征求意见")
        constraints = [
            models.CheckConstraint(
                condition=Q(answered_on__isnull=True)
                | Q(answered_on__gte=models.F("sent_on")),
                name="consultation_answer_after_sent",
            ),
        ]


class Extension(BaseModel):
    """The one extension of 第三十三条第二款 (at most 20 working days)."""

    application = models.OneToOneField(
        Application, on_delete=models.CASCADE, related_name="extension"
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    approved_on = models.DateField(_("批准日期"))
    days = models.PositiveSmallIntegerField(_("延长工作日数"))
    notice_sent_on = models.DateField(_("告知申请人日期"))
    reason = models.TextField(_("理由"), blank=True)

    class Meta:
        verbose_name = _("延期答复")
        verbose_name_plural = _("延期答复")
        constraints = [
            models.CheckConstraint(
                condition=Q(days__gte=1, days__lte=20), name="extension_days_1_20"
            ),
        ]


class CorrectionRequest(BaseModel):
    """The one 补正 notice of 第三十条 and what became of it."""

    application = models.OneToOneField(
        Application, on_delete=models.CASCADE, related_name="correction"
    )
    notice_on = models.DateField(_("告知日期"))
    points = models.JSONField(_("需要补正的事项"), default=list)
    deadline = models.DateField(_("补正期限"))
    late = models.BooleanField(_("晚于七个工作日告知"), default=False)
    corrected_on = models.DateField(_("收到补正日期"), null=True, blank=True)
    lapsed_on = models.DateField(_("逾期未补正日期"), null=True, blank=True)

    class Meta:
        verbose_name = _("补正")
        verbose_name_plural = _("补正")
        constraints = [
            models.CheckConstraint(
                condition=Q(corrected_on__isnull=True) | Q(lapsed_on__isnull=True),
                name="correction_corrected_or_lapsed",
            ),
        ]


class Notification(BaseModel):
    """An in-app notification (e-mail reminders will read these later)."""

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="notifications"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="application_notifications",
    )
    kind = models.CharField(max_length=40)
    text = models.CharField(max_length=300)
    read = models.BooleanField(default=False)

    class Meta:
        ordering = ["-pk"]

    def __str__(self) -> str:
        return self.text


class AttachmentKind(models.TextChoices):
    IDENTITY_PROOF = "identity_proof", _("身份证明")
    APPLICATION_LETTER = "application_letter", _("申请书原件")
    CORRECTION = "correction", _("补正材料")
    OTHER = "other", _("其他材料")


class ApplicationAttachment(BaseModel):
    """A file the applicant (or the clerk for them) gave with the application.  The
    content type is the one sniffed from the bytes, not the one the name claims."""

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="attachments"
    )
    kind = models.CharField(
        _("材料类别"), max_length=30, choices=AttachmentKind.choices
    )
    file = models.FileField(_("文件"), upload_to="applications/attachments/%Y/")
    original_name = models.CharField(_("原文件名"), max_length=255)
    content_type = models.CharField(_("文件类型"), max_length=100)
    size = models.PositiveIntegerField(_("大小（字节）"))
    sha256 = models.CharField(max_length=64)

    class Meta:
        ordering = ["application", "pk"]
        verbose_name = _("申请材料")
        verbose_name_plural = _("申请材料")


class FeeNotice(BaseModel):
    """The fee notice of 《政府信息公开信息处理费管理办法》 (国办函〔2020〕109号): one
    method per application (按件 or 按量), the amount computed by ``rules.fees``."""

    application = models.OneToOneField(
        Application, on_delete=models.CASCADE, related_name="fee_notice"
    )
    method = models.CharField(
        _("计收方式"),
        max_length=20,
        choices=[("per_item", _("按件计收")), ("per_page", _("按量计收"))],
    )
    quantity = models.PositiveIntegerField(_("件数或页数"))
    items_before_in_month = models.PositiveIntegerField(
        _("本月此前已申请件数"), default=0
    )
    amount = models.DecimalField(_("应缴金额（元）"), max_digits=12, decimal_places=2)
    lines = models.JSONField(_("计费明细"), default=list)
    sent_on = models.DateField(_("发出收费通知日期"))
    received_on = models.DateField(_("申请人收到通知日期"))
    pay_by = models.DateField(_("缴费期限"))
    paid_on = models.DateField(_("缴费日期"), null=True, blank=True)
    paid_amount = models.DecimalField(
        _("实缴金额（元）"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    receipt = models.FileField(
        _("缴费凭证"), upload_to="applications/fees/%Y/", blank=True
    )
    lapsed_on = models.DateField(_("逾期未缴费日期"), null=True, blank=True)

    class Meta:
        verbose_name = _("收费通知")
        verbose_name_plural = _("收费通知")
        constraints = [
            models.CheckConstraint(
                condition=Q(amount__gt=0), name="fee_notice_amount_positive"
            ),
            models.CheckConstraint(
                condition=Q(paid_on__isnull=True) | Q(lapsed_on__isnull=True),
                name="fee_notice_paid_or_lapsed",
            ),
            models.CheckConstraint(
                condition=Q(paid_on__isnull=True) | Q(paid_amount__isnull=False),
                name="fee_notice_paid_amount",
            ),
        ]


class PersonalDataView(models.Model):
    """Who saw an applicant's identity number or contact details unmasked, and when."""

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="personal_data_views"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    at = models.DateTimeField(auto_now_add=True)
    where = models.CharField(_("查看位置"), max_length=100)
    fields = models.JSONField(_("查看的字段"), default=list)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("个人信息查看记录")
        verbose_name_plural = _("个人信息查看记录")

    def __str__(self) -> str:
        return f"{self.user_id} {self.where} {self.at:%Y-%m-%d %H:%M}"
