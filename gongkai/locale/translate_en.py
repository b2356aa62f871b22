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
    # portal: the public application form (依申请公开)
    "政府信息公开申请": "Request for government information",
    "依据《中华人民共和国政府信息公开条例》第二十七条至第二十九条，公民、法人或者其他组织可以向行政机关申请获取政府信息。无需注册；提交后您会得到受理编号和查询码，凭此查询办理进度、下载答复。": (
        "Under Articles 27 to 29 of the Regulations on Open Government Information, citizens, legal persons and other organisations may ask an administrative organ for government information. No account is needed: after submitting you get a tracking number and a query code with which you can follow the request and download the reply."
    ),
    "已提交过申请？查询办理进度": "Already applied? Follow your request",
    "申请还不能提交，请按提示逐项修改（已填写的内容都已保留）。": (
        "The request cannot be submitted yet: please correct each point shown (everything you typed has been kept)."
    ),
    "出于安全原因，浏览器不会保留已选择的附件：请重新选择要上传的附件。": (
        "For security reasons the browser does not keep chosen files: please choose the attachments again."
    ),
    "受理机关": "Organ applied to",
    "申请人信息": "Applicant",
    "联系方式（至少填写一种）": "Contact details (at least one)",
    "所需政府信息": "Information requested",
    "每项请至少填写信息名称、文号或便于查找的特征描述之一；可填写多项。": (
        "For each item give at least its title, its document number or a description that helps find it; you may add several items."
    ),
    "增加一项": "Add an item",
    "提供形式与获取方式": "Form and way of obtaining",
    "附件": "Attachments",
    "提交申请": "Submit request",
    "所需信息": "Information requested",
    "删除此项": "Remove this item",
    "申请办理进度": "Progress of the request",
    "受理编号": "Tracking number",
    "收到申请之日": "Date of receipt",
    "办理结果": "Outcome",
    "负责公开的机关": "Organ responsible for disclosure",
    "答复期限": "Reply due",
    "该年度的节假日安排尚未录入，期限按法定节假日暂定计算，录入后会重新计算": (
        "The holiday arrangements of that year are not entered yet: the date is computed provisionally from the statutory holidays and recomputed when they are entered"
    ),
    "暂定": "provisional",
    "申请人": "Applicant",
    "姓名或名称": "Name",
    "证件类型": "Identity document",
    "证件号码": "Document number",
    "联系电话": "Telephone",
    "电子邮箱": "E-mail",
    "通信地址": "Postal address",
    "提供形式": "Form",
    "获取方式": "Way of obtaining",
    "为保护个人信息，证件号码和联系方式只显示部分。": (
        "To protect personal data, identity numbers and contact details are shown in part only."
    ),
    "已提交的材料": "Documents submitted",
    "办理记录": "Timeline",
    "答复及告知文书": "Replies and notices",
    "Word 文档": "Word document",
    "暂无已出具的文书。": "No letter has been issued yet.",
    "查询其他申请": "Look up another request",
    "申请已提交": "Request submitted",
    "请记下或打印以下受理编号和查询码。查询码只在此处显示一次，凭它们可以查询办理进度、下载答复。": (
        "Note or print the tracking number and query code below. The query code is shown only here, once; with both you can follow the request and download the reply."
    ),
    "查询码": "Query code",
    "打印": "Print",
    "查看办理进度": "Follow the request",
    "受理编号和查询码只显示一次": "The tracking number and query code are shown once only",
    "提交后的受理编号和查询码已经显示过。请凭受理编号和查询码查询办理进度。": (
        "The tracking number and query code of the submission have been shown already. Use them to follow the request."
    ),
    "查询办理进度": "Follow a request",
    "查询申请办理进度": "Follow a request",
    "请输入提交申请时得到的受理编号和查询码。": (
        "Enter the tracking number and query code you got when you submitted the request."
    ),
    "查询": "Look up",
    "提交新的政府信息公开申请": "Submit a new request for government information",
    "自然人": "Natural person",
    "法人或其他组织": "Legal person or other organisation",
    "商业企业": "Business",
    "科研机构": "Research institution",
    "社会公益组织": "Public-interest organisation",
    "法律服务机构": "Legal services provider",
    "其他": "Other",
    "最多上传 %(n)s 个附件，请合并后再上传": (
        "At most %(n)s attachments: please combine files before uploading"
    ),
    "向哪个机关申请：人民政府或其工作部门（信息由谁制作或保存）": (
        "The organ you apply to: a people's government or one of its departments (the one that made or keeps the information)"
    ),
    "请选择受理机关": "Choose the organ",
    "请从列表中选择受理机关": "Choose the organ from the list",
    "申请人类型": "Applicant type",
    "组织类别": "Kind of organisation",
    "请选择": "Choose",
    "证件号码或统一社会信用代码": "Identity document number or unified social credit code",
    "所需信息的提供形式": "Form of the information",
    "获取信息的方式": "Way of obtaining the information",
    "身份证明等附件（可选）": "Proof of identity and other attachments (optional)",
    "PDF、JPG、PNG、OFD 或 DOCX，每个文件不超过 %(mb)s MB": (
        "PDF, JPG, PNG, OFD or DOCX, at most %(mb)s MB each"
    ),
    "请选择组织类别：商业企业、科研机构、社会公益组织、法律服务机构或其他": (
        "Choose the kind of organisation: business, research institution, public-interest organisation, legal services provider or other"
    ),
    "信息名称": "Title of the information",
    "其他特征描述": "Other description",
    "如制作机关、时间、事项，便于查找": (
        "e.g. the organ that made it, when, on what matter, to help find it"
    ),
    "请填写受理编号": "Enter the tracking number",
    "请填写查询码": "Enter the query code",
    "收到申请，已登记": "Request received and registered",
    "收到申请材料": "Documents received",
    "已交承办单位办理": "Passed to the unit handling it",
    "开始办理": "Handling started",
    "已发出补正通知": "Request for correction sent",
    "收到补正后的申请": "Corrected request received",
    "逾期未补正，视为放弃申请": "Not corrected in time: deemed abandoned",
    "征求意见（所需时间不计入答复期限）": "Consultation (its time is not counted in the reply period)",
    "征求意见已有结果": "Consultation answered",
    "延长答复期限": "Reply period extended",
    "已作出答复": "Replied",
    "申请已撤回": "Request withdrawn",
    "答复已送达": "Reply delivered",
    "已归档": "Archived",
    "已转送其他机关办理": "Transferred to another organ",
    "没有找到这个申请：受理编号或查询码不正确。请核对后重新输入（查询码不区分大小写）。": (
        "No such request: the tracking number or the query code is wrong. Check them and try again (the query code is not case-sensitive)."
    ),
    "没有找到这个申请，或者您尚未查询：请先用受理编号和查询码查询。": (
        "No such request, or you have not looked it up yet: look it up with its tracking number and query code first."
    ),
    "没有找到这份文书。": "No such letter.",
    # API tokens (admin)
    "令牌只显示这一次，请复制保存：%(token)s": (
        "The token is shown only this once; copy it and keep it safe: %(token)s"
    ),
    "吊销所选令牌": "Revoke selected tokens",
    "已吊销 %(n)d 个令牌": "Tokens revoked: %(n)d",
    "前缀": "Prefix",
    "令牌摘要": "Token digest",
    "最近使用时间": "Last used",
    "吊销时间": "Revoked at",
    "API 令牌": "API tokens",
    # administrative reconsideration and litigation (models)
    "行政复议和行政诉讼": "Administrative reconsideration and litigation",
    "行政复议": "Administrative reconsideration",
    "行政诉讼（未经复议直接起诉）": "Administrative litigation (without reconsideration first)",
    "行政诉讼（复议后起诉）": "Administrative litigation (after reconsideration)",
    "结果维持": "Decision upheld",
    "结果纠正": "Decision corrected",
    "其他结果": "Other result",
    "被申请复议或起诉的申请": "Request challenged",
    "类别": "Category",
    "所针对的行政复议": "Reconsideration challenged",
    "申请复议或起诉日期": "Date filed",
    "复议机关或人民法院": "Reconsideration body or court",
    "案号": "Case number",
    "审结结果": "Result",
    "结论": "Conclusion",
    "审结日期": "Date concluded",
    "备注": "Remarks",
    "行政复议或行政诉讼": "Administrative reconsideration or litigation",
    "事项": "Event",
    "复议诉讼记录": "Reconsideration and litigation events",
    "依申请公开": "Disclosure on request",
    # disclosure requests: model fields and choices
    "居民身份证": "Resident identity card",
    "统一社会信用代码": "Unified social credit code",
    "护照": "Passport",
    "港澳居民来往内地通行证": "Mainland travel permit for Hong Kong and Macao residents",
    "台湾居民来往大陆通行证": "Mainland travel permit for Taiwan residents",
    "外国人永久居留身份证": "Foreign permanent resident ID card",
    "纸质": "Paper",
    "电子": "Electronic",
    "查阅": "Inspection",
    "自取": "Collect in person",
    "邮寄": "By post",
    "电子邮件": "E-mail",
    "在线": "Online",
    "当面": "In person",
    "挂号信": "Registered post",
    "平信": "Ordinary post",
    "网络": "Internet",
    "传真": "Fax",
    "承办单位": "Handling unit",
    "查询码摘要": "Query code digest",
    "申请人姓名或名称": "Applicant's name",
    "所需信息的指定提供载体形式": "Medium requested for the information",
    "申请渠道": "Channel",
    "法律依据": "Legal basis",
    "理由": "Reason",
    "负责公开的机关（非本机关）": "Organ responsible for disclosure (not this organ)",
    "办结日期": "Date closed",
    "期限为暂定": "Due date provisional",
    "送达日期": "Date delivered",
    "送达方式": "Delivery method",
    "送达凭证": "Proof of delivery",
    "归档日期": "Date archived",
    "转至": "Transferred to",
    "不予公开": "Withheld",
    "不予公开的理由": "Grounds for withholding",
    "不予公开的内容与说明": "Withheld content and explanation",
    "申请事项": "Items requested",
    "第三方（第三十二条）": "Third party (Article 32)",
    "其他机关（第三十四条）": "Other organ (Article 34)",
    "征求对象": "Party consulted",
    "发函日期": "Date letter sent",
    "对方收到日期": "Date received by the party",
    "回复日期": "Date of response",
    "意见": "Opinion",
    "征求意见": "Consultation",
    "批准日期": "Date approved",
    "延长工作日数": "Working days added",
    "告知申请人日期": "Date applicant notified",
    "延期答复": "Extension of the reply period",
    "告知日期": "Date of notice",
    "需要补正的事项": "Points to correct",
    "补正期限": "Correction deadline",
    "晚于七个工作日告知": "Notified after 7 working days",
    "收到补正日期": "Date correction received",
    "逾期未补正日期": "Date correction lapsed",
    "补正": "Correction",
    "身份证明": "Proof of identity",
    "申请书原件": "Original request form",
    "补正材料": "Correction documents",
    "其他材料": "Other documents",
    "材料类别": "Document type",
    "文件": "File",
    "原文件名": "Original file name",
    "申请材料": "Request documents",
    "计收方式": "Charging method",
    "按件计收": "Per request",
    "按量计收": "By volume",
    "件数或页数": "Requests or pages",
    "本月此前已申请件数": "Requests earlier this month",
    "应缴金额（元）": "Amount due (yuan)",
    "计费明细": "Fee breakdown",
    "发出收费通知日期": "Date fee notice sent",
    "申请人收到通知日期": "Date applicant received the notice",
    "缴费期限": "Payment due by",
    "缴费日期": "Date paid",
    "实缴金额（元）": "Amount paid (yuan)",
    "缴费凭证": "Proof of payment",
    "逾期未缴费日期": "Date payment lapsed",
    "收费通知": "Fee notice",
    "查看位置": "Viewed in",
    "查看的字段": "Fields viewed",
    "个人信息查看记录": "Personal data access log",
    "其他法人或其他组织": "Other legal person or organisation",
    # outcomes (国务院令第711号 and the annual-report format), described in English
    "予以公开": "Disclosed",
    "部分公开": "Partly disclosed",
    "不予公开：属于国家秘密": "Withheld: state secret",
    "不予公开：其他法律行政法规禁止公开": (
        "Withheld: disclosure prohibited by another law or administrative regulation"
    ),
    "不予公开：危及“三安全一稳定”": (
        "Withheld: would endanger national, public or economic security or social stability"
    ),
    "不予公开：保护第三方合法权益": "Withheld: protects a third party's lawful rights",
    "不予公开：属于三类内部事务信息": "Withheld: internal affairs information",
    "不予公开：属于四类过程性信息": "Withheld: process information",
    "不予公开：属于行政执法案卷": "Withheld: administrative law-enforcement case file",
    "不予公开：属于行政查询事项": "Withheld: available through an administrative enquiry procedure",
    "无法提供：本机关不掌握相关政府信息": (
        "Cannot be provided: this organ does not hold the information"
    ),
    "无法提供：没有现成信息需要另行制作": (
        "Cannot be provided: the information does not exist and would have to be created"
    ),
    "无法提供：补正后申请内容仍不明确": "Cannot be provided: still unclear after correction",
    "不予处理：信访举报投诉类申请": "Not processed: petition, report or complaint",
    "不予处理：重复申请": "Not processed: repeated request",
    "不予处理：要求提供公开出版物": "Not processed: asks for a public publication",
    "不予处理：无正当理由大量反复申请": (
        "Not processed: many repeated requests without good reason"
    ),
    "不予处理：要求行政机关确认或重新出具已获取信息": (
        "Not processed: asks the organ to confirm or reissue information already obtained"
    ),
    "其他处理：申请人无正当理由逾期不补正": (
        "Other handling: applicant did not correct the request in time without good reason"
    ),
    "其他处理：申请人逾期未按收费通知要求缴纳费用": (
        "Other handling: applicant did not pay the fee notice in time"
    ),
    "其他处理：其他": "Other handling: other",
    "（一）予以公开": "(1) Disclosed",
    "（二）部分公开": "(2) Partly disclosed",
    "（三）不予公开": "(3) Withheld",
    "（四）无法提供": "(4) Cannot be provided",
    "（五）不予处理": "(5) Not processed",
    "（六）其他处理": "(6) Other handling",
    # request status
    "已收到": "Received",
    "已分办": "Assigned",
    "办理中": "In progress",
    "待补正": "Awaiting correction",
    "征求意见中": "In consultation",
    "已延期": "Extended",
    "已送达": "Delivered",
    "已撤回": "Withdrawn",
    "视为放弃": "Deemed abandoned",
    "已转其他机关": "Transferred to another organ",
    # back office: reconsideration and litigation pages
    "您的账号没有办理政府信息公开申请的岗位。": (
        "Your account has no role for handling disclosure requests."
    ),
    "日期格式应为 年-月-日，例如 2025-03-10": (
        "Write dates as year-month-day, e.g. 2025-03-10"
    ),
    "请从列表中选择类别": "Choose a category from the list",
    "名称最多 200 个字": "The name can be at most 200 characters",
    "案号最多 100 个字": "The case number can be at most 100 characters",
    "所针对的行政复议（复议后起诉时选择）": (
        "Reconsideration challenged (choose it for litigation after reconsideration)"
    ),
    "请从列表中选择该申请已审结的行政复议": (
        "Choose a concluded reconsideration of this request from the list"
    ),
    "撤回、终止、驳回起诉等计入「其他结果」": (
        "Withdrawals, terminations, dismissals of the suit and the like count as “Other result”"
    ),
    "请从列表中选择审结结果": "Choose the result from the list",
    "结论（如驳回诉讼请求、撤销、确认违法、撤回）": (
        "Conclusion (e.g. claim dismissed, decision revoked, declared unlawful, withdrawn)"
    ),
    "没有这件政府信息公开申请。": "There is no such disclosure request.",
    "您无权查看申请 %(number)s：它不属于您所在的单位。": (
        "You may not view request %(number)s: it does not belong to your unit."
    ),
    "没有这件行政复议或行政诉讼。": "There is no such reconsideration or litigation.",
    "您无权查看这件行政复议或行政诉讼。": (
        "You may not view this reconsideration or litigation."
    ),
    "只有该申请所属机关的公开办或承办单位可以登记。": (
        "Only the disclosure office or the handling unit of the request's organ can register this."
    ),
    "已登记。": "Registered.",
    "只有该申请所属机关的公开办或承办单位可以记录结果。": (
        "Only the disclosure office or the handling unit of the request's organ can record the result."
    ),
    "已记录审结结果。": "Result recorded.",
    # back office: case forms
    "请按 年-月-日 填写日期，例如 2025-03-07": (
        "Enter the date as year-month-day, e.g. 2025-03-07"
    ),
    "日期 %(value)s 超出可办理的范围（%(earliest)s 至 %(latest)s）：请核对年份": (
        "The date %(value)s is outside the possible range (%(earliest)s to %(latest)s): check the year"
    ),
    "请填写%(label)s": "%(label)s is required",
    "请选择办理结果": "Choose the outcome",
    "请选择不予公开的理由": "Choose the grounds for withholding",
    "受理编号或申请人": "Tracking number or applicant",
    "办理中（全部未办结）": "Open (everything not closed)",
    "机关或承办单位": "Organ or handling unit",
    "所选单位不在您的范围内：请重新选择": "The unit chosen is outside your remit: choose again",
    "收到日期自": "Received from",
    "收到日期至": "Received until",
    "截止日期早于起始日期：请交换或改正两个日期": (
        "The end date is before the start date: swap or correct the two dates"
    ),
    "您不能为所选机关登记申请：请选择您所在的机关": (
        "You cannot register requests for the organ chosen: choose your own organ"
    ),
    "第三十一条按渠道确定收到申请之日：请填写该渠道需要的日期": (
        "Under Article 31 the date of receipt depends on the channel: enter the date that channel needs"
    ),
    "提交（寄出）日期": "Date submitted (posted)",
    "当面提交：提交之日即收到申请之日": (
        "In person: the day of submission is the date of receipt"
    ),
    "签收日期": "Date signed for",
    "挂号信、快递等需签收的邮件：以本机关签收之日为准": (
        "Registered post, courier and other mail signed for: the day this organ signs for it"
    ),
    "信函到达日期": "Date the letter arrived",
    "平信：信函到达本机关之日（应当日联系申请人确认）": (
        "Ordinary post: the day the letter reaches this organ (contact the applicant to confirm the same day)"
    ),
    "与申请人确认日期": "Date confirmed with the applicant",
    "平信、传真、电子邮件：以与申请人（双方）确认之日为准": (
        "Ordinary post, fax, e-mail: the day receipt is confirmed with the applicant (by both sides)"
    ),
    "第%(n)d项 信息名称": "Item %(n)d: title of the information",
    "第%(n)d项 文号": "Item %(n)d: document number",
    "第%(n)d项 其他特征描述": "Item %(n)d: other description",
    "请选择承办单位": "Choose the handling unit",
    "所选单位不是本机关的下属单位：请重新选择": (
        "The unit chosen is not part of this organ: choose again"
    ),
    "分办日期": "Date assigned",
    "退回理由": "Reason for returning",
    "请填写退回公开办的理由": "Give the reason for returning it to the disclosure office",
    "退回日期": "Date returned",
    "转送至（gongkai 中的其他机关）": "Transfer to (another organ in gongkai)",
    "请选择负责公开该信息的机关": "Choose the organ responsible for disclosing the information",
    "所选机关无效：请从列表中选择本机关以外的机关": (
        "Invalid organ: choose an organ other than this one from the list"
    ),
    "转送日期": "Date transferred",
    "负责公开该信息的机关": "Organ responsible for disclosing the information",
    "请填写负责公开该信息的机关名称（第三十六条第（五）项）": (
        "Enter the name of the organ responsible for disclosing the information (Article 36(5))"
    ),
    "答复日期": "Reply date",
    "需要补正的事项（每行一项）": "Points to correct (one per line)",
    "请逐项列出需要补正的事项（第三十条：一次性告知）": (
        "List every point to correct (Article 30: all in a single notice)"
    ),
    "请填写征求意见对象的名称": "Enter the name of the party consulted",
    "请选择要记录回复的征求意见": "Choose the consultation whose response you are recording",
    "该征求意见已记录回复或不属于本申请：请重新选择": (
        "That consultation already has a response or belongs to another request: choose again"
    ),
    "回复日期（或期满无回复之日）": (
        "Date of response (or the day the period ended without one)"
    ),
    "意见（期满未回复的留空）": "Opinion (leave blank if there was no response in time)",
    "第三十三条第二款：延长的期限最长不得超过 20 个工作日": (
        "Article 33(2): an extension may not exceed 20 working days"
    ),
    "请填写延长的工作日数": "Enter the number of working days to add",
    "请填写 1 至 20 的整数": "Enter a whole number from 1 to 20",
    "延期理由": "Reason for the extension",
    "请填写延期理由（告知申请人）": "Give the reason for the extension (it is told to the applicant)",
    "请选择一项办理结果": "Choose an outcome",
    "办理结果无效：请从年报的办理结果中选择一项": (
        "Invalid outcome: choose one of the annual report's outcomes"
    ),
    "只有办理结果为「部分公开」时才勾选不予公开的事项": (
        "Tick withheld items only when the outcome is “Partly disclosed”"
    ),
    "请为第%(n)d项选择不予公开的理由（第三十七条）": (
        "Choose the grounds for withholding item %(n)d (Article 37)"
    ),
    "部分公开须勾选至少一项不予公开的事项并写明理由（第三十七条）": (
        "Partial disclosure needs at least one withheld item ticked, with its reason (Article 37)"
    ),
    "撤回日期": "Date withdrawn",
    "请上传送达凭证（签收单、回执或发送记录）": (
        "Upload proof of delivery (signed receipt, return slip or sending record)"
    ),
    "PDF、JPG、PNG、OFD 或 DOCX，按文件内容核对类型": (
        "PDF, JPG, PNG, OFD or DOCX; the type is checked from the file's content"
    ),
    # back office: case actions and timeline events
    "登记": "Register",
    "分办": "Assign",
    "退回公开办": "Return to the disclosure office",
    "转送其他机关": "Transfer to another organ",
    "补正告知": "Correction notice",
    "收到补正": "Correction received",
    "逾期未补正": "Not corrected in time",
    "征求意见回复": "Consultation response",
    "作出答复": "Reply",
    "撤回申请": "Withdrawal",
    "送达": "Delivery",
    "归档": "Archive",
    "是": "Yes",
    "否": "No",
    "只有公开办或承办人员可以登记申请。": (
        "Only the disclosure office or case officers can register requests."
    ),
    "已登记申请 %(number)s，收到申请之日为 %(date)s。查询码：%(code)s（只显示这一次，请告知申请人）": (
        "Request %(number)s registered; date of receipt %(date)s. Query code: %(code)s (shown only this once: give it to the applicant)"
    ),
    "分办到承办单位": "Assign to a handling unit",
    "退回": "Return",
    "补正告知（第三十条）": "Correction notice (Article 30)",
    "发出补正告知": "Send correction notice",
    "记录收到补正": "Record correction received",
    "逾期未补正（视为放弃）": "Not corrected in time (deemed abandoned)",
    "记录逾期未补正": "Record correction lapsed",
    "征求意见（第三十二条、第三十四条）": "Consultation (Articles 32 and 34)",
    "记录发函": "Record letter sent",
    "记录回复": "Record response",
    "延期答复（第三十三条第二款）": "Extension of the reply period (Article 33(2))",
    "批准延期": "Approve extension",
    "记录答复": "Record reply",
    "转送": "Transfer",
    "答复非本机关负责公开（第三十六条第（五）项）": (
        "Reply: not this organ's information to disclose (Article 36(5))"
    ),
    "申请人撤回申请": "Applicant withdraws the request",
    "记录撤回": "Record withdrawal",
    "记录送达": "Record delivery",
    "已分办到「%(unit)s」。": "Assigned to %(unit)s.",
    "已开始办理。": "Handling started.",
    "已退回公开办。": "Returned to the disclosure office.",
    "已发出补正告知。": "Correction notice sent.",
    "已记录收到补正，答复期限重新计算。": (
        "Correction received and recorded; the reply period starts again."
    ),
    "已记录逾期未补正，申请视为放弃。": (
        "Recorded that the correction was not made in time; the request is deemed abandoned."
    ),
    "已记录征求意见发函，征求意见时间不计入答复期限。": (
        "Consultation letter recorded; the consultation time does not count towards the reply period."
    ),
    "已记录征求意见的回复。": "Consultation response recorded.",
    "已批准延期 %(days)d 个工作日。": "Extension approved: %(days)d working days.",
    "已记录答复：%(outcome)s。": "Reply recorded: %(outcome)s.",
    "已转送「%(organ)s」，对方受理编号 %(number)s。": (
        "Transferred to %(organ)s; its tracking number is %(number)s."
    ),
    "已答复非本机关负责公开，并告知负责公开的机关。": (
        "Replied that this organ is not responsible for disclosing the information, naming the organ that is."
    ),
    "已记录申请人撤回申请。": "Withdrawal by the applicant recorded.",
    "已记录送达。": "Delivery recorded.",
    "已归档。": "Archived.",
    "没有这项操作。": "There is no such action.",
    "您不能对申请 %(number)s 进行这项操作。": "You cannot take this action on request %(number)s.",
    "申请当前状态为「%(status)s」，不能进行这项操作；页面已刷新为当前可进行的操作。": (
        "The request is now “%(status)s”, so this action is not possible; the page has been refreshed to show the actions available."
    ),
    "材料已上传。": "Document uploaded.",
    "这件申请没有这份材料。": "This request has no such document.",
    # back office: cell drill-down
    "您无权查看「%(org)s」的这份年度报告。": "You may not view this annual report of %(org)s.",
    "「%(cell)s」不是第三、四部分的单元格：只有依申请公开和复议诉讼的单元格可以查看办件。": (
        "“%(cell)s” is not a cell of parts 3 or 4: only cells on requests and on reconsideration and litigation list their cases."
    ),
    "这个单元格不是根据办件计算的（手工填写或导入），没有对应的办件清单。": (
        "This cell was not computed from case records (it was typed in or imported), so there is no list of cases for it."
    ),
    # back office: information processing fees
    "计收方式（每件申请只能选择一种，第三条）": (
        "Charging method (one per request, Article 3)"
    ),
    "请选择按件计收或按量计收": "Choose per request or by volume",
    "件数（按件）或页数（按量）": "Requests (per request) or pages (by volume)",
    "请填写件数或页数": "Enter the number of requests or pages",
    "件数或页数应为整数": "The number of requests or pages must be a whole number",
    "件数或页数至少为 1": "The number of requests or pages must be at least 1",
    "件数或页数过大，请核对": "The number of requests or pages is too large: please check it",
    "请填写实缴金额": "Enter the amount paid",
    "金额应为数字，例如 200 或 200.00": "The amount must be a number, e.g. 200 or 200.00",
    "金额应大于 0": "The amount must be more than 0",
    "金额过大，请核对": "The amount is too large: please check it",
    "金额最多两位小数（分）": "The amount can have at most two decimals (fen)",
    "缴费凭证（PDF、JPG、PNG、OFD 或 DOCX）": "Proof of payment (PDF, JPG, PNG, OFD or DOCX)",
    "办结日期（缴费期限届满后）": "Date closed (after the payment deadline)",
    "日期不能晚于今天（%(today)s）": "The date cannot be later than today (%(today)s)",
    "已发出收费通知，应缴 %(amount)s 元，缴费期限 %(date)s。": (
        "Fee notice sent: %(amount)s yuan due by %(date)s."
    ),
    "已记录缴费。": "Payment recorded.",
    "申请人逾期未缴费，已按视为放弃申请办结（其他处理 2）。": (
        "The applicant did not pay in time: the request is closed as deemed abandoned (other handling 2)."
    ),
    "没有这个收费操作。": "There is no such fee action.",
    "只有公开办或承办单位可以办理收费事项。": (
        "Only the disclosure office or the handling unit can deal with fees."
    ),
    "该申请没有缴费凭证。": "This request has no proof of payment.",
    # annual reports computed from case records
    "由办理记录计算得出": "Computed from case records",
    "由办件计算第三、四部分": "Compute parts 3 and 4 from cases",
    "按本机关登记的依申请公开办件和行政复议、诉讼记录计算；不勾选则为空白草稿": (
        "Computed from the requests and the reconsideration and litigation records registered by this organ; leave unticked for a blank draft"
    ),
    # back office: letter templates and settings
    "只有公开办管理员可以管理文书模板。": (
        "Only disclosure office administrators can manage letter templates."
    ),
    "您管理的机关中没有这个机关。": "This organ is not among the organs you manage.",
    "可分两行：机关名称一行，文书名称一行": (
        "May take two lines: the organ's name on one, the letter's name on the other"
    ),
    "正文": "Body",
    "第一行为称呼（以冒号结尾），以下每行一段；占位符写作 {{名称}}，见右侧列表": (
        "The first line is the salutation (ending with a colon), then one paragraph per line; write placeholders as {{名称}}, see the list on the right"
    ),
    "没有这个机关。": "There is no such organ.",
    "没有这种文书。": "There is no such kind of letter.",
    "只有本机关的公开办管理员可以修改文书模板。": (
        "Only this organ's disclosure office administrators can change letter templates."
    ),
    "已恢复为上级或默认模板。": "Restored to the parent organ's or the default template.",
    "模板已保存。": "Template saved.",
    "文号格式": "Document number format",
    "占位符：{{机关简称}}、{{年}}、{{序号}}": (
        "Placeholders: {{机关简称}} (organ's short name), {{年}} (year), {{序号}} (sequence number)"
    ),
    "署名机关": "Signing organ",
    "行政复议机关": "Reconsideration body",
    "留空时为上一级人民政府": "If blank: the people's government one level up",
    "管辖法院": "Competent court",
    "留空时写“有管辖权的人民法院”": "If blank: “the people's court with jurisdiction”",
    "联系人": "Contact person",
    "只有本机关的公开办管理员可以修改文书设置。": (
        "Only this organ's disclosure office administrators can change letter settings."
    ),
    "文书设置已保存。": "Letter settings saved.",
    "您无权办理申请 %(number)s 的文书：它不属于您所在的单位。": (
        "You may not handle the letters of request %(number)s: it does not belong to your unit."
    ),
    "成文日期": "Date written",
    "请按 YYYY-MM-DD 填写日期": "Enter the date as YYYY-MM-DD",
    "已按申请的记录填好；〔请填写：…〕处须补写后才能出具。第一行为称呼，以下每行一段。": (
        "Filled in from the request's records; complete every 〔请填写：…〕 before issuing. The first line is the salutation, then one paragraph per line."
    ),
    "成文日期超出范围：请填写 2000 年至 2099 年之间的日期": (
        "Date of the letter out of range: enter a date from 2000 to 2099"
    ),
    "已出具 %(number)s。": "Issued %(number)s.",
    "没有这份文书。": "There is no such letter.",
    "没有这种格式。": "There is no such format.",
    # back office: notifications
    "请选择要标为已读的通知。": "Choose the notifications to mark as read.",
    "已将 %(n)d 条通知标为已读。": (
        "%(n)d notification marked as read.",
        "%(n)d notifications marked as read.",
    ),
    # back office: reconsideration and litigation templates
    "全部行政复议和行政诉讼": "All reconsideration and litigation",
    "申请 %(number)s 的行政复议和行政诉讼": (
        "Reconsideration and litigation for request %(number)s"
    ),
    "已登记": "Registered",
    "该申请没有行政复议或行政诉讼。": "This request has no reconsideration or litigation.",
    "登记行政复议或行政诉讼": "Register reconsideration or litigation",
    "复议、诉讼针对已作出的答复（登记日期不早于答复日期），或针对逾期未答复。复议后起诉须选择该申请已审结的行政复议（行政诉讼法第四十五条）。": (
        "Reconsideration and litigation challenge a reply already given (filed no earlier than the reply date) or a failure to reply in time. Litigation after reconsideration must name a concluded reconsideration of this request (Article 45 of the Administrative Litigation Law)."
    ),
    "返回申请 %(number)s 的行政复议和行政诉讼": (
        "Back to the reconsideration and litigation of request %(number)s"
    ),
    "申请": "Request",
    "记录审结结果": "Record the result",
    "结果计入审结当年年报第四部分；12月31日仍未审结的，计入当年的「尚未审结」。": (
        "The result counts in part 4 of the annual report for the year it concludes; cases still open on 31 December count as “not yet concluded” for that year."
    ),
    "记录结果": "Record result",
    "办理人": "Handled by",
    "审结": "Concluded",
    "针对本机关政府信息公开申请办理的行政复议、行政诉讼（条例第五十一条）。年底仍未审结的，计入当年年报第四部分的「尚未审结」。": (
        "Administrative reconsideration and litigation about this organ's handling of disclosure requests (Article 51 of the Regulations). Cases still open at the end of the year count as “not yet concluded” in part 4 of that year's annual report."
    ),
    "尚未审结": "Not yet concluded",
    "已审结": "Concluded",
    "分页": "Pagination",
    "上一页": "Previous",
    "第 %(n)s / %(total)s 页": "Page %(n)s of %(total)s",
    "下一页": "Next",
    "没有行政复议或行政诉讼。": "No reconsideration or litigation.",
    # back office: case pages
    "第三十条：补正告知应在收到申请之日起 7 个工作日内一次性发出，即不晚于 %(date)s；晚于此日的告知会被记录为逾期告知。": (
        "Article 30: the correction notice must be sent once, within 7 working days of receipt, i.e. by %(date)s; a notice after that day is recorded as late."
    ),
    "部分公开时，逐项写明不予公开的事项及理由（第三十七条）": (
        "For partial disclosure, state each withheld item and the reason (Article 37)"
    ),
    "各办理结果的法律依据": "Legal basis of each outcome",
    "期限经过的年份尚未录入国务院放假安排，按法定节假日暂定计算；录入后自动重算": (
        "The State Council holiday arrangements for a year in this period are not entered yet: the date is provisional, based on statutory holidays, and is recomputed once they are entered"
    ),
    "申请办理": "Requests",
    "依申请公开工作台": "Requests dashboard",
    "全部申请": "All requests",
    "登记申请": "Register a request",
    "答复书和告知书": "Reply letters and notices",
    "文书": "Letters",
    "下载": "Download",
    "尚未出具文书。": "No letters issued yet.",
    "起草、出具答复书或告知书": "Draft and issue reply letters or notices",
    "案卷": "Case file",
    "归档压缩包": "Archive (zip)",
    "信息处理费": "Information processing fee",
    "未发出收费通知。": "No fee notice sent.",
    "收费通知与缴费记录": "Fee notice and payment",
    "计算费用、发出收费通知": "Compute the fee and send a fee notice",
    "没有针对本申请的行政复议或行政诉讼。": (
        "No reconsideration or litigation concerns this request."
    ),
    "登记行政复议、行政诉讼及其结果": "Register reconsideration or litigation and its result",
    "没有上传材料。": "No documents uploaded.",
    "上传": "Upload",
    "今天是 %(today)s。下面按承办单位列出您范围内未办结的申请：已超期、今天到期、%(days)s 个工作日内到期。": (
        "Today is %(today)s. Below are the open requests in your remit by handling unit: overdue, due today and due within %(days)s working days."
    ),
    "未办结 %(n)s 件": "Open: %(n)s",
    "已超期 %(n)s 件": "Overdue: %(n)s",
    "今天到期 %(n)s 件": "Due today: %(n)s",
    "%(days)s 个工作日内到期 %(n)s 件": "Due within %(days)s working days: %(n)s",
    "登记当面、邮寄、传真或电子邮件收到的申请": (
        "Register a request received in person, by post, by fax or by e-mail"
    ),
    "未办结": "Open",
    "已超期": "Overdue",
    "今天到期": "Due today",
    "%(days)s 个工作日内到期": "Due within %(days)s working days",
    "未分办": "Not assigned",
    "您的范围内没有未办结的申请。": "There are no open requests in your remit.",
    "申请 %(number)s": "Request %(number)s",
    "申请信息": "Request details",
    "证件": "Identity document",
    "载体形式": "Medium",
    "凭证已上传": "Proof uploaded",
    "您正在查看申请人的完整个人信息；本次查看已记录。": (
        "You are viewing the applicant's full personal data; this view has been logged."
    ),
    "查看完整信息": "View full details",
    "查看会被记录（谁、何时）。": "Viewing is logged (who and when).",
    "%(on)s 告知，补正期限 %(deadline)s": "Notified %(on)s; correct by %(deadline)s",
    "对象": "Party",
    "待回复": "Awaiting response",
    "延长 %(days)s 个工作日，%(by)s 于 %(on)s 批准，%(notice)s 告知申请人。": (
        "Extended by %(days)s working days, approved by %(by)s on %(on)s; applicant notified %(notice)s."
    ),
    "%(method)s %(amount)s 元，%(sent)s 发出，缴费期限 %(pay_by)s。": (
        "%(method)s: %(amount)s yuan, sent %(sent)s, due by %(pay_by)s."
    ),
    "已缴费": "Paid",
    "办理": "Handling",
    "您现在不能对这件申请进行操作。": "You cannot take any action on this request now.",
    "经办人": "Officer",
    "变化": "Changes",
    "记录时间": "Recorded at",
    "申请人（网上提交）": "Applicant (submitted online)",
    "登记当面提交、邮寄（挂号信或平信）、传真或电子邮件收到的政府信息公开申请。收到申请之日按第三十一条由渠道决定：请填写该渠道需要的日期。": (
        "Register a disclosure request received in person, by post (registered or ordinary), by fax or by e-mail. Under Article 31 the date of receipt depends on the channel: enter the date that channel needs."
    ),
    "申请未登记：请按下面的提示改正，已填写的内容都保留着。": (
        "The request was not registered: correct it as shown below; everything you typed has been kept."
    ),
    "所需政府信息（第二十九条第二款第（二）项）": (
        "Information requested (Article 29(2)(ii))"
    ),
    "申请渠道与收到日期（第三十一条）": "Channel and date of receipt (Article 31)",
    "共 %(n)s 件": ("%(n)s request", "%(n)s requests"),
    "收到日期": "Date received",
    "没有符合条件的申请。": "No request matches.",
    # back office: cases behind a report cell
    "单元格统计的办件": "Cases counted in a cell",
    "报告中本单元格为 <strong>%(value)s</strong>，按办件统计为 <strong>%(n)s</strong> 件。": (
        "The report has <strong>%(value)s</strong> in this cell; the case records give <strong>%(n)s</strong>."
    ),
    "其中 %(n)s 件不属于您的查看范围，未列出。": (
        "%(n)s of them is outside your remit and not listed.",
        "%(n)s of them are outside your remit and not listed.",
    ),
    "没有可以列出的办件。": "No cases to list.",
    "没有可以列出的复议或诉讼。": "No reconsideration or litigation to list.",
    "查看本单元格统计的办件": "See the cases counted in this cell",
    "办件": "Cases",
    "按办件重新计算第三、四部分": "Recompute parts 3 and 4 from cases",
    "由本机关登记的依申请公开办件和行政复议、诉讼记录重新统计；第二部分和文字部分保留已保存的内容，尚未保存的修改请先保存。": (
        "Recounted from the requests and the reconsideration and litigation records registered by this organ; part 2 and the text sections keep their saved content, so save any unsaved changes first."
    ),
    # back office: fee panel
    "申请 %(number)s 的信息处理费": "Information processing fee for request %(number)s",
    "依据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）：按件计收时，同一申请人一个自然月内累计申请 10 件以下不收费；按量计收时，30 页以下不收费。申请人应自收到收费通知次日起 20 个工作日内缴费，逾期未缴费视为放弃申请。": (
        "Under the Measures on Information Processing Fees for Government Information Disclosure (国办函〔2020〕109号): when charging per request, there is no fee for up to 10 requests by the same applicant in a calendar month; when charging by volume, there is no fee up to 30 pages. The applicant must pay within 20 working days from the day after receiving the fee notice; a request not paid for in time is deemed abandoned."
    ),
    " 件；本月此前已申请 ": " requests; earlier this month: ",
    " 件": " requests",
    " 页": " pages",
    "应缴金额": "Amount due",
    "元": "yuan",
    "发出日期": "Date sent",
    "缴费情况": "Payment",
    "%(date)s 已缴 %(amount)s 元": "%(amount)s yuan paid on %(date)s",
    "逾期未缴费，%(date)s 按视为放弃申请办结": (
        "Not paid in time; closed as deemed abandoned on %(date)s"
    ),
    "尚未缴费": "Not paid yet",
    "计费明细（超额累进）": "Fee breakdown (progressive bands)",
    "序号": "No.",
    "数量": "Quantity",
    "单价（元）": "Unit price (yuan)",
    "金额（元）": "Amount (yuan)",
    "发出收费通知": "Send fee notice",
    "记录缴费": "Record payment",
    "逾期未缴费：视为放弃申请": "Not paid in time: request deemed abandoned",
    "该申请人本月此前已申请 %(n)s 件（按件计收时累计）。": (
        "Requests by this applicant earlier this month: %(n)s (added up when charging per request)."
    ),
    "计算并发出": "Compute and send",
    "办结": "Close",
    # back office: letters pages
    "返回申请 %(number)s": "Back to request %(number)s",
    "申请 %(number)s 的文书": "Letters for request %(number)s",
    "已出具的文书": "Letters issued",
    "签发人": "Signed off by",
    "还没有出具文书。": "No letters issued yet.",
    "起草文书": "Draft a letter",
    "全部文书、办理记录、申请材料、送达凭证和缴费凭证。": (
        "All letters, the timeline, the request documents, proof of delivery and proof of payment."
    ),
    "下载案卷 PDF": "Download case file (PDF)",
    "下载归档压缩包（zip）": "Download archive (zip)",
    "出具（编文号，定稿后不能修改）": "Issue (numbers the letter; it cannot be changed afterwards)",
    "文书设置": "Letter settings",
    "全部文书模板": "All letter templates",
    "%(name)s的文书设置": "Letter settings of %(name)s",
    "保存": "Save",
    "文号格式中的占位符：": "Placeholders in the document number format:",
    "文书模板": "Letter templates",
    "这是%(name)s自己的版本。": "This is %(name)s's own version.",
    "%(name)s目前沿用上级或默认模板；保存后成为本机关的版本。": (
        "%(name)s uses the parent organ's or the default template; saving makes it this organ's own version."
    ),
    "恢复为上级或默认模板": "Restore the parent organ's or the default template",
    "预览（示例数据）": "Preview (sample data)",
    "可用的占位符": "Available placeholders",
    "答复与告知文书模板": "Templates of replies and notices",
    "%(name)s出具文书时使用下列模板。未修改的模板沿用上级机关或系统默认模板；修改后即为本机关的版本。": (
        "%(name)s issues letters with the templates below. A template not changed here is the parent organ's or the system default; once changed, it is this organ's own version."
    ),
    "文书设置（文号格式、行政复议机关、联系人）": (
        "Letter settings (document number format, reconsideration body, contact person)"
    ),
    "本机关版本": "This organ's version",
    "系统默认": "System default",
    "无法生成文件": "The file cannot be produced",
    # back office: notifications page
    "通知": "Notifications",
    "%(n)s 条未读通知": ("%(n)s unread notification", "%(n)s unread notifications"),
    "通知筛选": "Filter notifications",
    "全部通知": "All notifications",
    "只看未读": "Unread only",
    "全部标为已读": "Mark all as read",
    "内容": "Content",
    "已读": "Read",
    "未读": "Unread",
    "标为已读": "Mark as read",
    "没有未读通知。": "No unread notifications.",
    "还没有通知。": "No notifications yet.",
    "未读通知": "Unread notifications",
    "已按办件重新计算第三、四部分。检查发现 %(errors)d 处错误、%(warnings)d 条提示。": (
        "Parts 3 and 4 recomputed from cases. The check found %(errors)d errors and %(warnings)d notes."
    ),
    # letters: kinds and models
    "答复与告知文书": "Replies and notices",
    "接收回执": "Acknowledgement of receipt",
    "补正告知书": "Correction notice",
    "延期答复告知书": "Notice of extension",
    "征求第三方意见书": "Third-party consultation letter",
    "收费通知书": "Fee notice letter",
    "非本机关政府信息告知书": "Notice: information held by another organ",
    "答复书：予以公开": "Reply letter: disclosed",
    "答复书：部分公开": "Reply letter: partly disclosed",
    "答复书：不予公开（国家秘密）": "Reply letter: withheld (state secret)",
    "答复书：不予公开（法律行政法规禁止公开）": (
        "Reply letter: withheld (prohibited by law or administrative regulation)"
    ),
    "答复书：不予公开（危及“三安全一稳定”）": (
        "Reply letter: withheld (would endanger security or social stability)"
    ),
    "答复书：不予公开（保护第三方合法权益）": (
        "Reply letter: withheld (third party's lawful rights)"
    ),
    "答复书：不予公开（内部事务信息）": "Reply letter: withheld (internal affairs)",
    "答复书：不予公开（过程性信息）": "Reply letter: withheld (process information)",
    "答复书：不予公开（行政执法案卷）": (
        "Reply letter: withheld (law-enforcement case file)"
    ),
    "答复书：不予公开（行政查询事项）": (
        "Reply letter: withheld (administrative enquiry procedure)"
    ),
    "答复书：政府信息不存在": "Reply letter: information does not exist",
    "答复书：需要另行制作（不予提供）": (
        "Reply letter: would have to be created (not provided)"
    ),
    "答复书：补正后仍不明确": "Reply letter: still unclear after correction",
    "答复书：不作为政府信息公开申请处理（信访举报投诉）": (
        "Reply letter: not handled as a disclosure request (petition, report or complaint)"
    ),
    "答复书：不予重复处理": "Reply letter: repeated request not processed again",
    "答复书：公开出版物": "Reply letter: public publication",
    "答复书：不予处理（大量反复申请）": (
        "Reply letter: not processed (many repeated requests)"
    ),
    "答复书：不予处理（要求确认或重新出具）": (
        "Reply letter: not processed (asks for confirmation or reissue)"
    ),
    "告知书：逾期未补正，不再处理": "Notice: not corrected in time, no further handling",
    "告知书：逾期未缴费，不再处理": "Notice: fee not paid in time, no further handling",
    "告知书：其他处理": "Notice: other handling",
    "留空为所有机关通用的默认模板": "Leave blank for the default template shared by all organs",
    "文书类别": "Letter type",
    "修改人": "Changed by",
    "默认": "Default",
    "可用占位符：{{机关简称}}、{{年}}、{{序号}}，如 示范县政府依公开〔{{年}}〕{{序号}}号": (
        "Placeholders: {{机关简称}} (organ's short name), {{年}} (year), {{序号}} (sequence number), e.g. 示范县政府依公开〔{{年}}〕{{序号}}号"
    ),
    "留空时用机关名称": "If blank: the organ's name",
    "留空时为上一级人民政府（行政复议法第二十四条）；垂直管理部门请填写上一级主管部门": (
        "If blank: the people's government one level up (Article 24 of the Administrative Reconsideration Law); vertically managed departments enter the competent department one level up"
    ),
    "发文机关": "Issuing organ",
    "顺序号": "Sequence number",
    "所用模板": "Template used",
    # reminders and background tasks
    "提醒与后台任务": "Reminders and background tasks",
    "排入队列时间": "Queued at",
    "任务编号": "Task ID",
    "完成时间": "Finished at",
    "提醒的申请数": "Requests reminded",
    "到期提醒运行记录": "Due-date reminder runs",
    # back office: correcting a cell computed from cases
    "留空表示未报告；数字可用全角或千分位": (
        "Blank means not reported; full-width digits and thousands separators are accepted"
    ),
    "例如：有一件申请未在系统中登记。理由随报告保存，办件改变后会提示复核。": (
        "e.g. one request was never registered in the system. The reason is kept with the report; you are asked to review it when the cases change."
    ),
    "您不能更正这份报告：只有可以编辑草稿的人员可以更正。": (
        "You cannot correct this report: only staff who can edit the draft can correct it."
    ),
    "已撤销更正，单元格恢复为按办件计算的数字。": (
        "Correction revoked; the cell is back to the figure computed from cases."
    ),
    "已更正该单元格；理由已随报告保存。": (
        "Cell corrected; the reason is kept with the report."
    ),
    "本单元格已更正为 <strong>%(value)s</strong>（按办件计算为 %(machine)s），%(who)s 于 %(when)s 更正。": (
        "This cell was corrected to <strong>%(value)s</strong> (computed from cases: %(machine)s) by %(who)s on %(when)s."
    ),
    "撤销更正": "Revoke correction",
    "更正此单元格": "Correct this cell",
    "按办件计算的数字只能通过更正办件记录或在此说明理由更正；更正会记录在报告中，办件变化后会提示复核。": (
        "A figure computed from cases can be changed only by correcting the case records, or here with a reason; the correction is recorded in the report and you are asked to review it when the cases change."
    ),
    "更正": "Correct",
    "据收费记录，可写入本部分：": "From the fee records, this section could say:",
    # imports: background import batches and upload
    "后台导入": "Background import",
    "跳过的文件": "Skipped files",
    "排队中": "Queued",
    "导入中": "Importing",
    "完成": "Done",
    "尝试次数": "Attempts",
    "任务": "Task",
    "批次中的文件": "Files in the import run",
    "已完成": "Finished",
    "进行中": "In progress",
    "共 %(n)s 个文件": ("%(n)s file", "%(n)s files"),
    "未变（此前已导入）": "Unchanged (imported before)",
    "有 %(n)s 个文件尚未排入队列（任务队列曾不可用），请点击“重新排队”。": (
        "Files not yet queued (the task queue was unavailable): %(n)s. Click “Requeue”."
    ),
    "重新排队失败的文件（%(n)s 个）": "Requeue failed files (%(n)s)",
    "列出 %(shown)s 个文件（失败的在前），共 %(total)s 个；命令 gongkai import --status 也可查看。": (
        "Listing %(shown)s of %(total)s files (failed first); the command gongkai import --status shows them too."
    ),
    "上传导入": "Upload",
    "导入批次 %(n)s": "Import run %(n)s",
    "上传报告导入": "Upload reports to import",
    "选择已发布的年度报告文件（.txt .md .htm .html .docx .pdf），或包含它们的 zip 压缩包。文件在后台逐个导入，可在进度页面查看每个文件的结果，失败的文件可以单独重试。": (
        "Choose published annual report files (.txt .md .htm .html .docx .pdf), or a zip archive containing them. The files are imported one by one in the background; the progress page shows the result of each file, and failed files can be retried one by one."
    ),
    "上限：合计 %(max_total)s（zip 按解压后计），单个文件 %(max_file)s，最多 %(max_files)s 个报告文件；一次最多选择 %(max_count)s 个文件，更多请打包成 zip。": (
        "Limits: %(max_total)s in all (zip archives counted unpacked), %(max_file)s per file, at most %(max_files)s report files; choose at most %(max_count)s files at a time and put more in a zip."
    ),
    "上传并开始导入": "Upload and import",
    "上传报告文件或 zip 压缩包导入": "Upload report files or a zip archive to import",
    "各文件的结果": "Result of each file",
    "后台导入中，查看进度": "Importing in the background: see progress",
    # ------------------------------------------------------------------------------
    # proactive disclosure (主动公开): publications back office, portal and search.
    # Terms: 主动公开 proactive disclosure, 保密审查 confidentiality review,
    # 公开指南 disclosure guide, 公开目录 disclosure catalogue, 政策解读 policy
    # interpretation, 索引号 index number, 文号 document number, 发布机构 issuing organ,
    # 成文日期 date written, 有效性 validity, 规章 rules, 行政规范性文件
    # administrative normative documents.
    # ------------------------------------------------------------------------------
    # publications: permissions and messages
    "您的账号没有这项主动公开工作的岗位。": "Your account has no role for this proactive disclosure task.",
    "没有这条政府信息。": "There is no such item of government information.",
    "您无权办理「%(title)s」：它不属于您所在的机关。": "You may not handle “%(title)s”: it does not belong to your organ.",
    "您不是该机关的公开办管理员。": "You are not a disclosure office administrator of this organ.",
    "所选机关不在您的范围内：请重新选择": "The chosen organ is outside your remit: choose again",
    # publications: item fields and list filters
    "发布机构": "Issuing organ",
    "目录分类": "Catalogue category",
    "待我办理": "Waiting for me",
    "待我审核（保密审查）": "For my review (confidentiality review)",
    "待我审批发布": "For my approval to publish",
    "公开期限（第二十六条）": "Publication deadline (Article 26)",
    "已超过20个工作日": "More than 20 working days",
    "5个工作日内到期": "Due within 5 working days",
    "（未分类）": "(Uncategorised)",
    "主题分类": "Subject category",
    "体裁": "Genre",
    "重大政策（须配发政策解读）": "Major policy (needs a policy interpretation)",
    "施行日期": "Effective date",
    "信息形成或者变更之日": "Date created or changed",
    "公开属性": "Disclosure type",
    "公开属性说明": "Note on the disclosure type",
    "公开渠道": "Disclosure channels",
    "其他渠道": "Other channel",
    "修订或替代的文件": "Document amended or replaced",
    "（不修订已发布的文件）": "(Does not amend a published document)",
    "本文件是某份已发布的规章或行政规范性文件的修订版本时选择它；本文件发布后，原文件不再计入现行有效件数（第二十条第（一）项）": (
        "Choose it when this document amends a published rule or administrative normative"
        " document; once this one is published, the original no longer counts as in force"
        " (Article 20(1))"
    ),
    "原网址": "Original URL",
    "添加附件": "Add attachments",
    "可一次选择多个文件，每个不超过 20 MB": "You can choose several files at once, each up to 20 MB",
    "修改日期": "Date amended",
    "更正理由": "Reason for the correction",
    "审核意见": "Review comments",
    "「%(q)s」的说明": "Note on “%(q)s”",
    "回答「%(answer)s」的，请说明仍可公开的理由（如已征得第三方同意）": (
        "If you answer “%(answer)s”, explain why it can still be disclosed (e.g. the third"
        " party has agreed)"
    ),
    "请回答": "Answer this question",
    "请说明理由": "Give the reason",
    "审查事项": "Review question",
    "可以发布的回答": "Answer that allows publication",
    "不得说明后公开": "Cannot be disclosed with an explanation",
    "回答与「可以发布的回答」不同时，一律不得发布（如第十四条的情形）": (
        "Any answer other than the “answer that allows publication” blocks publication"
        " (as in the cases of Article 14)"
    ),
    "顺序": "Order",
    "启用": "Active",
    "分类名称": "Category name",
    "分类代码": "Category code",
    "字母和数字，用于索引号": "Letters and digits, used in index numbers",
    "上级分类": "Parent category",
    "（顶级分类）": "(Top-level category)",
    "公开指南正文": "Text of the disclosure guide",
    "保存为新的草稿版本，发布后替换网站上的指南。": (
        "Saved as a new draft version; once published it replaces the guide on the website."
    ),
    "解读形式": "Form of interpretation",
    "解读标题": "Interpretation title",
    "视频地址": "Video URL",
    "图解或视频文件": "Graphic or video file",
    "图解解读请上传图片": "Upload an image for a graphic interpretation",
    "随文件一同发布": "Publish with the document",
    "文件超过 200 MB": "The file is larger than 200 MB",
    # publications: administrative decisions and fees (report section 二)
    "单位": "Unit",
    "行政许可（件）": "Administrative licensing (decisions)",
    "行政处罚（件）": "Administrative penalties (decisions)",
    "行政强制（件）": "Administrative coercion (decisions)",
    "行政事业性收费（万元）": "Administrative fees (万元)",
    "CSV 或 XLSX 文件": "CSV or XLSX file",
    "第一行为列名；UTF-8 或 GBK 编码的 CSV": "The first row holds the column names; CSV in UTF-8 or GBK",
    "文件超过 20 MB": "The file is larger than 20 MB",
    "只能上传 .csv 或 .xlsx 文件": "Only .csv or .xlsx files can be uploaded",
    "文件没有「年度」列时必填": "Required when the file has no 「年度」 (year) column",
    "导入到机关": "Import into organ",
    "已保存「%(organ)s」%(year)d 年的数据。": "Saved the figures of %(organ)s for %(year)d.",
    "已导入：新增 %(c)d 条，更新 %(u)d 条。": "Imported: %(c)d added, %(u)d updated.",
    "已导入 %(n)d 条已发布的信息。": "Imported %(n)d published items.",
    # publications: workflow
    "草稿已保存。": "Draft saved.",
    "您不是该信息发布机构的承办人，不能修改。": "You are not a case officer of this item's issuing organ and cannot change it.",
    "只有草稿可以修改；已发布的信息请用「更正」。": "Only a draft can be changed; use “Correct” for a published item.",
    "您无权更正该信息。": "You may not correct this item.",
    "只有已发布的信息可以更正。": "Only a published item can be corrected.",
    "已更正，网站上的信息已更新。": "Corrected; the item on the website has been updated.",
    "提交审核": "Submit for review",
    "提交审核人审核": "Submit to the reviewer",
    "审核（保密审查）": "Review (confidentiality review)",
    "审核通过，报分管领导审批": "Pass the review and send to the leader in charge",
    "分管领导审批": "Approval by the leader in charge",
    "批准并发布": "Approve and publish",
    "退回修改": "Return for changes",
    "撤回已发布的信息": "Withdraw a published item",
    "撤回": "Withdraw",
    "废止": "Repealed",
    "记录废止": "Record the repeal",
    "宣布失效": "Declare lapsed",
    "记录失效": "Record the lapse",
    "已提交审核。": "Submitted for review.",
    "保密审查通过，已报分管领导审批。": "Confidentiality review passed; sent to the leader in charge for approval.",
    "已批准并发布，索引号 %(number)s。": "Approved and published with index number %(number)s.",
    "已退回承办人修改。": "Returned to the case officer for changes.",
    "已撤回，网站上不再显示。": "Withdrawn; it is no longer shown on the website.",
    "已记录。": "Recorded.",
    "您不能对这条信息进行这项操作。": "You cannot do this to this item.",
    "信息当前状态为「%(status)s」，不能进行这项操作；页面已刷新。": (
        "The item is now “%(status)s”, so this cannot be done; the page has been refreshed."
    ),
    "这条信息没有这个附件。": "This item has no such attachment.",
    # publications: back office menu and pages
    "公开期限（已超期、即将到期）": "Publication deadlines (overdue, due soon)",
    "政府信息": "Government information",
    "待配发政策解读": "Awaiting policy interpretation",
    "公开期限": "Publication deadlines",
    "起草": "New draft",
    "政策解读": "Policy interpretations",
    "保密审查事项": "Confidentiality review questions",
    "公开目录": "Disclosure catalogue",
    "公开指南": "Disclosure guide",
    "行政决定与收费": "Administrative decisions and fees",
    "导入原网站信息": "Import from the old website",
    "%(on)s 发布": "Published %(on)s",
    "审查事项已保存。": "Review question saved.",
    "目录分类已保存。": "Catalogue category saved.",
    "已保存为第 %(v)d 版草稿；发布后替换网站上的指南。": (
        "Saved as draft version %(v)d; once published it replaces the guide on the website."
    ),
    "没有这一版公开指南。": "There is no such version of the disclosure guide.",
    "第 %(v)d 版公开指南已发布。": "Version %(v)d of the disclosure guide is published.",
    "您无权为该文件发布政策解读。": "You may not publish a policy interpretation of this document.",
    "政策解读已保存。": "Policy interpretation saved.",
    "可直接输入 HTML。保存时只保留：%(groups)s；链接只保留 http、https 和 mailto 地址。脚本、样式、事件属性和其他标签都会被删除——下方预览即保存后的样子。": (
        "You can type HTML. Only these are kept when saving: %(groups)s; links keep only"
        " http, https and mailto addresses. Scripts, styles, event attributes and all other"
        " tags are removed: the preview below shows what will be saved."
    ),
    "一次最多添加 %(n)d 个附件": "Add at most %(n)d attachments at a time",
    "附件超过 %(mb)d MB：%(names)s。请压缩或拆分后上传": (
        "Attachments larger than %(mb)d MB: %(names)s. Compress or split them, then upload"
    ),
    "索引号": "Index number",
    "有效性": "Validity",
    "没有统计到的文件。": "No documents counted.",
    "行政许可": "Administrative licensing",
    "行政处罚": "Administrative penalties",
    "行政强制": "Administrative coercion",
    "没有录入的处理决定和收费数量。": "No decision or fee figures have been entered.",
    "主动公开": "Proactive disclosure",
    "正文为空，或其中的内容都会在保存时被删除。": "The body is empty, or everything in it would be removed on saving.",
    "预览（保存后的样子）": "Preview (as it will be saved)",
    "输入正文后在此预览。": "Type the body to preview it here.",
    "文件有 %(n)s 处错误，未导入任何内容": (
        "The file has %(n)s error; nothing was imported",
        "The file has %(n)s errors; nothing was imported",
    ),
    "请改正下列各行后重新上传整个文件。": "Correct the rows below, then upload the whole file again.",
    "行": "Row",
    "问题": "Problem",
    "%(organ)s · 政府信息公开目录": "%(organ)s · Government information disclosure catalogue",
    "还没有目录分类。": "There are no catalogue categories yet.",
    "在网站上查看": "View on the website",
    "修改「%(name)s」": "Change “%(name)s”",
    "添加分类": "Add category",
    "改为添加": "Add instead",
    "%(organ)s · 保密审查事项": "%(organ)s · Confidentiality review questions",
    "审核人审核每条信息时逐项回答下列事项（第十七条：公开前依法依规进行审查）。已作出的回答保留当时的措辞。": (
        "The reviewer answers these questions one by one for every item (Article 17:"
        " review under the law before disclosure). Answers already given keep the"
        " wording of the time."
    ),
    "适用于本机关的事项": "Questions for this organ",
    "已停用": "Inactive",
    "本机关": "This organ",
    "通用": "General",
    "修改审查事项": "Change review question",
    "添加审查事项": "Add review question",
    "主动公开期限": "Proactive disclosure deadlines",
    "主动公开期限（第二十六条）": "Proactive disclosure deadlines (Article 26)",
    "今天是 %(today)s。属于主动公开范围的政府信息，应当自形成或者变更之日起20个工作日内公开。下面按单位列出尚未公开的信息：已超期的，和 %(days)s 个工作日内到期的。": (
        "Today is %(today)s. Government information subject to proactive disclosure must"
        " be disclosed within 20 working days of being created or changed. Below are the"
        " items not yet disclosed, by unit: overdue, and due within %(days)s working days."
    ),
    "待公开 %(n)s 条": "Awaiting publication: %(n)s",
    "已超期 %(n)s 条": "Overdue: %(n)s",
    "%(days)s 个工作日内到期 %(n)s 条": "Due within %(days)s working days: %(n)s",
    "本年超期发布 %(n)s 条": "Published late this year: %(n)s",
    "待您审核（保密审查）%(n)s 条": "For your review (confidentiality review): %(n)s",
    "待您审批发布 %(n)s 条": "For your approval to publish: %(n)s",
    "待公开": "Awaiting publication",
    "本年超期发布": "Published late this year",
    "您的范围内没有待公开的信息。": "No items in your remit are awaiting publication.",
    "行政许可、行政处罚、行政强制与行政事业性收费": (
        "Administrative licensing, penalties, coercion and administrative fees"
    ),
    "年度报告第二部分（第二十条第（五）项至第（八）项）按单位、年度汇总这里的数据。同一单位同一年度再次保存或导入会替换原数据。": (
        "Part 2 of the annual report (Article 20(5) to (8)) totals these figures by unit"
        " and year. Saving or importing a unit's year again replaces its figures."
    ),
    "逐单位填报": "Enter by unit",
    "从业务系统导出的文件导入": "Import a file exported from a business system",
    "检查并导入": "Check and import",
    "已有数据": "Figures entered",
    "收费（万元）": "Fees (万元)",
    "填报人": "Entered by",
    "还没有数据。": "No figures yet.",
    "%(organ)s · 政府信息公开指南": "%(organ)s · Government information disclosure guide",
    "版本": "Version",
    "编辑人": "Edited by",
    "保存时间": "Saved",
    "网站上显示": "Shown on the website",
    "发布此版本": "Publish this version",
    "还没有公开指南。": "There is no disclosure guide yet.",
    "编辑（保存为新版本草稿）": "Edit (saved as a new draft version)",
    "修改政策解读": "Change policy interpretation",
    "添加政策解读": "Add policy interpretation",
    "解读的文件": "Document interpreted",
    "尚无政策解读的重大政策文件": "Major policy documents without a policy interpretation",
    "已发布的重大政策、规章和行政规范性文件，应当同步发布政策解读。": (
        "Published major policies, rules and administrative normative documents need a"
        " policy interpretation published with them."
    ),
    "重大政策": "Major policy",
    "添加解读": "Add interpretation",
    "所有重大政策文件都已有政策解读。": "Every major policy document has a policy interpretation.",
    "应公开期限": "Publication due",
    "修改草稿": "Change draft",
    "信息要素": "Item details",
    "发布时生成": "Assigned on publication",
    "废止日期": "Date repealed",
    "失效日期": "Date lapsed",
    "暂无政策解读。": "No policy interpretation yet.",
    "保密审查（第十七条）：逐项回答。回答不是可以发布的回答的，须在该项说明仍可公开的理由（如已征得第三方同意、已作区分处理）；不能公开的，请退回修改。": (
        "Confidentiality review (Article 17): answer each question. Where an answer is not"
        " the one that allows publication, explain under it why the item can still be"
        " disclosed (e.g. the third party has agreed, the content has been redacted);"
        " if it cannot be disclosed, return it for changes."
    ),
    "您现在不能对这条信息进行操作。": "You cannot act on this item now.",
    "经说明后公开": "Disclosed with an explanation",
    "起草政府信息": "Draft government information",
    "更正已发布的信息": "Correct a published item",
    "第二十六条：属于主动公开范围的政府信息，应当自该政府信息形成或者变更之日起20个工作日内及时公开。": (
        "Article 26: government information subject to proactive disclosure must be"
        " disclosed promptly, within 20 working days of being created or changed."
    ),
    "导入原网站已发布的信息": "Import items published on the old website",
    "上传原网站导出的 CSV 或 XLSX 文件。「标题」「发布日期」两列必填；其余可选的列": (
        "Upload a CSV or XLSX file exported from the old website. The columns 「标题」"
        " (title) and 「发布日期」 (publication date) are required; the optional columns are"
    ),
    "整个文件先检查；有任何错误都不导入，并逐行列出错误。": (
        "The whole file is checked first; if there is any error nothing is imported, and"
        " the errors are listed row by row."
    ),
    "政府信息（主动公开）": "Government information (proactive disclosure)",
    "起草新信息": "Draft a new item",
    "共 %(n)s 条": ("%(n)s item", "%(n)s items"),
    "没有符合条件的信息。": "No item matches.",
    # imports: review of inferred splits, tables not found and failed files
    "确认推断的拆分": "Confirm the inferred split",
    "按候选拆分更正": "Correct by a candidate split",
    "请确认推断的拆分，或选择一种候选拆分": "Confirm the inferred split, or choose a candidate split",
    "输入时列出名称相近的已有机关；与已有机关同名时归入该机关，否则新建一个待确认的机关": (
        "Existing organs with similar names are listed as you type; a name equal to an"
        " existing organ's files the report under it, otherwise a new organ to confirm"
        " is created"
    ),
    "请选择一个机关，或填写机关名称": "Choose an organ, or type an organ name",
    "正文中的数字": "Figures in the text",
    "查看来源并指定机关和年度": "View the source and set the organ and year",
    "推断拆分 · 可信度%(band)s": "Inferred split · confidence %(band)s",
    "来源中的数字": "Figures in the source",
    "%(who)s已确认": "confirmed by %(who)s",
    "已更正": "Corrected",
    "未在来源文本中找到这张表（不表示报告没有）。请对照来源文本填写，填写的值保存为人工更正。": (
        "This table was not found in the source text (which does not mean the report"
        " lacks it). Fill it in from the source text; the values are saved as manual"
        " corrections."
    ),
    "导入未找到的内容": "Not found by the import",
    "（这不表示报告没有这张表，请对照来源文本核对；可在下方表格中逐格补填）": (
        " (this does not mean the report lacks the table: check the source text; you can"
        " fill in the table below cell by cell)"
    ),
    "%(who)s已开始补填": "%(who)s has started filling it in",
    "三张统计表都在来源文本中找到了。": "All three tables were found in the source text.",
    "机关或年度不对？指定机关和年度": "Wrong organ or year? Set the organ and year",
    "保存机关和年度": "Save organ and year",
    "推断拆分的单元格": "Cells from inferred splits",
    "来源中这些数字连在一起，导入按格式的勾稽关系、与上年报告的连续性或合理性拆成了单元格。请对照来源核对：确认推断的拆分、选择另一种拆法（整行一次更正），或逐格填写。": (
        "In the source these figures run together; the import split them into cells by"
        " the format's cross-checks (勾稽关系), continuity with the previous year's"
        " report, or plausibility. Check them against the source: confirm the inferred"
        " split, choose another split (correcting the whole row at once), or fill in the"
        " cells one by one."
    ),
    "拆为": "Split into",
    "可信度": "Confidence",
    "核对": "Check",
    "可信度高或已核对的拆分": "Splits with high confidence or already checked",
    "按候选拆分更正整行": "Correct the whole row by this candidate split",
    "改为 %(text)s": "Change to %(text)s",
    "现为": "Now",
    "导入失败的文件": "Files that failed to import",
    "（这不表示报告没有写明，请对照下方来源文本核对）": (
        " (this does not mean the report does not state it: check the source text below)"
    ),
    "导入失败": "Import failed",
    "%(who)s已指定为%(name)s%(year)s年的报告": "%(who)s set it as the %(year)s report of %(name)s",
    "查看报告": "View report",
    "指定机关和年度并导入": "Set the organ and year and import",
    "导入后在报告页对照来源文本补填或更正单元格，每次修改都保存为人工更正。": (
        "After the import, fill in or correct cells on the report page against the"
        " source text; every change is saved as a manual correction."
    ),
    "没有保存这个文件的内容，请重新导入。": "The content of this file was not kept; import it again.",
    "下载来源文件": "Download source file",
    "推断拆分·可信度高": "Inferred split · high confidence",
    "推断拆分·可信度中": "Inferred split · medium confidence",
    "推断拆分·可信度低": "Inferred split · low confidence",
    "拆分已核对": "Split checked",
    "来源中未找到的表": "Table not found in the source",
    "（这不表示报告没有这张表）。": " (this does not mean the report lacks the table).",
    "%(who)s已开始对照来源补填；空白单元格仍待填写。": (
        "%(who)s has started filling it in from the source; blank cells are still to be filled."
    ),
    "下面是空白表格：点击单元格，对照左侧来源文本填写，每次填写都保存为人工更正。": (
        "Below is a blank table: click a cell and fill it in from the source text on the"
        " left; every entry is saved as a manual correction."
    ),
    "原文第 %(line)s 行第 %(column)s 字": "source line %(line)s, character %(column)s",
    "%(n)s 个，不计入统计表，供与表中数据比对": (
        "%(n)s figure, not counted in the tables, for comparison with them",
        "%(n)s figures, not counted in the tables, for comparison with them",
    ),
    "数字": "Figure",
    "上下文": "Context",
    "位置": "Position",
    "审核记录": "Review history",
    # portal: disclosure pages, search and navigation
    "没有找到这个机关。": "This organ was not found.",
    "这个机关尚未发布政府信息公开指南。": "This organ has not published a government information disclosure guide yet.",
    "没有找到这个公开目录分类。": "This catalogue category was not found.",
    "没有找到这条政府信息，或者它已经撤回。": "This item of government information was not found, or it has been withdrawn.",
    "没有找到这篇政策解读。": "This policy interpretation was not found.",
    "没有找到这个附件。": "This attachment was not found.",
    "没有找到这个文件。": "This file was not found.",
    "站内检索": "Site search",
    "退出长者模式": "Leave senior mode",
    "长者模式": "Senior mode",
    "大字体、高对比度": "Large text, high contrast",
    "%(organ)s · 政府信息公开": "%(organ)s · Government information disclosure",
    "%(organ)s最新主动公开的政府信息": "Latest government information proactively disclosed by %(organ)s",
    "%(organ)s · %(category)s": "%(organ)s · %(category)s",
    "公开目录“%(category)s”中最新主动公开的政府信息": (
        "Latest government information proactively disclosed in the catalogue category “%(category)s”"
    ),
    "检索词": "Search terms",
    "如：预算": "e.g. 预算",
    "发布日期从": "Published from",
    "至": "To",
    "排序": "Sort",
    "按相关度": "By relevance",
    "按日期": "By date",
    "全部机构": "All organs",
    "全部目录": "All categories",
    "全部体裁": "All genres",
    "结束日期不能早于开始日期。": "The end date cannot be earlier than the start date.",
    "返回首页": "Back to the home page",
    "暂无信息。": "No items yet.",
    "第": "Page ",
    "页": " ",
    "第 %(number)s 页，共 %(total)s 页": "Page %(number)s of %(total)s",
    "请求有误": "Bad request",
    "当前位置": "You are here",
    "首页": "Home",
    "下级分类": "Subcategories",
    "共 %(counter)s 条": ("%(counter)s item", "%(counter)s items"),
    "订阅本目录（Atom）": "Subscribe to this category (Atom)",
    "政府信息公开指南": "Government information disclosure guide",
    "%(organ)s政府信息公开指南": "%(organ)s: government information disclosure guide",
    "第 %(version)s 版": "Version %(version)s",
    "检索政府信息": "Search government information",
    "输入标题、正文或文号中的词语": "Type words from the title, body or document number",
    "检索": "Search",
    "最新信息": "Latest information",
    "更多最新信息": "More latest information",
    "通知公告": "Notices and announcements",
    "按机构浏览": "Browse by organ",
    "%(counter)s 条": ("%(counter)s item", "%(counter)s items"),
    "暂无发布信息的机构。": "No organ has published information yet.",
    "按主题浏览": "Browse by subject",
    "暂无主题分类。": "No subject categories yet.",
    "%(organ)s %(year)s年度报告": "%(organ)s: %(year)s annual report",
    "暂无已发布的年度报告。": "No annual report published yet.",
    "全部年度报告": "All annual reports",
    "在主动公开的信息中没有找到所需信息的，可以依据《中华人民共和国政府信息公开条例》第二十七条向行政机关申请获取。": (
        "If you cannot find what you need among the proactively disclosed information,"
        " you may apply to the administrative organ for it under Article 27 of the"
        " Regulations on the Disclosure of Government Information."
    ),
    "在线提交申请": "Apply online",
    "解读的文件：": "Document interpreted: ",
    "观看视频解读": "Watch the video interpretation",
    "查看图解或视频文件": "View the graphic or video file",
    "信息属性": "Item details",
    "相关文件": "Related documents",
    "本文件修订或替代：": "This document amends or replaces: ",
    "本文件已被修订或替代：": "This document has been amended or replaced by: ",
    "全部信息": "All items",
    "主题：%(topic)s": "Subject: %(topic)s",
    "%(organ)s主动公开的信息": "Information proactively disclosed by %(organ)s",
    "信息公开目录": "Disclosure catalogue",
    "政府信息公开指南（尚未发布）": "Government information disclosure guide (not published yet)",
    "全部主动公开信息": "All proactively disclosed information",
    "订阅（Atom）": "Subscribe (Atom)",
    "政府信息公开目录": "Government information disclosure catalogue",
    "尚未编制公开目录。": "No disclosure catalogue has been compiled yet.",
    "%(year)s年度": "%(year)s",
    "按发布机构浏览主动公开的政府信息、政府信息公开指南和年度报告。": (
        "Browse proactively disclosed government information, disclosure guides and"
        " annual reports by issuing organ."
    ),
    "按主题分类浏览": "Browse by subject category",
    "筛选和排序": "Filter and sort",
    "检索结果": "Search results",
    "请输入检索词。可以按发布机构、公开目录、体裁和发布日期筛选，结果按相关度或日期排序。": (
        "Type search terms. You can filter by issuing organ, disclosure catalogue, genre"
        " and publication date, and sort the results by relevance or date."
    ),
    "找到 %(counter)s 条结果": (
        "%(counter)s result found",
        "%(counter)s results found",
    ),
    "没有找到符合条件的信息。请换一个检索词，或者减少筛选条件。": (
        "Nothing matches. Try other search terms, or fewer filters."
    ),
    # publications: legal vocabularies and models
    "其他文件": "Other document",
    "规章": "Rules",
    "行政规范性文件": "Administrative normative document",
    "失效": "Lapsed",
    "属于国家秘密（第十四条）": "State secret (Article 14)",
    "法律、行政法规禁止公开（第十四条）": "Disclosure prohibited by law or administrative regulation (Article 14)",
    "危及“三安全一稳定”（第十四条）": (
        "Would endanger national, public or economic security or social stability (Article 14)"
    ),
    "涉及商业秘密、个人隐私等第三方合法权益（第十五条）": (
        "Trade secrets, personal privacy or other lawful rights of third parties (Article 15)"
    ),
    "属于三类内部事务信息（第十六条第一款）": "Internal affairs information (Article 16(1))",
    "属于四类过程性信息（第十六条第二款）": "Process information (Article 16(2))",
    "属于行政执法案卷（第十六条第二款）": "Administrative law-enforcement case file (Article 16(2))",
    "政府网站": "Government website",
    "政务微博": "Government Weibo",
    "政务微信": "Government WeChat",
    "系统内起草": "Drafted here",
    "文字解读": "Text interpretation",
    "图解": "Graphic",
    "视频解读": "Video interpretation",
    "需要配套政策解读": "Needs a policy interpretation",
    "起草人": "Drafted by",
    "提交人": "Submitted by",
    "审批人": "Approved by",
    "回答": "Answer",
    "保密审查记录": "Confidentiality review record",
    "公开目录分类": "Disclosure catalogue category",
    "所解读的文件": "Document interpreted",
    "行政许可 本年处理决定数量": "Administrative licensing: decisions this year",
    "行政处罚 本年处理决定数量": "Administrative penalties: decisions this year",
    "行政强制 本年处理决定数量": "Administrative coercion: decisions this year",
    "行政事业性收费 本年收费金额（万元）": "Administrative fees: amount collected this year (万元)",
    "处理决定和收费数量": "Decision and fee figures",
    "段落和分区": "paragraphs and sections",
    "小标题": "headings",
    "列表": "lists",
    "表格": "tables",
    "链接和图片": "links and images",
    "强调": "emphasis",
    "引文和代码": "quotations and code",
    "待审核": "Awaiting review",
    "待分管领导审批": "Awaiting approval by the leader in charge",
    "全文检索": "Full-text search",
    "网站导航": "Site navigation",
    "申请公开": "Request information",
    # the import review: how a glued run of digits was split, and how sure it is
    "高": "high",
    "中": "medium",
    "低": "low",
    "只有一种拆法": "only one possible split",
    "与上年报告的连续性": "continuity with last year's report",
    "合理性（无前导零、数值较小者优先）": (
        "plausibility (no leading zeros, smaller numbers first)"
    ),
    "无法拆分": "could not be split",
    "有分隔符": "separators present",
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


def _unfuzzy(comments: list[str]) -> list[str]:
    """Drop the fuzzy flag (also in "#, fuzzy, python-format") and the previous
    msgid ("#|") that makemessages adds to a guessed entry: msgfmt skips fuzzy
    entries, so a string translated here would otherwise stay Chinese."""
    kept = []
    for line in comments:
        if line.startswith("#|"):
            continue
        if line.startswith("#,"):
            flags = [f.strip() for f in line[2:].split(",")]
            flags = [f for f in flags if f and f != "fuzzy"]
            if not flags:
                continue
            line = "#, " + ", ".join(flags)
        kept.append(line)
    return kept


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
        comments = _unfuzzy(comments)
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
