"""General-English lexicons, kept as YAML data files in pipeline/lexicons/."""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml

DIR = Path(__file__).resolve().parent / "lexicons"


class _Loader(yaml.SafeLoader):
    """YAML where only true/false are booleans: word lists hold "no", "on", "off"."""


_Loader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:bool"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()}
_Loader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|false)$"), list("tf"))


@lru_cache(maxsize=None)
def load(name: str) -> dict:
    with open(DIR / f"{name}.yaml", encoding="utf-8") as fh:
        return yaml.load(fh, Loader=_Loader)


def alternation(words, boundary: bool = True) -> str:
    """A regex alternation of literal words, longest first (so 'PA Media' beats 'PA')."""
    alt = "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))
    return rf"(?:{alt})" if not boundary else rf"\b(?:{alt})\b"
