"""The header of an article as copied: title, byline (author, date, time, place), source URL, and the
advertising and navigation lines around them."""

from __future__ import annotations

import datetime as dt
import re

_BYLINE = re.compile(
    r"^(?P<author>\S.*?)\s+(?P<date>\d{4}-\d{1,2}-\d{1,2})(?:\s+(?P<time>\d{1,2}:\d{2}))?(?:\s+(?P<place>\S+))?\s*$"
)
_SOURCE_URL = re.compile(
    r"^(?:原文地址|原文链接|原文|来源|Source|URL|Original)\s*[:：]\s*(?P<url>https?://\S+)\s*$", re.I
)
_EN_DATE = r"\d{1,2}\s+[A-Z][a-z]+\.?,?\s+\d{4}|[A-Z][a-z]+\.?\s+\d{1,2},?\s+\d{4}|\d{4}-\d{1,2}-\d{1,2}"
_EN_BYLINE = re.compile(rf"^By\s+(?P<author>[^,|]+?)\s*(?:[,|–—-]\s*(?P<date>{_EN_DATE}))?\s*$")
_EN_DATE_FORMATS = ("%d %B %Y", "%d %b %Y", "%B %d %Y", "%b %d %Y", "%Y-%m-%d")
# a navigation line of a web page: "日期: 2025-10-03 | 来源: 腾讯科技 | 有0人参与评论", "首页 > 科技 > 正文"
_NAV_FIELD = re.compile(r"(?:日期|时间|来源|作者|编辑|责任编辑|字号|浏览|阅读|评论|Date|Source|Author)\s*[:：]", re.I)
_NAV_WORDS = re.compile(r"参与评论|人参与|字号|责任编辑|分享到|返回顶部|上一篇|下一篇|打印本页|关闭窗口")
_BREADCRUMB = re.compile(r"^(?:首页|Home)\s*[>›»/]", re.I)
_BOILERPLATE = re.compile(r"(更多|访问|关注|扫码|点击|公众号|转载|广告|下载|subscribe|sign up|advertisement)", re.I)
_URL = re.compile(r"https?://\S+")


def classify(lines: list[tuple[int, str]]) -> tuple[dict, list[dict], int]:
    """Parse header lines; return (meta, boilerplate, offset where the body starts)."""
    meta: dict = {"title": None, "author": None, "date": None, "time": None, "place": None, "url": None}
    dropped: list[dict] = []
    body_start = lines[0][0] if lines else 0
    for k, (offset, line) in enumerate(lines):
        text = line.strip()
        if m := _SOURCE_URL.match(text):
            meta["url"] = m["url"]
        elif meta["title"] is None and _URL.search(text) and _BOILERPLATE.search(text):
            dropped.append({"offset": offset, "line": text, "reason": "advertising or navigation line with a link"})
        elif is_navigation(text):
            dropped.append({"offset": offset, "line": text, "reason": "navigation line of a web page"})
            _navigation_meta(text, meta)
        elif meta["title"] is None and _is_title(text):
            meta["title"] = text
        elif meta["date"] is None and (m := _BYLINE.match(text)) and len(text) <= 80:
            meta.update({key: m[key] for key in ("author", "date", "time", "place")})
        elif meta["title"] is not None and k <= 6 and (m := _EN_BYLINE.match(text)) and len(text) <= 80:
            meta["author"] = m["author"].strip()
            if m["date"]:
                meta["date"] = _iso_date(m["date"])
        else:
            return meta, dropped, offset
        body_start = offset + len(line)
    return meta, dropped, body_start


def _is_title(text: str) -> bool:
    """A headline: short, and ending without a full stop (a question mark is fine: "Will Sora ...?")."""
    if text[-1] in "?？":
        return len(text) <= 80
    return len(text) <= 120 and text[-1] not in "。.!！"


def is_navigation(line: str) -> bool:
    """A web page's navigation or metadata line (fields split by '|', a breadcrumb, 责任编辑 ...)."""
    text = line.strip()
    fields = [f for f in re.split(r"\s*[|｜]\s*", text) if f]
    if len(fields) >= 3 and len(text) <= 160 and (_NAV_FIELD.search(text) or _NAV_WORDS.search(text)):
        return True
    if _BREADCRUMB.match(text) and len(text) <= 60:
        return True
    return len(text) <= 30 and bool(re.match(r"^(?:责任编辑|编辑|来源)\s*[:：]", text))


def _navigation_meta(line: str, meta: dict) -> None:
    """Date and source from a navigation line's fields, where the header has none yet."""
    for item in re.split(r"\s*[|｜]\s*", line):
        parts = re.split(r"\s*[:：]\s*", item.strip(), maxsplit=1)
        if len(parts) != 2:
            continue
        key, value = parts
        if (
            key in ("日期", "时间", "Date")
            and meta["date"] is None
            and (m := re.match(r"\d{4}-\d{1,2}-\d{1,2}", value))
        ):
            meta["date"] = m[0]
        elif key in ("来源", "Source") and meta["author"] is None and value:
            meta["author"] = value


def _iso_date(text: str) -> str:
    """An English byline date as YYYY-MM-DD ("3 April 2025" -> "2025-04-03"); as written if unknown."""
    plain = re.sub(r"[.,]", "", text).strip()
    for fmt in _EN_DATE_FORMATS:
        try:
            return dt.datetime.strptime(plain, fmt).date().isoformat()
        except ValueError:
            continue
    return text


def lines_with_offsets(text: str) -> list[tuple[int, str]]:
    out, offset = [], 0
    for line in text.split("\n"):
        if line.strip():
            out.append((offset, line))
        offset += len(line) + 1
    return out
