"""Words of CI: pipelines, the CI report formats, validate, and init's git repository."""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    # init and the base branch
    "ci.no_branch": ("无法确定审查基准分支：HEAD 不在任何分支上，且克隆中没有 origin/HEAD；请在 safecheck.yaml 中设置 base_branch，或用 --base 指定",
                     "cannot tell which branch to review against: HEAD is on no branch and "
                     "the clone has no origin/HEAD; set base_branch in safecheck.yaml or give "
                     "--base"),
    "ci.bad_branch": ("--base-branch “{branch}”：safecheck.yaml 的 base_branch 只能由字母、数字和 . _ / - 组成",
                      "--base-branch '{branch}': base_branch in safecheck.yaml may hold only "
                      "letters, digits and . _ / -"),
    "ci.not_at_top": ("台账（safecheck.yaml 所在目录）在 git 仓库的子目录 {prefix} 中：report、review、history 只读取位于仓库顶层的台账的历史，否则会漏掉全部变更；请把台账作为独立仓库",
                      "the ledger (the folder of safecheck.yaml) is in the folder {prefix} of "
                      "its git repository: report, review and history read the history of a "
                      "ledger at the top of its repository only (elsewhere they would miss "
                      "every change); keep the ledger in a repository of its own"),
    "ci.created_repository": ("已新建 git 仓库（分支 {branch}）：{path}",
                              "created a git repository (branch {branch}): {path}"),
    # report --month this|last
    "ci.example.month": ("2026-11，或 this（本月）、last（上月）", "2026-11, this or last"),
    # pipelines
    "ci.install_required": ("请用 --install 指明流水线从哪里安装 safecheck，例如 --install 'safecheck @ git+https://git.example.com/safety/safecheck.git@v0.1.0' 或内部软件源中的包名与版本（PyPI 上的 safecheck 是另一个项目）；未写入任何内容",
                            "say where the pipeline installs safecheck from with --install, "
                            "e.g. --install 'safecheck @ git+https://git.example.com/safety/"
                            "safecheck.git@v0.1.0' or your package index's requirement (the "
                            "safecheck on PyPI is another project); nothing was written"),
    "ci.bad_install": ("--install “{spec}”：须为一行 pip 安装要求（不含花括号）",
                       "--install '{spec}': expected one line, a pip requirement (without "
                       "braces)"),
    "ci.not_git": ("{root} 不在 git 仓库中：流水线属于 git 仓库（safecheck init 会新建一个）",
                   "{root} is not in a git repository: a pipeline belongs to one (safecheck "
                   "init makes one)"),
    "ci.exists": ("{path} 已存在且内容不同，未写入任何内容：请手工合并（safecheck ci {platform} --print 输出流水线），或用 --force 替换",
                  "{path} exists and says something else; nothing was written: merge by "
                  "hand (safecheck ci {platform} --print shows the pipeline) or replace it "
                  "with --force"),
    "ci.not_a_file": ("{path} 不是普通文件，未写入任何内容", "{path} is not a regular file; "
                      "nothing was written"),
    "ci.written": ("已写入 {path}", "wrote {path}"),
    "ci.unchanged": ("{path} 已是最新，未改动", "{path} is up to date; nothing changed"),
    "ci.next.gitlab": ("下一步：提交 {path}；在 GitLab 的“构建 → 流水线计划”中新建每日计划（例如每天 06:00），逾期隐患会随时间而不是随提交出现，月报在计划流水线的制品中",
                       "next: commit {path}; in GitLab, add a daily pipeline schedule (Build "
                       "→ Pipeline schedules, e.g. 06:00): overdue hazards appear with time, "
                       "not with commits, and the scheduled pipeline keeps the monthly "
                       "reports as artifacts"),
    "ci.next.github": ("下一步：提交 {path}；每日审计按计划在 {cron}（UTC）运行，月报在计划运行的制品中",
                       "next: commit {path}; the daily audit runs on schedule at {cron} "
                       "(UTC), and the scheduled run keeps the monthly reports as artifacts"),
    "ci.pipeline.header": ("safecheck 隐患台账流水线（由 safecheck {version} 生成：safecheck ci）。每次推送和合并请求都审计台账；合并请求逐个提交审查；每日审计发现逾期；月报作为制品保存。",
                           "safecheck hazard ledger pipeline (written by safecheck {version}: "
                           "safecheck ci). Every push and merge request audits the ledger; a "
                           "merge request is reviewed commit by commit; a daily audit finds "
                           "what is overdue; the monthly reports are kept as artifacts."),
    "ci.pipeline.install": ("SAFECHECK_INSTALL 是安装 safecheck 的 pip 要求，应固定到版本或提交；同名的 CI 变量可覆盖它。",
                            "SAFECHECK_INSTALL is the pip requirement safecheck is installed "
                            "from, pinned to a version or commit; a CI variable of that name "
                            "overrides it."),
    "ci.pipeline.schedule": ("每日审计：在“构建 → 流水线计划”中新建每日计划（例如每天 {time}，{timezone}）；计划流水线运行审计并生成月报。",
                             "Daily audit: add a daily pipeline schedule (Build → Pipeline "
                             "schedules, e.g. {time} {timezone}); a scheduled pipeline audits "
                             "and writes the monthly reports."),
    "ci.pipeline.daily": ("每日审计：{time}（{timezone}），即 UTC {cron}",
                          "daily audit at {time} {timezone} (UTC cron {cron})"),
    "ci.pipeline.cache": ("safecheck 的解析缓存，在两次运行之间保留", "safecheck's parse cache, "
                          "kept between runs"),
    "ci.pipeline.audit": ("审计：校验全部记录，发现逾期与不一致（每次推送、合并请求和计划运行）",
                          "audit: every record validated, what is overdue or inconsistent "
                          "found (every push, merge request and scheduled run)"),
    "ci.pipeline.review": ("审查：合并请求的每个提交，基准取自平台（不取自变更本身）",
                           "review: every commit of a merge request, against the base the "
                           "platform gives (never one the change chooses)"),
    "ci.pipeline.report": ("月报：上月与本月至今，作为制品保存（计划运行与手动运行）",
                           "monthly reports: last month and this month so far, kept as "
                           "artifacts (scheduled and manual runs)"),
    "ci.pipeline_changed": ("本次变更修改了 CI 流水线 {path}：流水线决定如何审查变更，须由有权限的人单独合并",
                            "the CI pipeline {path} changed in this range: the pipeline "
                            "decides how changes are reviewed, so it is merged on its own by "
                            "someone with the authority to"),
    # CI report formats
    "ci.junit.audit": ("safecheck 台账审计", "safecheck audit"),
    "ci.junit.review": ("safecheck 变更审查", "safecheck review"),
    "ci.junit.repository": ("仓库", "repository"),
    "ci.junit.commit": ("提交 {commit}，作者 {author}", "commit {commit} by {author}"),
    # validate
    "ci.validate.timeless": ("validate 不检查与日期有关的规则（{rules}）：由 safecheck audit 检查",
                             "validate leaves the rules that depend on the date ({rules}) to "
                             "safecheck audit"),
    "ci.validate.outside": ("{path} 不在台账 {root} 中", "{path} is not in the ledger at {root}"),
}
