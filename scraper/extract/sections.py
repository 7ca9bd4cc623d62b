"""FAQ and disclaimer sections, separated from the body."""

from __future__ import annotations

from .article import FaqEntry
from .document import Document


def extract_faq(doc: Document) -> list[FaqEntry]:
    out: list[FaqEntry] = []
    for obj in doc.json_ld:
        kinds = obj.get("@type") if isinstance(obj.get("@type"), list) else [obj.get("@type")]
        if "FAQPage" not in kinds:
            continue
        for entity in obj.get("mainEntity") or []:
            if not isinstance(entity, dict):
                continue
            answer = entity.get("acceptedAnswer") or {}
            if isinstance(answer, list):
                answer = answer[0] if answer else {}
            question, text = entity.get("name"), answer.get("text") if isinstance(answer, dict) else None
            if isinstance(question, str) and isinstance(text, str):
                out.append(FaqEntry(" ".join(question.split()), " ".join(text.split())))
    return out


def extract_disclaimer(doc: Document) -> str | None:
    return None
