"""Photo credits inside captions are cut out; the caption itself is still read."""
from __future__ import annotations

from newsgraph.ingest import read_text_document

BODY = ("\n\nLeaders of the region met on Thursday to agree a customs pact, officials said.\n\n"
        "The talks ran late into the night and ended with a joint statement.\n")


def analysed_text(text: str) -> str:
    doc = read_text_document(text.encode(), "t.txt")
    return " ".join(doc.text[s.start:s.end] for s in doc.segments)


def test_a_credit_line_at_the_end_of_a_caption_is_not_read():
    text = ("Ministers meet in Arusha to sign a customs pact\n\nPhoto: Delegates from all eight member states pose for the cameras outside the hall in "
            "Arusha. Credit: Jane Wairimu / Lake Pictures" + BODY)
    read = analysed_text(text)
    assert "pose for the cameras outside the hall in Arusha." in read and "Wairimu" not in read


def test_a_bracketed_photographer_and_agency_credit_is_not_read():
    text = ("Counting goes on in Quito after a tight vote\n\nPhoto: Supporters of the re-elected president wave flags and sing in the streets of Quito on Sunday "
            "night. (Ana Mora/Andes Photo)" + BODY)
    read = analysed_text(text)
    assert "in the streets of Quito" in read and "Mora" not in read
