"""Publisher boilerplate: text on a news page that is not the news.

Donation and subscription appeals, share buttons, newsletter boxes, cookie
notices and comment-section footers name people and organisations too (the
publisher, its owner, "our readers"), so left in they would put the publisher
into the graph as an actor. They are dropped by the general rules below,
each written for how publishers phrase such things, never for one outlet's
sentences. Every rule has a name (reported in debugging) and a reason.

Three kinds of rule:

* ``APPEAL_RULES`` match a paragraph that asks the reader for money, a
  subscription or a sign-up. An appeal is often a run of paragraphs; the
  neighbours of an appeal that speak in the publisher's voice ("we", "our",
  outside quotation marks) belong to it (see ``speaks_as_publisher``).
* ``LINE_RULES`` match a short paragraph that is page furniture ("Share",
  "Advertisement", "Read more: ...").
* ``FOOTER_RULES`` match the first line of a page's footer ("Join our
  commenting forum", "Comments", "Most read"): it and everything after it
  is dropped, when it sits in the second half of the text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .words import more_words_than


@dataclass(frozen=True)
class Rule:
    """A named pattern with the reason it marks boilerplate."""

    name: str
    why: str
    pattern: re.Pattern[str]
    max_words: int | None = None  # only paragraphs this short can match
    needs_voice: bool = False  # only when the text also says "you"/"we"/"our"

    def matches(self, text: str, *, voiced: bool = False) -> bool:
        """``voiced``: the text around ``text`` (its paragraph) already says "you"/"we"/"our"."""
        if self.max_words is not None and more_words_than(text, self.max_words):
            return False
        if self.needs_voice and not voiced and not _READER_OR_PUBLISHER.search(text):
            return False
        return self.pattern.search(text) is not None


def _rule(name: str, why: str, pattern: str, max_words: int | None = None, needs_voice: bool = False) -> Rule:
    return Rule(name, why, re.compile(pattern, re.IGNORECASE), max_words, needs_voice)


# "us" only in lower case: "US" is the United States.
_READER_OR_PUBLISHER = re.compile(r"\b(?:[Yy]ou|[Yy]our|[Ww]e|[Oo]ur|us)\b")


APPEAL_RULES: tuple[Rule, ...] = (
    _rule("appeal.your-support", "the reader's money or backing is asked for",
          r"\byour (?:support|donation|contribution|subscription|generosity|membership)\b"),
    _rule("appeal.donate", "donations or contributions, addressed to the reader or asked by the outlet",
          r"\b(?:donat(?:e|es|ed|ing|ions?)|contribut(?:e|ions?))\b", needs_voice=True),
    _rule("appeal.subscribe", "a call to subscribe",
          r"\bsubscribe (?:now|today|here|to (?:our|the newsletter|us))\b|\b(?:become|becoming) an? (?:member|subscriber|supporter)\b"),
    _rule("appeal.paywall", "talk of paywalls is the publisher talking about itself",
          r"\bpaywalls?\b"),
    _rule("appeal.support-journalism", "asks readers to fund journalism",
          r"\bsupport (?:our|independent|quality|trusted|the) (?:journalism|reporting|newsroom|journalists)\b"
          r"|\b(?:quality|independent) journalism (?:should|must|needs|is)\b"),
    _rule("appeal.sign-up", "a sign-up box (an imperative opening a sentence)",
          r"(?:^|[.!?]\s+)(?:sign up|register) (?:now|today|here|to|for)\b"),
    _rule("appeal.sign-up-voice", "a sign-up offer addressed to the reader",
          r"\bsign(?:ing)? up\b", needs_voice=True),
)

LINE_RULES: tuple[Rule, ...] = (
    _rule("line.share", "share buttons",
          r"^(?:share|share (?:this|the) (?:article|story|page|post)|share on \w+|tweet|e-?mail|print|copy link)\W*$", 6),
    _rule("line.follow", "social-media prompts", r"^follow (?:us|@?\w+ on)\b", 15),
    _rule("line.read-more", "links to other stories",
          r"^(?:read more|read next|also read|see also)\b"
          r"|^(?:related|recommended|more from(?: \w+)?|watch|listen|video|explained)\s*(?:[:>|]|$)", 25),
    _rule("line.advert", "advertising slots",
          r"^(?:advertisement|advertising|sponsored(?: content)?|ad|promoted|partner content)\W*$", 3),
    _rule("line.newsletter", "newsletter boxes",
          r"\b(?:our|free|daily|weekly|morning|evening)\s+(?:\w+\s+)?newsletters?\b"
          r"|\bnewsletters?\b.*\b(?:inbox|sign up|subscribe)\b|^newsletters?\W*$", 30),
    _rule("line.sign-up", "sign-up prompts", r"^sign up\b", 25),
    _rule("line.navigation", "navigation left in a copied page",
          r"^(?:skip to (?:main )?content|jump to|back to top|menu|home|search)\W*$", 5),
    _rule("line.reading-time", "reading-time and audio widgets",
          r"^(?:\d+\s*min(?:ute)?s? read|listen to (?:this )?(?:article|story))\b", 8),
    _rule("line.cookies", "cookie notices",
          r"\bcookies?\b.*\b(?:accept|consent|policy|settings|preferences|we use|this site uses)\b"
          r"|\b(?:we use|this site uses)\b.*\bcookies?\b", 60),
    _rule("line.copyright", "copyright notices", r"^(?:©|\(c\)\s|copyright\b|all rights reserved)", 25),
    _rule("line.comment-count", "comment counters", r"^\d+\s+comments?$|^comments?\s*\(\d+\)$", 3),
)

FOOTER_RULES: tuple[Rule, ...] = (
    _rule("footer.comments", "the comment section opens the footer",
          r"^join (?:our|the) (?:commenting forum|conversation|discussion)\b"
          r"|^(?:show |view |read )?comments?(?:\s*\(\d+\))?\W*$", 12),
    _rule("footer.more-stories", "lists of other stories close a page",
          r"^(?:more (?:stories|articles|coverage|on this story)|related (?:stories|articles|coverage)"
          r"|most (?:read|popular|viewed)|you may (?:also )?like|trending now|top stories)\W*$", 6),
)

_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"|‘[^’]{20,}’")
_PUBLISHER_VOICE = re.compile(r"\b(?:[Ww]e|[Oo]urs?|us)\b")


def first_match(rules: tuple[Rule, ...], text: str) -> Rule | None:
    """The first rule that matches ``text`` (one paragraph), or None."""
    for rule in rules:
        if rule.matches(text):
            return rule
    return None


def is_appeal(text: str, *, context: str | None = None) -> bool:
    """An appeal for money, subscriptions or sign-ups, in the publisher's words.

    Quoted speech is removed first: a minister saying "we need donations" is
    news, not an appeal. With ``context`` (``text`` is a sentence, ``context``
    it and the sentences on either side), the reader or publisher voice may
    come from a neighbour: "Please make a contribution today." right after
    "readers pay for our reporters".
    """
    unquoted = _QUOTED.sub(" ", text)
    voiced = context is not None and _READER_OR_PUBLISHER.search(_QUOTED.sub(" ", context)) is not None
    return any(rule.matches(unquoted, voiced=voiced) for rule in APPEAL_RULES)


def speaks_as_publisher(text: str) -> bool:
    """Does the paragraph speak as "we"/"our" outside quotation marks?

    Used only next to an appeal: a run of appeal paragraphs often opens with
    one that praises the outlet without asking for anything yet.
    """
    if '"' in text or "“" in text or "”" in text:
        return False
    return _PUBLISHER_VOICE.search(text) is not None


def is_page_furniture(text: str) -> bool:
    return first_match(LINE_RULES, text) is not None


def opens_footer(text: str) -> bool:
    return first_match(FOOTER_RULES, text) is not None
