"""Words of the printable forms: 隐患整改通知书 and 销号单 (一个问题一套整改资料).

Field names come from ``field.*`` (labels.py); these are the words only a form needs:
titles, section headings, the reply the department fills in, signature lines.
"""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    # titles
    "form.notice_title": ("隐患整改通知书", "Hazard Rectification Notice"),
    "form.signoff_title": ("隐患整改销号单", "Hazard Sign-off Sheet"),
    "form.signoff_subtitle": ("一个问题一套整改资料（封面）", "Cover sheet of the problem's rectification file"),
    # header
    "form.organization": ("组织名称", "Organisation"),
    "form.number": ("通知书编号", "Notice No."),
    "form.issued_on": ("发出日期", "Issued on"),
    "form.recipient": ("受文部门", "To (department)"),
    "form.printed_on": ("打印日期", "Printed on"),
    "form.record": ("台账文件", "Ledger file"),
    "form.folder": ("资料存放位置", "Documents folder"),
    "form.notice_intro": ("经排查，你部门存在下列事故隐患。请按以下要求落实整改，在整改时限内完成，并填写整改回复交回签发部门。",
                          "An inspection found the hazard below. Rectify it as required, within the deadline, and return this notice with the reply filled in."),
    # sections
    "form.section_problem": ("隐患情况", "The problem"),
    "form.section_requirements": ("整改要求（五到位）", "What is required (five in place)"),
    "form.section_plan": ("整改方案（五到位）", "The plan (five in place)"),
    "form.section_major": ("重大事故隐患管控与治理", "Major hazard: control and governance"),
    "form.section_contractor": ("外包作业", "Outsourced work"),
    "form.section_reply": ("整改回复（由整改责任部门填写）", "Rectification reply (filled in by the responsible department)"),
    "form.section_signatures": ("签发与签收", "Issue and receipt"),
    "form.section_status": ("销号情况", "Status and sign-off"),
    "form.section_approval": ("销号审批", "Sign-off approval"),
    # the major-hazard requirements on a notice (16号令 第14–18条)
    "form.major_requirement": ("本隐患为重大事故隐患：整改完成前须落实临时管控措施（必要时停产停用、撤出人员、设置警戒），及时向负有安全生产监督管理职责的部门报告，并按经主要负责人批准的治理方案组织治理；治理完成后须经评估合格方可销号。",
                               "This is a major hazard: keep the interim control measures in force until it is fixed (stop work or use, withdraw people and cordon off where needed), report it to the supervising authority without delay, and govern it by the plan the principal approved; it is signed off only after a passing assessment."),
    "form.governance_plan": ("治理方案", "Governance plan"),
    "form.report_to_authority": ("向监管部门报告", "Report to the authority"),
    "form.not_reported": ("尚未报告", "not yet reported"),
    "form.plan_missing": ("尚未落实：{parts}", "Not yet in place: {parts}"),
    # the reply the department fills in
    "form.reply_actions": ("整改情况", "What was done"),
    "form.reply_completed_on": ("完成日期", "Completed on"),
    "form.reply_signature": ("整改责任人签字", "Responsible person's signature"),
    # signature lines
    "form.sign_issuer": ("签发人", "Issued by"),
    "form.sign_issuer_date": ("签发日期", "Date issued"),
    "form.sign_receiver": ("签收人", "Received by"),
    "form.sign_receiver_date": ("签收日期", "Date received"),
    "form.sign_verifier": ("验收人（签字）", "Verified by (signature)"),
    "form.sign_safety_head": ("安全管理部门负责人（签字）", "Head of the safety department (signature)"),
    "form.sign_date": ("日期", "Date"),
    # tables
    "form.item": ("项目", "Item"),
    "form.content": ("内容", "Details"),
    "form.no": ("序号", "No."),
    "form.round": ("轮次", "Round"),
    "form.field": ("更正栏目", "Field"),
    "form.old_value": ("原内容", "Was"),
    "form.new_value": ("更正为", "Now"),
    "form.extended_to": ("延期至", "Extended to"),
    "form.approved_on": ("批准日期", "Approved on"),
    "form.new_deadline": ("新整改时限", "New deadline"),
    "form.kind": ("类别", "Kind"),
    "form.files": ("文件", "Files"),
    "form.closed_on": ("销号日期", "Signed off on"),
    # status of the sign-off sheet
    "form.not_closed": ("未销号", "NOT SIGNED OFF"),
    "form.not_closed_note": ("本隐患尚未销号（当前状态：{status}），本单不作为销号依据。",
                             "This hazard is not signed off (status: {status}); this sheet is not a sign-off."),
    "form.closed_note": ("本隐患已于 {date} 经{by}验收合格并销号。",
                         "Accepted by {by} and signed off on {date}."),
}
