"""The signs and words that make a number a percentage, in the languages of the news.

One table for the two readers of it: percentages.py, which reads `17,2 Prozent` as a percentage, and the number
finder, for which a decimal point before them is a decimal, never a group (`17.2 Prozent` in German copy quoting
the wires, where `17.200` would be seventeen thousand two hundred).
"""

POINTS = r"percentage[ -]points?|pp\b|ppts?\b|Prozentpunkte\b|points de pourcentage\b"
SIGNS = r"[%٪％]"
# Whole words: nothing but a non-letter may follow them.
WORDS = (
    r"percent|per[ ]cent|pct|Prozent|pour[ ]cent|por[ ]ciento|por[ ]cento|per[ ]cento|процент(?:а|ов)?"
    r"|persen|peratus|phần[ ]trăm|procent(?:u|y|ów|a)?|proc\.|prosent|prosenttia|százalék(?:ot|át|kal|a|os|nyi)?"
    r"|τοις[ ]εκατό|la[ ]sută|відсотк(?:а|ів|и)?|प्रतिशत|فیصد|درصد"
    r"|بالمئة|بالمائة|في[ ]المئة|في[ ]المائة"
)
# A particle follows these with no space: `40パーセントだった`, `50퍼센트로`.
ATTACHED = r"パーセント|퍼센트"
# Before the figure, as Turkish writes a percentage (`%45`, `yüzde 45`).
BEFORE = (r"%", r"yüzde[ ]")
# Written against the figure in British copy: `15pc`, `0.7pc` (the number finder reads them as its suffix).
SUFFIXES = frozenset({"pc", "pct"})
