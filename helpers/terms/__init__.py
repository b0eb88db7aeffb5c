"""Recurring words and multi-word terms, where they occur, and whose voice uses them.

Terms are word n-grams (2 to 4 words) counted inside sentences, headline and subheadings
included; punctuation (a comma, a quotation mark, a bracket) ends a run of words, so no term
spans it. Counting is case-folded with curly and straight apostrophes made equal; every term
is shown in the form the text uses most. Stopwords are removed only *after* counting: a term
may hold them inside ("state of emergency") but not at its edges ("of the" is no term).
A run of two or more stopwords that comes before a term every single time it occurs is a
set phrase and is kept with it (see docs/terms.md). Association is Dunning's log-likelihood
ratio G², NLTK's formula on the counts NLTK's collocation finders make.

The modules, in the order data flows through them: ``index`` (the tokens as integer
columns), ``ngrams`` (counting n-grams with numpy), ``candidates`` (which n-grams are terms:
edges, set phrases, folding), ``association`` (G²), ``table`` (forms, rows, ranking); then
``words`` (word frequencies), ``queries`` (find, concordance, dispersion), ``voices`` and
``choose`` (whose words, which terms to read in context).
"""

from helpers.terms.candidates import MAX_WORDS, MIN_LEAD, MIN_WORDS
from helpers.terms.choose import choose_terms, naming_words, terms_by_voice
from helpers.terms.index import Stoplist, clear_cache, fold, resolve_stopwords
from helpers.terms.queries import (
    CONCORDANCE_COLUMNS,
    DISPERSION_COLUMNS,
    concordance,
    dispersion_table,
    find,
    paragraph_word_starts,
    word_count,
)
from helpers.terms.table import TERM_COLUMNS, recurring_terms, term_records
from helpers.terms.voices import NARRATOR
from helpers.terms.words import word_frequencies

__all__ = [
    "CONCORDANCE_COLUMNS",
    "DISPERSION_COLUMNS",
    "MAX_WORDS",
    "MIN_LEAD",
    "MIN_WORDS",
    "NARRATOR",
    "TERM_COLUMNS",
    "Stoplist",
    "choose_terms",
    "clear_cache",
    "concordance",
    "dispersion_table",
    "find",
    "fold",
    "naming_words",
    "paragraph_word_starts",
    "recurring_terms",
    "resolve_stopwords",
    "term_records",
    "terms_by_voice",
    "word_count",
    "word_frequencies",
]
