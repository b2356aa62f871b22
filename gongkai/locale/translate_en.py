"""Fill gongkai/locale/en/LC_MESSAGES/django.po from the table below, then compile.

    .venv/bin/gongkai manage makemessages -l en --no-location --no-obsolete \
        --ignore='.venv/*' --ignore='var/*' --ignore='benchmarks/*' --ignore='tests/*'
    .venv/bin/python gongkai/locale/translate_en.py   # needs msgfmt (Debian gettext)

Legal labels (section headings, table rows and columns of the national format) are
left untranslated on purpose: they stay Chinese in every locale.  Messages missing
from the table are listed so that a new string is not forgotten.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

PO = Path(__file__).parent / "en" / "LC_MESSAGES" / "django.po"

#: Legal labels kept in Chinese in the English locale.
LEGAL = {
    "一、总体情况",
    "五、存在的主要问题及改进情况",
    "六、其他需要报告的事项",
}

EN: dict[str, str | tuple[str, str]] = {
    # accounts / orgs / annual report models
    "姓名": "Name",
    "公开办管理员": "Disclosure office administrator",
    "承办人": "Case officer",
    "审核人": "Reviewer",
    "分管领导": "Leader in charge",
    "监督评估人员": "Supervision and evaluation officer",
    "演示数据": "Demo data",
    "按旧规则检查": "Checked under old rules",
    "这是从其他网站导入、供审核比对的年度报告，尚未在本站公开展示，只有工作人员能看到。": (
        "This annual report was imported from another site for review and comparison."
        " It is not shown publicly here; only staff can see it."
    ),
    "在导入审核中打开": "Open in import review",
    "检查规则已更新；打开报告可看到按新规则的检查结果，gongkai recheck 会保存它们": (
        "The check rules have changed: open the report to see its findings under the"
        " new rules; gongkai recheck stores them"
    ),
    "用户": "User",
    "机关": "Organ",
    "角色": "Role",
    "岗位": "Role assignment",
    "草稿": "Draft",
    "已发布": "Published",
    "手工填报": "Entered by hand",
    "从已发布报告导入": "Imported from a published report",
    "由办理记录计算": "Computed from case records",
    "统计年度": "Statistical year",
    "格式版本": "Format version",
    "标题": "Title",
    "统计数据": "Statistics",
    "状态": "Status",
    "发布日期": "Publication date",
    "来源": "Source",
    "检查结果": "Check results",
    "年度报告": "Annual reports",
    "省级": "Province",
    "市级": "City",
    "县级": "County",
    "乡镇/街道": "Township / subdistrict",
    "人民政府": "People's government",
    "政府部门": "Government department",
    "乡镇人民政府/街道办事处": "Township government / subdistrict office",
    "其他机关": "Other organ",
    "简称": "Short name",
    "代码": "Code",
    "统一社会信用代码或行政区划代码": "Unified social credit code or administrative division code",
    "类型": "Kind",
    "已确认": "Confirmed",
    "导入时自动创建的机关需要有人确认名称和上级": "Organs created automatically on import need someone to confirm their name and parent",
    "名称": "Name",
    "层级": "Level",
    "上级机关": "Parent organ",
    "创建时间": "Created",
    # base template and login
    "工作人员登录": "Staff sign-in",
    "登录": "Sign in",
    "政府信息公开": "Government information disclosure",
    "退出": "Sign out",
    "工作台": "Dashboard",
    "导入": "Imports",
    "比对": "Compare",
    "依据《中华人民共和国政府信息公开条例》（国务院令第711号）": "Under the Regulations of the PRC on the Disclosure of Government Information (State Council Decree No. 711)",
    # portal
    "政府信息公开工作年度报告": "Annual reports on government information disclosure",
    "各行政机关依据《中华人民共和国政府信息公开条例》第四十九条、第五十条发布的年度报告。点击年份查看报告全文、统计表和勾稽关系检查结果。": "Annual reports published by administrative organs under Articles 49 and 50 of the "
    "Regulations on the Disclosure of Government Information. Click a year for the full "
    "report, its statistical tables and the result of the cross-checks (勾稽关系).",
    "机关名称": "Organ name",
    "如：财政局": "e.g. 财政局",
    "全部年度": "All years",
    "%(year)s年": "%(year)s",
    "筛选": "Filter",
    "清除筛选": "Clear filter",
    "共 %(counter)s 份已发布的报告": (
        "%(counter)s published report",
        "%(counter)s published reports",
    ),
    "没有符合条件的已发布年度报告。": "No published annual report matches.",
    "本报告尚未发布，只有本机关及上级公开办的工作人员能看到。": "This report is not published yet: only staff of this organ and of the disclosure "
    "offices above it can see it.",
    "在工作台中打开": "Open in the dashboard",
    "留空则为今天": "Leave blank for today",
    "发布日期有误，报告既未保存也未发布。": "The publication date is wrong: the report was neither saved nor published.",
    "发布机关": "Issuing organ",
    "未发布": "Not published",
    "下载：": "Download: ",
    "本部分未填写内容。": "This section has not been filled in.",
    "没有找到这份年度报告，或者它尚未发布。": "This annual report does not exist, or it is not published yet.",
    "不支持这种下载格式。": "This download format is not supported.",
    "网页（HTML）": "Web page (HTML)",
    "Word 文档（DOCX）": "Word (DOCX)",
    "PDF 文件": "PDF",
    "Excel 表格（XLSX）": "Excel (XLSX)",
    "统计数据（JSON）": "Statistics (JSON)",
    "统计表检查": "Checks of the tables",
    "未发现错误": "No errors found",
    "发现 %(counter)s 处错误": ("%(counter)s error found", "%(counter)s errors found"),
    "勾稽关系": "Cross-checks (勾稽关系)",
    "未发现不符": "no mismatch found",
    "%(counter)s 处不符": ("%(counter)s mismatch", "%(counter)s mismatches"),
    "错误": "Errors",
    "提示": "Notes",
    "%(counter)s 条提示": ("%(counter)s note", "%(counter)s notes"),
    "页面不存在": "Page not found",
    "您要找的页面不存在，可能已被移除，或者链接有误。": "The page you are looking for does not exist; it may have been removed, or the link is wrong.",
    "未发布的年度报告只有相关机关的工作人员登录后才能看到。": "Unpublished annual reports are visible only to signed-in staff of the organs concerned.",
    "返回年度报告目录": "Back to the annual reports",
    "无权访问": "Access denied",
    "您的账号没有权限进行此操作。": "Your account is not allowed to do this.",
    "如需权限，请联系本机关的政府信息公开工作机构（公开办）管理员。": "To get access, ask the administrator of your organ's disclosure office (公开办).",
    "返回工作台": "Back to the dashboard",
    # backoffice
    "%(name)s，您好。下面是您所在机关（及下级机关）的年度报告。": "Hello %(name)s. These are the annual reports of your organs (and the organs below them).",
    "最后修改": "Last changed",
    "操作": "Actions",
    "编辑": "Edit",
    "审阅": "Review",
    "查看": "View",
    "还没有年度报告。": "There are no annual reports yet.",
    "新建年度报告": "New annual report",
    "新建草稿": "Create draft",
    "每个机关每年一份报告；已存在时直接打开。": "One report per organ and year; an existing report is opened instead.",
    "统计年度不能晚于 %(limit_value)s 年": "The statistical year cannot be later than %(limit_value)s",
    "没有这份年度报告。": "There is no such annual report.",
    "%(org)s %(year)s 年的报告已经存在，已为您打开。": "The %(year)s report of %(org)s already exists and has been opened.",
    "已新建 %(org)s %(year)s 年的报告草稿。": "Created a draft %(year)s report for %(org)s.",
    "编辑年度报告": "Edit annual report",
    "%(org)s %(year)s 年政府信息公开工作年度报告": "%(org)s: annual report on government information disclosure, %(year)s",
    "查看公开页面": "View public page",
    "预览": "Preview",
    "报告已发布，不能直接修改。如需修改，请由有发布权限的人员先撤回发布。": "The report is published and cannot be changed. To change it, someone allowed to "
    "publish must withdraw it first.",
    "您可以审阅和发布这份报告，但不能修改其内容。": "You can review and publish this report, but not change its content.",
    "输入有误，尚未保存": "Some input is wrong; nothing was saved",
    "您填写的内容都保留在下面的表格中。请改正标红的单元格后再保存：": "Everything you typed is kept in the tables below. Correct the cells marked in red, "
    "then save again:",
    "基本信息": "Basic information",
    "保存草稿": "Save draft",
    "保存并发布": "Save and publish",
    "发布": "Publish",
    "撤回发布": "Withdraw publication",
    "撤回理由": "Reason for withdrawal",
    "撤回发布须说明理由。": "Give a reason for withdrawing the publication.",
    "理由会记入报告的操作记录。": "The reason is recorded in the report's history.",
    "空白单元格表示未报告；数量为零请填 0。有错误时可以保存草稿，但不能发布。": "A blank cell means “not reported”; type 0 for zero. A draft with errors can be "
    "saved but not published.",
    "留空则为「机关名称+年度+政府信息公开工作年度报告」": "Leave blank for “organ + year + 政府信息公开工作年度报告”",
    "留空则为点击「发布」当天": "Leave blank to use the day you click “Publish”",
    "未发现错误，可以发布。": "No errors: ready to publish.",
    "%(counter)s 处错误，改正后才能发布": (
        "%(counter)s error; correct it before publishing",
        "%(counter)s errors; correct them before publishing",
    ),
    "最可能有误的单元格": "Most likely wrong",
    "应为整数": "should be a whole number",
    "不能为负数": "cannot be negative",
    "应为数字": "should be a number",
    "%(cell)s：填写的“%(value)s”%(what)s。%(how)s": "%(cell)s: “%(value)s” %(what)s. %(how)s",
    "件数请填 0 或正整数。": "Type 0 or a positive whole number.",
    "请填写 0 或正整数（如 12），不报告的单元格留空。": "Type 0 or a positive whole number (e.g. 12); leave the cell blank if it is not reported.",
    "请填写以万元为单位的金额，如 1.2345；没有收费填 0。": "Type the amount in 万元 (10,000 yuan), e.g. 1.2345; type 0 if no fees were charged.",
    "收费金额请填 0 或正数。": "Type 0 or a positive amount.",
    "您无权编辑「%(org)s」的年度报告。": "You may not edit the annual reports of %(org)s.",
    "有 %(n)d 处输入有误，尚未保存。请按提示改正后再保存。": "%(n)d inputs are wrong, so nothing was saved. Correct them as shown and save again.",
    "已保存草稿。检查发现 %(errors)d 处错误、%(warnings)d 条提示。": "Draft saved. The check found %(errors)d errors and %(warnings)d notes.",
    "您无权发布「%(org)s」的年度报告。": "You may not publish the annual reports of %(org)s.",
    "输入有误，报告既未保存也未发布。请按提示改正。": "Some input is wrong: the report was neither saved nor published. Correct it as shown.",
    "报告已发布，公众现在可以看到。": "The report is published and now visible to the public.",
    "您无权撤回「%(org)s」的年度报告。": "You may not withdraw the annual reports of %(org)s.",
    "已撤回发布，报告恢复为草稿。": "Publication withdrawn; the report is a draft again.",
    # imports (another engineer's pages)
    "年度": "Year",
    "只看有错误的": "Only with errors",
    "只看待确认机关的": "Only with organs to confirm",
    "全部": "All",
    "更正为": "Correct to",
    "留空表示“未报告”；件数填非负整数，收费金额填万元数": "Blank means “not reported”; counts are non-negative whole numbers, fees are in 万元",
    "说明": "Note",
    "例如：来源文件第 12 行为 3，解析误读为 8": "e.g. line 12 of the source says 3, the parser read 8",
    "SHA-256": "SHA-256",
    "文件名": "File name",
    "首次导入路径": "First imported from",
    "文件内容": "File content",
    "大小（字节）": "Size (bytes)",
    "文件类型": "File type",
    "编码": "Encoding",
    "提取的文本": "Extracted text",
    "首次导入时间": "First imported",
    "最近导入时间": "Last imported",
    "来源文件": "Source file",
    "操作人": "Actor",
    "导入的路径": "Imported path",
    "开始时间": "Started",
    "结束时间": "Finished",
    "未变": "Unchanged",
    "失败": "Failed",
    "导入批次": "Import run",
    "已导入": "Imported",
    "批次": "Run",
    "路径": "Path",
    "结果": "Result",
    "失败原因": "Reason for failure",
    "解析的统计数据": "Parsed statistics",
    "解析结果": "Parse result",
    "数值来源位置": "Where the values come from",
    "识别信息": "Detection details",
    "导入记录": "Import record",
    "已被新的更正替代": "Replaced by a newer correction",
    "已撤销": "Revoked",
    "单元格": "Cell",
    "更正后的值": "Corrected value",
    "更正前的值": "Value before correction",
    "更正时的解析值": "Parsed value when corrected",
    "更正人": "Corrected by",
    "有效": "In force",
    "失效原因": "Why it lapsed",
    "失效操作人": "Lapsed by",
    "被替代于": "Replaced at",
    "数值更正": "Value correction",
    "空白": "Blank",
    "关闭": "Close",
    "现值": "Current value",
    "解析值": "Parsed value",
    "出处": "Source",
    "第 %(line)s 行": "line %(line)s",
    "解析器没有给出出处（未在来源中找到该值）": "The parser gave no source (the value was not found in the source text)",
    "保存更正": "Save correction",
    "来源文件中没有这张表，不能逐格更正。": "The source file has no such table, so it cannot be corrected cell by cell.",
    "更正记录": "Corrections",
    "时间": "Time",
    "原值 → 新值": "Old → new",
    "撤销这条更正，恢复解析值？": "Revoke this correction and restore the parsed value?",
    "撤销": "Revoke",
    "没有更正过。": "No corrections.",
    "导入的报告": "Imported reports",
    "待确认的机关": "Organs to confirm",
    "年度报告比对": "Compare annual reports",
    "把多个机关或多个年度的主要数据并排比较。红色：该数值所在的勾稽关系不成立；橙色：与上一年度的结转不符（上年「四、结转下年度继续办理」应等于本年「二、上年结转政府信息公开申请数量」）。申请数据取「总计」列。": "Compare the main figures of several organs or years side by side. Red: a cross-check "
    "(勾稽关系) through this value does not hold. Orange: the carry-over does not match "
    "the previous year (last year's 「四、结转下年度继续办理」 should equal this year's "
    "「二、上年结转政府信息公开申请数量」). Application figures are from the 「总计」 column.",
    "默认（最近一年的全部机关）": "Default (every organ, latest year)",
    "只选机关：比较这些机关的各个年度；只选年度：比较这些年度的全部机关；都不选：最近一年的全部机关。": "Organs only: compare their years. Years only: compare every organ in those years. "
    "Neither: every organ in the latest year.",
    "跨年度结转检查": "Carry-over between years",
    "列": "Column",
    "上年「四、结转下年度继续办理」": "Last year's 「四、结转下年度继续办理」",
    "本年「二、上年结转政府信息公开申请数量」": "This year's 「二、上年结转政府信息公开申请数量」",
    "所比较的报告中，相邻年度的结转都相符（或没有相邻年度可比）。": "In the reports compared, carry-overs between adjacent years match (or there are no adjacent years).",
    "主要数据图表": "Main figures (chart)",
    "没有可比较的报告（比较导入的报告和已发布的报告）。": "No reports to compare (imported and published reports are compared).",
    "导入的年度报告": "Imported annual reports",
    "用命令 <code>gongkai import 路径…</code> 导入已发布的年度报告（文件或文件夹）。每份报告保存来源文件、解析出的统计数据和检查结果。": "Import published annual reports (files or folders) with <code>gongkai import PATH…</code>. "
    "Each report keeps its source file, the parsed statistics and the check results.",
    "有 %(n)s 个导入时新建的机关待确认": (
        "%(n)s organ created on import needs confirming",
        "%(n)s organs created on import need confirming",
    ),
    "清除": "Clear",
    "警告": "Warnings",
    "人工更正": "Corrected by hand",
    "机关待确认": "Organ to confirm",
    "没有符合条件的导入报告。": "No imported report matches.",
    "最近的导入": "Recent imports",
    "命令行（未记操作人）": "Command line (no actor recorded)",
    "还没有导入过文件。": "No files have been imported yet.",
    "导入报告时，报告中的机关名称与已有机关都不相同，就新建了这些机关。请核对名称（必要时在管理后台修改名称、层级和上级机关），然后确认。": "These organs were created because the organ named in an imported report matched no "
    "existing organ. Check the names (correct name, level and parent in the admin if "
    "needed), then confirm.",
    "修改": "Change",
    "确认": "Confirm",
    "没有待确认的机关。": "No organs to confirm.",
    "系统": "System",
    "最近导入": "Last import",
    "检查": "Check",
    "%(n)s 个错误": ("%(n)s error", "%(n)s errors"),
    "%(n)s 个警告": ("%(n)s warning", "%(n)s warnings"),
    "跨年度结转不符": "Carry-over mismatch",
    "更正待复核": "Correction to review",
    "已人工更正": "Corrected by hand",
    "指向一个数值可在来源文本中看到它的出处；点击可查看、更正。": "Point at a value to see where it comes from in the source text; click to view or correct it.",
    "来源文本": "Source text",
    "没有来源文本。": "No source text.",
    "解析出的统计表": "Parsed tables",
    "点击表中的数值：查看出处、检查结果和更正记录": "Click a value in the tables to see its source, the check results and its corrections",
    "，并可更正": ", and correct it",
    "与相邻年度的结转": "Carry-over with adjacent years",
    "没有发现问题。": "No problems found.",
    "有效的人工更正": "Corrections in force",
    "原值": "Old value",
    "操作记录": "History",
    "按住 Ctrl（⌘）可多选": "Hold Ctrl (⌘) to choose several",
    "恢复默认": "Reset",
    "每格：上年「四、结转下年度继续办理」→ 本年「二、上年结转政府信息公开申请数量」；橙色为不相等的列（空白按 0 计）。": (
        "Each cell: last year's 「四、结转下年度继续办理」 → this year's "
        "「二、上年结转政府信息公开申请数量」; orange columns differ (blank counts as 0)."
    ),
    "未报告": "Not reported",
    "勾稽关系不成立": "Cross-check (勾稽关系) fails",
    "与相邻年度的结转不符": "Carry-over differs from the adjacent year",
    "来源中写作": "Written in the source as",
    # base page: skip link and language menu (each language names itself)
    "跳到主要内容": "Skip to main content",
    "界面语言": "Interface language",
    "切换": "Switch",
    # app names in the admin
    "平台基础": "Platform",
    "用户与岗位": "Users and roles",
    "机关与单位": "Organs and units",
    "报告导入": "Report imports",
    "公开门户": "Public portal",
    "工作人员后台": "Staff back office",
    # report pipeline: per-cell origins, overrides, rules version, public display
    "检查规则版本": "Check rules version",
    "单元格来源": "Cell origins",
    "在公开页面展示": "Shown on the public pages",
    "更正时的机器值": "Machine value when overridden",
    "失效说明": "Why it lapsed",
    "单元格更正": "Cell override",
    "公开页面": "Public pages",
    "已在公开页面和接口展示": "Shown on the public pages and the API",
    "未展示（导入的报告只在导入区供审阅）": (
        "Not shown (imported reports are only reviewed in the imports area)"
    ),
    "从公开页面撤下": "Withdraw from the public pages",
    # a cell's value as typed
    "数值过大": "Number too large",
    "小数位过多": "Too many decimals",
    "逗号位置不对": "Misplaced comma",
    "件数最多 %(digits)s 位；请核对是否多输了数字。": (
        "A count has at most %(digits)s digits; check for an extra digit."
    ),
    "收费金额（万元）最多 %(decimals)s 位小数（即到分）。": (
        "The fee (10,000 yuan) has at most %(decimals)s decimals (to the fen)."
    ),
    "逗号只能作千位分隔符（如 1,234）；请去掉逗号。": (
        "A comma may only separate thousands (as in 1,234); remove the comma."
    ),
    "未发现错误，但还有 %(counter)s 个空白单元格：草稿可以保存，发布前须逐格填写（数量为零的填 0）": (
        "No errors, but %(counter)s cell is blank: the draft can be saved; fill it "
        "in before publishing (write 0 for zero)",
        "No errors, but %(counter)s cells are blank: the draft can be saved; fill "
        "each in before publishing (write 0 for zero)",
    ),
    "空白单元格表示未报告；数量为零请填 0。有错误或空白单元格时可以保存草稿，但不能发布。": (
        "A blank cell means not reported; write 0 for zero. A draft with errors or "
        "blank cells can be saved, but not published."
    ),
    # holidays and working-day calendar
    "放假": "Holiday",
    "调休上班": "Adjusted working day",
    "年份": "Year",
    "通知标题": "Notice title",
    "文号": "Document number",
    "例如：国办发明电〔2025〕7号": "e.g. 国办发明电〔2025〕7号",
    "通知日期": "Notice date",
    "节假日安排": "Holiday arrangements",
    "日期": "Date",
    "节日": "Festival",
    "节假日": "Holidays",
    "调休上班日必须是周六或周日：%(date)s 本来就是工作日，请改正日期或删除这一行": (
        "An adjusted working day must be a Saturday or Sunday: %(date)s is a working "
        "day already; correct the date or delete this row"
    ),
    "依据": "Basis",
    "例如：自治条例或当地规定": "e.g. an autonomy regulation or a local rule",
    "地方节日": "Local holidays",
}

_ENTRY = re.compile(r'^(msgid|msgid_plural|msgstr(?:\[\d\])?) "(.*)"$')


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _unquote(text: str) -> str:
    return (
        text.encode("latin-1", "backslashreplace").decode("unicode_escape")
        if "\\" in text
        else text
    )


def fill(text: str) -> tuple[str, list[str]]:
    out_blocks, missing = [], []
    for block in text.split("\n\n"):
        lines = block.splitlines()
        fields: dict[str, str] = {}
        comments: list[str] = []
        key = None
        for line in lines:
            if line.startswith("#"):
                comments.append(line)
                continue
            match = _ENTRY.match(line)
            if match:
                key = match.group(1)
                fields[key] = _unquote(match.group(2))
            elif line.startswith('"') and key:
                fields[key] += _unquote(line[1:-1])
        msgid = fields.get("msgid")
        if not msgid:
            out_blocks.append(block)
            continue
        comments = [c for c in comments if c != "#, fuzzy"]
        value = EN.get(msgid)
        if value is None and msgid not in LEGAL:
            missing.append(msgid)
        body = [*comments, f"msgid {_quote(msgid)}"]
        if "msgid_plural" in fields:
            one, other = (
                value if isinstance(value, tuple) else (value or "", value or "")
            )
            body += [
                f"msgid_plural {_quote(fields['msgid_plural'])}",
                f"msgstr[0] {_quote(one)}",
                f"msgstr[1] {_quote(other)}",
            ]
        else:
            body.append(f"msgstr {_quote(value if isinstance(value, str) else '')}")
        out_blocks.append("\n".join(body))
    return "\n\n".join(out_blocks), missing


_HEADER_FIELDS = {
    "Project-Id-Version": "gongkai 0.1",
    "PO-Revision-Date": "2026-11-23 00:00+0800",
    "Last-Translator": "gongkai maintainers",
    "Language-Team": "English",
    "Language": "en",
}


def _header(text: str) -> str:
    """A real header: not fuzzy (a fuzzy header is dropped by msgfmt, and without its
    charset Python cannot read the catalogue)."""
    head, rest = text.split("\n\n", 1)
    head = "\n".join(
        line
        for line in head.splitlines()
        if line not in ("#, fuzzy",) and not line.startswith("# ")
    )
    head = "# English translation of gongkai's interface.\n" + head.removeprefix("#\n")
    for name, value in _HEADER_FIELDS.items():
        head = re.sub(rf'"{name}: [^"]*\\n"', f'"{name}: {value}\\\\n"', head)
    return head + "\n\n" + rest


def main() -> int:
    text, missing = fill(PO.read_text("utf-8"))
    text = _header(text)
    PO.write_text(text, "utf-8")
    for msgid in missing:
        sys.stderr.write(f"untranslated: {msgid}\n")
    subprocess.run(
        ["msgfmt", "--check", "-o", str(PO.with_suffix(".mo")), str(PO)], check=True
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
